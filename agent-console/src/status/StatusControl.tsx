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

  const choice = (value: ChosenStatus, testId: string, label: string) => (
    <button
      type="button"
      className={`btn status-btn status-btn-${value}`}
      data-testid={testId}
      aria-pressed={buttons.current === value}
      disabled={buttons.disabled || buttons.current === value}
      title={lockedTitle}
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
      {buttons.ready ? (
        <button
          type="button"
          className="btn status-ready"
          data-testid="status-ready"
          disabled={buttons.disabled}
          title={t('status.readyHint')}
          onClick={() => onChoose('available')}
        >
          {status.pending === 'available' ? t('status.changing') : t('status.ready')}
        </button>
      ) : (
        choice('available', 'status-available', t('status.setAvailable'))
      )}
      {choice('away', 'status-away', t('status.setAway'))}
    </div>
  );
}
