/**
 * The live queue: the tickets this agent can serve, in the server's service order (never re-sorted
 * here: that would undo priority). When the agent's centre pulls, a large "take the next one";
 * when it offers, a note that calls come as a prompt instead. Each row of a centre that pulls has
 * Accept; a row of a centre that offers (an overflow from it) says 派单. Away, a line says no new
 * calls will come; the list stays in view.
 */
import type { QueueEntry, RoutingMode } from '@rvw/shared';
import { ACCEPT_NEXT } from '../app/console-state';
import { useI18n } from '../i18n/I18nContext';
import { useNow } from '../ui/use-now';
import { QueueRow } from './QueueRow';
import './routing.css';

/** Props of the queue view; `accepting` is the ticket whose accept is in flight. */
export interface QueueViewProps {
  entries: QueueEntry[];
  offsetMs: number;
  accepting: string | null;
  connected: boolean;
  onAccept(entry: QueueEntry): void;
  /** Takes the ticket the server puts first among those that can be taken. */
  onAcceptNext(): void;
  /**
   * How a centre routes its tickets (default: every centre pulls): the agent's own centre's mode
   * picks "take the next one" or the offer-mode note; each row's centre whether it has Accept.
   */
  modeOf?: (centreId: string) => RoutingMode;
  /** The agent is away: say that no new calls will come. */
  away?: boolean;
  /** The agent's centre, to mark residents at another centre. */
  ownCentreId?: string;
}

/** The waiting tickets as a table, or a line saying none are waiting. */
export function QueueView(props: QueueViewProps) {
  const { entries, offsetMs, accepting, connected, onAccept, onAcceptNext } = props;
  const { modeOf = () => 'pull', away = false, ownCentreId = '' } = props;
  const { t } = useI18n();
  const now = useNow(1000);
  const mode = modeOf(ownCentreId);
  const pull = mode === 'pull';
  const pullable = (e: QueueEntry) => modeOf(e.place.centreId) === 'pull';
  const actions = pull || entries.some(pullable);
  const takeable = entries.some((e) => e.kioskOnline && pullable(e));
  const hasOffline = entries.some((e) => !e.kioskOnline);
  return (
    <section className="panel queue-panel" aria-labelledby="queue-heading" data-mode={mode}>
      <div className="panel-head">
        <h1 id="queue-heading">{t('queue.heading')}</h1>
        {pull ? (
          <button
            type="button"
            className="btn btn-primary btn-next"
            data-testid="accept-next"
            disabled={!connected || accepting !== null || !takeable}
            aria-busy={accepting === ACCEPT_NEXT}
            onClick={onAcceptNext}
          >
            {accepting === ACCEPT_NEXT
              ? t('queue.accepting')
              : takeable
                ? t('queue.acceptNext')
                : t('queue.acceptNextNone')}
          </button>
        ) : (
          <p className="offer-mode-note" data-testid="offer-mode-note" role="note">
            {t('queue.offerModeNote')}
          </p>
        )}
        <p className="muted legend">
          <span className="legend-swatch wait-warn" aria-hidden="true" />
          <span className="legend-swatch wait-late" aria-hidden="true" />
          {t('queue.targetNote')}
          {hasOffline && <span className="offline-note">{t('queue.offlineNote')}</span>}
        </p>
      </div>
      {away && (
        <p className="away-note" data-testid="away-note" role="status">
          <strong>{t('queue.awayNote')}</strong> <span className="away-hint">{t('queue.awayHint')}</span>
        </p>
      )}
      {entries.length === 0 ? (
        <div className="queue-empty" data-testid="queue-empty">
          {t('queue.empty')}
        </div>
      ) : (
        <table className="queue-table" data-testid="queue-table">
          <thead>
            <tr>
              <th scope="col" className="col-number">
                {t('queue.col.number')}
              </th>
              <th scope="col" className="col-waited">
                {t('queue.col.waited')}
              </th>
              <th scope="col" className="col-need">
                {t('queue.col.need')}
              </th>
              <th scope="col" className="col-kiosk">
                {t('queue.col.place')}
              </th>
              <th scope="col">{t('queue.col.identity')}</th>
              {actions && (
                <th scope="col" className="col-action">
                  <span className="sr-only">{t('queue.col.action')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <QueueRow
                key={entry.ticketId}
                entry={entry}
                now={now}
                offsetMs={offsetMs}
                ownCentreId={ownCentreId}
                accepting={accepting}
                connected={connected}
                {...(actions ? { onAccept } : {})}
                offered={!pullable(entry)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
