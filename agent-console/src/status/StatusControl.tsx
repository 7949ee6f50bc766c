/**
 * The agent's own status in the header: the word on its colour (空闲 / 服务中 / 整理中 / 离开), and
 * one-click buttons: set available, set away, and in wrap-up a prominent 就绪 with the time left
 * until the centre's limit ends wrap-up by itself. No button works during a call.
 */
import type { ChosenStatus } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDuration } from '../ui/time';
import { useNow } from '../ui/use-now';
import type { StatusSnapshot } from './status-store';
import { shownStatus, statusButtons, wrapUpLeftMs } from './status-rules';
import './status.css';

/** Props of the status control. */
export interface StatusControlProps {
  status: StatusSnapshot;
  inCall: boolean;
  connected: boolean;
  /** Server clock minus local clock (ms). */
  offsetMs: number;
  onChoose(status: ChosenStatus): void;
}

/** The status pill and its buttons. */
export function StatusControl({ status, inCall, connected, offsetMs, onChoose }: StatusControlProps) {
  const { t } = useI18n();
  const now = useNow(1000);
  const shown = shownStatus(status.presence, inCall);
  const buttons = statusButtons(shown, status.pending !== null, connected);
  const left = wrapUpLeftMs(status.presence, now, offsetMs);
  const lockedTitle = shown === 'in-session' ? t('status.lockedInCall') : undefined;
  const since = status.presence && !inCall ? Date.parse(status.presence.since) : NaN;
  const sinceText = Number.isFinite(since)
    ? t('status.since', { duration: formatDuration(Math.max(0, now + offsetMs - since)) })
    : undefined;

  const button = (
    value: ChosenStatus,
    testId: string,
    label: string,
    className: string,
    title = lockedTitle,
  ) => (
    <button
      type="button"
      className={`btn ${className}`}
      data-testid={testId}
      disabled={buttons.disabled}
      title={title}
      onClick={() => onChoose(value)}
    >
      {status.pending === value ? t('status.changing') : label}
    </button>
  );

  return (
    <div className={`status-control status-${shown}`} role="group" aria-label={t('status.label')}>
      <div className="status-pill" title={sinceText}>
        <span className="status-dot" aria-hidden="true" />
        <span className="sr-only">{t('status.label')}：</span>
        <span className="status-word" data-testid="status-current" data-status={shown}>
          {t(`status.${shown}`)}
        </span>
        {left !== null && (
          <span className="status-left mono" data-testid="wrap-up-left">
            {left > 0 ? t('status.wrapUpLeft', { time: formatDuration(left) }) : t('status.wrapUpOver')}
          </span>
        )}
      </div>
      {buttons.ready &&
        button('available', 'status-ready', t('status.ready'), 'status-go', t('status.readyHint'))}
      {buttons.available &&
        button(
          'available',
          'status-available',
          t('status.setAvailable'),
          buttons.available === 'prominent' ? 'status-go' : 'status-btn',
        )}
      {buttons.away && button('away', 'status-away', t('status.setAway'), 'status-btn')}
    </div>
  );
}
