/**
 * One waiting ticket: number with the tags that put it where it is, time waited, need, where the
 * resident is (with what is wrong with the kiosk, issue 12), who, and (when the centre pulls) Accept. An offline kiosk's row is greyed, says since
 * when, and cannot be accepted.
 */
import type { QueueEntry } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { elapsedMs, formatDuration, waitLevel } from '../ui/time';
import { IdentityLine } from '../resident/IdentityLine';
import { NeedText, PlaceLine, TagChips } from './TicketBits';
import { KioskProblemChips } from './KioskProblemChips';
import { ReturnedNote } from './ReturnedNote';

/** Props of a row; `onAccept` absent in offer mode (no Accept column). */
export interface QueueRowProps {
  entry: QueueEntry;
  now: number;
  offsetMs: number;
  ownCentreId: string;
  /** The accept in flight (ticket id or "next"), or null. */
  accepting: string | null;
  connected: boolean;
  onAccept?: (entry: QueueEntry) => void;
  /** The ticket's centre offers its tickets in turn: no Accept here (the cell says 派单). */
  offered?: boolean;
}

/** A table row of the queue. */
export function QueueRow({
  entry,
  now,
  offsetMs,
  ownCentreId,
  accepting,
  connected,
  onAccept,
  offered = false,
}: QueueRowProps) {
  const { t } = useI18n();
  const waited = elapsedMs(entry.createdAt, now, offsetMs);
  const level = waitLevel(waited);
  const busy = accepting === entry.ticketId;
  const online = entry.kioskOnline;
  const offlineFor = entry.kioskOfflineSince
    ? formatDuration(elapsedMs(entry.kioskOfflineSince, now, offsetMs))
    : null;
  return (
    <tr
      className={`queue-row row-${level}${online ? '' : ' row-offline'}`}
      data-testid="queue-row"
      data-ticket-number={entry.number}
      data-wait-level={level}
      data-kiosk-online={online}
      data-need={entry.need}
    >
      <td className="col-number">
        <div className="number-cell">
          <span className="ticket-number mono">{entry.number}</span>
          <TagChips tags={entry.tags} />
        </div>
      </td>
      <td>
        <span
          className={`waited mono wait-${level}`}
          data-testid="waited"
          title={level === 'late' ? t('queue.waitLate') : level === 'warn' ? t('queue.waitWarn') : undefined}
        >
          {formatDuration(waited)}
        </span>
      </td>
      <td className="col-need">
        <NeedText need={entry.need} />
      </td>
      <td>
        <PlaceLine place={entry.place} ownCentreId={ownCentreId} testId="queue-place" />
        <KioskProblemChips problems={entry.kioskProblems} />
        <ReturnedNote note={entry.returned} />
        {!online && (
          <div className="kiosk-offline" data-testid="kiosk-offline">
            {offlineFor ? t('queue.kioskOfflineFor', { duration: offlineFor }) : t('queue.kioskOffline')}
          </div>
        )}
      </td>
      <td>
        <IdentityLine identity={entry.identity} intent={entry.identityIntent} />
      </td>
      {onAccept && (
        <td className="col-action">
          {offered ? (
            <span className="row-offered" data-testid="row-offered" title={t('queue.offeredHint')}>
              {t('queue.offered')}
            </span>
          ) : (
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
          )}
        </td>
      )}
    </tr>
  );
}
