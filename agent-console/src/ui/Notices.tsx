/** Non-blocking notices over the workbench; each fades away by itself after a while or on Close. */
import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { Notice } from '../app/console-state';

/** How long a notice stays before it closes itself (8 s). */
export const NOTICE_MS = 8000;

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  const { t, err } = useI18n();
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice.id, onDismiss]);

  let body;
  let testId;
  let tone;
  if (notice.kind === 'call-ended') {
    testId = 'call-ended-notice';
    tone = 'info';
    body = (
      <>
        <strong>{t('call.ended')}</strong> <span>{t(`call.endedBy.${notice.endedBy}`)}</span>
      </>
    );
  } else if (notice.kind === 'accept-failed') {
    testId = 'accept-error';
    tone = 'warn';
    body = t('notice.acceptFailed', { number: notice.ticketNumber, reason: err(notice.code) });
  } else {
    testId = 'error-notice';
    tone = 'warn';
    body = err(notice.code);
  }
  return (
    <div className={`notice notice-${tone}`} data-testid={testId} role="status">
      <div className="notice-body">{body}</div>
      <button type="button" className="notice-close" onClick={() => onDismiss(notice.id)}>
        {t('notice.close')}
      </button>
    </div>
  );
}

/** The notices, newest last; each closes itself after NOTICE_MS. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
