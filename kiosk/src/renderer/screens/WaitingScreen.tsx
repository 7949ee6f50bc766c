/** Waiting: the ticket number, huge; how many are ahead; reassurance; no countdown. */
import type { TicketPosition } from '@rvw/shared';
import type { MessageKey } from '../i18n';

/** The ticket and its place, whether sharing the identity failed, and the cancel tap. */
export interface WaitingScreenProps {
  ticket: TicketPosition;
  identityShared: boolean | null;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  onCancel: () => void;
}

/** Shows how many are ahead (not the raw position), and a notice when the identity could not be sent. */
export function WaitingScreen({ ticket, identityShared, tr, onCancel }: WaitingScreenProps) {
  const ahead = Math.max(0, ticket.position - 1);
  return (
    <section className="screen screen-waiting" data-testid="screen-waiting">
      <p className="lead">{tr('waiting.yourNumber')}</p>
      <div className="ticket-number" data-testid="ticket-number">
        {ticket.ticket.number}
      </div>
      <p className="queue-position" data-testid="queue-position" aria-live="polite">
        {ahead === 0 ? tr('waiting.next') : tr('waiting.ahead', { n: ahead })}
      </p>
      <p className="headline reassure">{tr('waiting.reassure')}</p>
      <p className="hint">{tr('waiting.rest')}</p>
      {identityShared === false && <p className="notice">{tr('waiting.identityNotSent')}</p>}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        data-testid="cancel-ticket"
        onClick={onCancel}
      >
        {tr('waiting.cancel')}
      </button>
    </section>
  );
}
