/**
 * The transfers (转办) of a case's session in its read-back: when, how (blind or consulted), from
 * whom to whom (the agent or skill group chosen, and who took it), how it ended, and the note.
 */
import { skillName, type Transfer } from '@rvw/shared';
import { formatDateTime } from '../ui/time';
import { useTransferText } from './transfer-text';

/** Props: the case detail's transfers (oldest first), and agents' names by id. */
export interface TransferRecordProps {
  transfers: readonly Transfer[];
  agentName?(agentId: string): string;
}

/** The record, or nothing when the session was never transferred. */
export function TransferRecord({ transfers, agentName = (id) => id }: TransferRecordProps) {
  const { locale, tt } = useTransferText();
  if (!transfers.length) return null;
  const targetText = (t: Transfer) =>
    t.target.kind === 'skill'
      ? tt('transfer.skillGroup', { skill: skillName(t.target.skill)[locale === 'en' ? 'en' : 'zh'] })
      : t.to?.agentId === t.target.agentId
        ? t.to.displayName
        : agentName(t.target.agentId);
  return (
    <section>
      <h4>{tt('transfer.record', { count: transfers.length })}</h4>
      <ul className="rb-transfers" data-testid="readback-transfers">
        {transfers.map((t) => (
          <li
            key={t.transferId}
            data-testid="readback-transfer"
            data-mode={t.mode}
            data-phase={t.phase}
            data-from={t.from.agentId}
            data-to={t.to?.agentId ?? ''}
          >
            {formatDateTime(t.at)} · <strong>{tt(`transfer.mode.${t.mode}`)}</strong> · {t.from.displayName}{' '}
            {tt('transfer.record.to', { name: targetText(t) })}
            {t.to && t.target.kind === 'skill'
              ? ` · ${tt('transfer.record.took', { name: t.to.displayName })}`
              : ''}
            {' · '}
            {tt(`transfer.phase.${t.phase}`)}
            {t.reason ? ` (${tt(`transfer.reason.${t.reason}`)})` : ''}
            {t.note && <span className="muted"> · {tt('transfer.in.note', { note: t.note })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
