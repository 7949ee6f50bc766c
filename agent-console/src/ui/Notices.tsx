/**
 * Non-blocking notices over the workbench; passing ones close by themselves after a while, a call
 * that ended without the agent stays until Close (notice-timing.ts).
 */
import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { Notice } from '../app/console-state';
import { noticeLifetimeMs } from './notice-timing';

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  const { t, err } = useI18n();
  const lifetime = noticeLifetimeMs(notice);
  useEffect(() => {
    if (lifetime === null) return;
    const timer = setTimeout(() => onDismiss(notice.id), lifetime);
    return () => clearTimeout(timer);
  }, [notice.id, lifetime, onDismiss]);

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
    body =
      notice.ticketNumber === null
        ? err(notice.code)
        : t('notice.acceptFailed', { number: notice.ticketNumber, reason: err(notice.code) });
  } else if (notice.kind === 'offer-ended') {
    testId = 'offer-ended';
    tone = notice.reason === 'missed' || notice.reason === 'refused' ? 'warn' : 'info';
    const reason =
      notice.code === 'WRONG_STATE' ? t('offer.refused.WRONG_STATE') : notice.code ? err(notice.code) : '';
    body = t(`offer.ended.${notice.reason}`, { number: notice.ticketNumber, reason });
  } else if (notice.kind === 'status-refused') {
    testId = 'status-error';
    tone = 'warn';
    body = t('status.refused', {
      action: t(`status.action.${notice.status}`),
      reason: notice.code === 'WRONG_STATE' ? t('status.refused.WRONG_STATE') : err(notice.code),
    });
  } else if (notice.kind === 'handed-over') {
    testId = 'handed-over-notice';
    tone = 'info';
    body = t('call.handedOver', { number: notice.ticketNumber });
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

/** The notices, newest last. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
