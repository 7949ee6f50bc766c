/**
 * The live queue: a large "take the next one", then one dense, readable row per waiting ticket in
 * the server's service order, each with Accept. A ticket whose kiosk is offline is greyed, says so
 * and since when, and cannot be accepted.
 */
import type { QueueEntry } from '@rvw/shared';
import { ACCEPT_NEXT } from '../app/console-state';
import { useI18n } from '../i18n/I18nContext';
import { useNow } from '../ui/use-now';
import { elapsedMs, formatDuration, waitLevel } from '../ui/time';
import { IdentityLine } from '../resident/IdentityLine';

/** Props of the queue view; `accepting` is the ticket whose accept is in flight. */
export interface QueueViewProps {
  entries: QueueEntry[];
  offsetMs: number;
  accepting: string | null;
  connected: boolean;
  onAccept(entry: QueueEntry): void;
  /** Takes the ticket the server puts first among those that can be taken. */
  onAcceptNext(): void;
}

/** The waiting tickets as a table, or a line saying none are waiting. */
export function QueueView(props: QueueViewProps) {
  const { entries, offsetMs, accepting, connected, onAccept, onAcceptNext } = props;
  const { t } = useI18n();
  const now = useNow(1000);
  const takeable = entries.some((e) => e.kioskOnline);
  const hasOffline = entries.some((e) => !e.kioskOnline);
  return (
    <section className="panel queue-panel" aria-labelledby="queue-heading">
      <div className="panel-head">
        <h1 id="queue-heading">{t('queue.heading')}</h1>
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
        <p className="muted legend">
          <span className="legend-swatch wait-warn" aria-hidden="true" />
          <span className="legend-swatch wait-late" aria-hidden="true" />
          {t('queue.targetNote')}
          {hasOffline && <span className="offline-note">{t('queue.offlineNote')}</span>}
        </p>
      </div>
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
              <th scope="col" className="col-kiosk">
                {t('queue.col.kiosk')}
              </th>
              <th scope="col">{t('queue.col.identity')}</th>
              <th scope="col" className="col-action">
                <span className="sr-only">{t('queue.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const waited = elapsedMs(entry.createdAt, now, offsetMs);
              const level = waitLevel(waited);
              const busy = accepting === entry.ticketId;
              const online = entry.kioskOnline;
              const offlineFor = entry.kioskOfflineSince
                ? formatDuration(elapsedMs(entry.kioskOfflineSince, now, offsetMs))
                : null;
              return (
                <tr
                  key={entry.ticketId}
                  className={`queue-row row-${level}${online ? '' : ' row-offline'}`}
                  data-testid="queue-row"
                  data-ticket-number={entry.number}
                  data-wait-level={level}
                  data-kiosk-online={online}
                >
                  <td className="ticket-number mono">{entry.number}</td>
                  <td>
                    <span
                      className={`waited mono wait-${level}`}
                      data-testid="waited"
                      title={
                        level === 'late'
                          ? t('queue.waitLate')
                          : level === 'warn'
                            ? t('queue.waitWarn')
                            : undefined
                      }
                    >
                      {formatDuration(waited)}
                    </span>
                  </td>
                  <td>
                    <div className="kiosk-name" title={entry.kiosk.name}>
                      {entry.kiosk.name}
                    </div>
                    <div className="kiosk-place muted" title={entry.kiosk.location}>
                      {entry.kiosk.location}
                    </div>
                    {!online && (
                      <div className="kiosk-offline" data-testid="kiosk-offline">
                        {offlineFor
                          ? t('queue.kioskOfflineFor', { duration: offlineFor })
                          : t('queue.kioskOffline')}
                      </div>
                    )}
                  </td>
                  <td>
                    <IdentityLine identity={entry.identity} intent={entry.identityIntent} />
                  </td>
                  <td className="col-action">
                    <button
                      type="button"
                      className="btn btn-primary btn-accept"
                      data-testid="accept-button"
                      disabled={!connected || accepting !== null || !online}
                      aria-busy={busy}
                      onClick={() => onAccept(entry)}
                    >
                      {busy ? t('queue.accepting') : t('queue.accept')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
