/**
 * The note on a ticket back at the front after the system ended its call (issue 13 #1), on a queue
 * row and on the offer: why the last call ended, whose it was and when, in plain words, e.g.
 * "上次通话因居民网络中断结束 · 李敏 14:02". Nothing for any other ticket.
 */
import type { ReturnedNote as Note } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../ui/time';
import './returned-note.css';

/** Props: the entry's `returned` (absent or null for a ticket not put back by the system). */
export interface ReturnedNoteProps {
  note: Note | null | undefined;
}

export function ReturnedNote({ note }: ReturnedNoteProps) {
  const { t } = useI18n();
  if (!note) return null;
  // HH:mm on Shanghai's clock, where the call was.
  const time = formatDateTime(note.at).slice(11);
  return (
    <div
      className="returned-note"
      data-testid="returned-note"
      data-reason={note.reason}
      aria-label={t('queue.returned.label')}
    >
      <span aria-hidden="true">↺ </span>
      {t('queue.returned.line', {
        reason: t(`queue.returned.${note.reason}`),
        agent: note.agentName,
        time,
      })}
    </div>
  );
}
