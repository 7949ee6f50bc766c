/**
 * Waiting: the ticket number, huge; honestly how many are ahead and about how long, or plainly why
 * nobody can say (issue 11 #5); reassurance; no countdown. Next in line, the resident's own picture
 * beside it (MirrorView, issue 13), to sit in frame before the call.
 */
import type { Entitlement, Locale, TicketPosition } from '@rvw/shared';
import { EntitlementsBox } from '../case/EntitlementsBox';
import { MirrorView } from './MirrorView';
import type { MessageKey } from '../i18n';
import './routing.css';

/** The ticket, its place in words, whether sharing the identity failed, readiness, and the cancel tap. */
export interface WaitingScreenProps {
  ticket: TicketPosition;
  /** "Next is you" or "N ahead" (speech-text.ts: the same line is spoken). */
  position: string;
  /** "About 6 more minutes", "connecting you now", or why there is no estimate (wait-text.ts). */
  estimate: string;
  /** True when `estimate` says why there is none: it gets a line of its own. */
  noEstimate?: boolean;
  identityShared: boolean | null;
  /** True when a call was cut off without anyone ending it: the resident is back, first in line. Default false. */
  callDropped?: boolean;
  /** What the resident gets without applying (免申即享), told while they wait; default none. */
  entitlements?: readonly Entitlement[];
  /** The screen's language (for the entitlements' texts); default zh-CN. */
  locale?: Locale;
  /** Next in line: the mirror is up, with the resident's picture (null while it is being attached). */
  mirror?: { stream: MediaStream | null } | null;
  ready: boolean;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  onCancel: () => void;
}

/** Shows how many are ahead (not the raw position), and a notice when the identity could not be sent. */
export function WaitingScreen({
  ticket,
  position,
  estimate,
  noEstimate = false,
  identityShared,
  callDropped = false,
  entitlements = [],
  locale = 'zh-CN',
  mirror = null,
  ready,
  tr,
  onCancel,
}: WaitingScreenProps) {
  const classes = `screen screen-waiting${entitlements.length > 0 ? ' with-news' : ''}${mirror ? ' with-mirror' : ''}`;
  return (
    <section className={classes} data-testid="screen-waiting">
      {mirror && <MirrorView stream={mirror.stream} tr={tr} />}
      <div className="wait-info">
        {callDropped && (
          <p className="notice" data-testid="call-dropped" role="status">
            {tr('waiting.callDropped')}
          </p>
        )}
        <p className="lead">{tr('waiting.yourNumber')}</p>
        <div className="ticket-number" data-testid="ticket-number">
          {ticket.ticket.number}
        </div>
        {/* The place and the estimate side by side (wrapping when narrow); "cannot say" under them. */}
        <div className="wait-lines" aria-live="polite">
          <p className="queue-position">
            <span data-testid="queue-position">{position}</span>
            {!noEstimate && (
              <span className="wait-estimate" data-testid="waiting-estimate">
                {estimate}
              </span>
            )}
          </p>
          {noEstimate && (
            <p className="wait-unknown" data-testid="waiting-estimate">
              {estimate}
            </p>
          )}
        </div>
        {/* Next in line, the mirror's line is the headline instead (MirrorView). */}
        {!mirror && <h1 className="headline reassure">{tr('waiting.reassure')}</h1>}
        {entitlements.length > 0 ? (
          <EntitlementsBox entitlements={entitlements} locale={locale} tr={tr} />
        ) : (
          !mirror && <p className="hint">{tr('waiting.rest')}</p>
        )}
        {identityShared === false && <p className="notice">{tr('waiting.identityNotSent')}</p>}
      </div>
      {/* In the start half, as without the mirror: off the disability answers and welcome's button (mirror.css). */}
      <div className="actions actions-start">
        <button
          type="button"
          className="btn btn-secondary btn-small"
          data-testid="cancel-ticket"
          data-main-action
          disabled={!ready}
          onClick={onCancel}
        >
          {tr('waiting.cancel')}
        </button>
      </div>
    </section>
  );
}
