/**
 * One kiosk in full, beside the list: what is wrong (with the device's own words), every device,
 * the system, the last readiness check, the level over the last day, remote diagnostics, and the
 * credential (rotate, revoke), each destructive action confirmed first.
 */
import type { FleetKiosk, HealthReport, Readiness as ReadinessCheckResult } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime, formatDuration } from '../ui/time';
import { ConfirmButton } from './ConfirmButton';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { Ago, LevelMark, ProblemList } from './FleetBits';
import { HistoryStrip } from './HistoryStrip';
import { fleetError } from './fleet-error';
import { formatBytes, freePercent } from './fleet-rules';
import type { FleetState, FleetStore } from './fleet-store';

/** Props of the panel. */
export interface KioskDetailProps {
  kiosk: FleetKiosk;
  state: FleetState;
  store: FleetStore;
  now: number;
  /** Admins revoke a kiosk; a technician rotates its credential only (default true). */
  canRevoke?: boolean;
}

/** The detail panel of the selected kiosk. */
export function KioskDetail({ kiosk, state, store, now, canRevoke = true }: KioskDetailProps) {
  const { t, err } = useI18n();
  const id = kiosk.kiosk.id;
  const name = kiosk.kiosk.name;
  const working = state.working;
  const outcome = state.outcome?.kioskId === id ? state.outcome : null;
  return (
    <aside
      className="fleet-detail"
      data-testid="kiosk-detail"
      data-kiosk-id={id}
      aria-label={t('fleet.detail.heading', { name })}
    >
      <header className="fleet-detail-head">
        <div>
          <h2>{name}</h2>
          <div className="fleet-place">
            {kiosk.kiosk.location} · <LevelMark level={kiosk.level} /> ·{' '}
            <span className={kiosk.online ? 'fleet-online' : 'fleet-offline'}>
              {kiosk.online ? t('fleet.online') : t('fleet.offline')}
            </span>{' '}
            · <Ago at={kiosk.lastSeenAt} now={now} />
          </div>
        </div>
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="kiosk-detail-close"
          onClick={() => void store.select(null)}
        >
          {t('fleet.detail.close')}
        </button>
      </header>
      <ProblemList problems={kiosk.problems} alerts={kiosk.alerts} />
      {state.error && (
        <p className="fleet-error" role="alert" data-testid="kiosk-detail-error">
          {fleetError(state.error, t, err)}
        </p>
      )}
      <DiagnosticsPanel
        kiosk={kiosk}
        requests={state.diagnostics[id] ?? []}
        working={working}
        onRequest={(kind) => void store.diagnose(id, kind)}
      />
      {kiosk.report ? (
        <ReportDetail report={kiosk.report} />
      ) : (
        <p className="fleet-muted">{t('fleet.noReport')}</p>
      )}
      <ReadinessSection readiness={kiosk.report?.readiness ?? null} />
      <section className="fleet-detail-section">
        <h3>{t('fleet.history.heading')}</h3>
        <HistoryStrip points={state.history} now={now} />
      </section>
      <section className="fleet-detail-section">
        <h3>{t('fleet.cred.heading')}</h3>
        <div className="fleet-actions">
          <ConfirmButton
            label={t('fleet.cred.rotate')}
            question={t('fleet.cred.rotateConfirm', { name })}
            yes={t('fleet.cred.rotateYes')}
            testId="kiosk-rotate"
            disabled={working !== null}
            busy={working === `${id}:rotate`}
            onConfirm={() => void store.rotate(id)}
          />
          {canRevoke && (
            <ConfirmButton
              label={t('fleet.cred.revoke')}
              question={t('fleet.cred.revokeConfirm', { name })}
              yes={t('fleet.cred.revokeYes')}
              testId="kiosk-revoke"
              danger
              disabled={working !== null}
              busy={working === `${id}:revoke`}
              onConfirm={() => void store.revoke(id)}
            />
          )}
        </div>
        {outcome?.kind === 'rotated' && (
          <p className="fleet-done" role="status">
            {t('fleet.cred.rotated', { time: formatDateTime(outcome.at) })}
          </p>
        )}
      </section>
    </aside>
  );
}

/** Every device and the system, from the latest report. */
function ReportDetail({ report }: { report: HealthReport }) {
  const { t } = useI18n();
  const none = t('fleet.detail.noDevice');
  const disk = freePercent(report.disk);
  const devices: [string, string, boolean][] = [
    [
      t('fleet.dev.reader'),
      [t(`fleet.reader.${report.reader.state}`), report.reader.reason, report.reader.message]
        .filter(Boolean)
        .join(' · '),
      report.reader.state === 'fault' || report.reader.state === 'offline',
    ],
    [
      t('fleet.dev.printer'),
      report.printer
        ? [
            report.printer.name,
            t(`fleet.printer.${report.printer.state}`),
            report.printer.problem,
            report.printer.message,
          ]
            .filter(Boolean)
            .join(' · ')
        : t('fleet.printer.unknown'),
      report.printer?.state === 'problem' || report.printer?.state === 'absent',
    ],
    [
      t('fleet.dev.cameras'),
      report.cameras.map((c) => (c.path ? `${c.label} (${c.path})` : c.label)).join('；') || none,
      !report.cameras.length,
    ],
    [
      t('fleet.dev.microphones'),
      report.microphones.map((c) => (c.path ? `${c.label} (${c.path})` : c.label)).join('；') || none,
      !report.microphones.length,
    ],
    [
      t('fleet.dev.displays'),
      report.displays
        .map((d) =>
          t('fleet.detail.display', {
            width: d.width,
            height: d.height,
            primary: d.primary ? t('fleet.detail.primary') : '',
            touch: d.touch ? t('fleet.detail.touch') : '',
          }),
        )
        .join('；') || none,
      !report.displays.length,
    ],
    [
      t('fleet.dev.disk'),
      report.disk
        ? `${t('fleet.dev.free', { percent: disk ?? 0 })} · ${formatBytes(report.disk.freeBytes)} / ${formatBytes(report.disk.totalBytes)}`
        : '—',
      false,
    ],
  ];
  return (
    <>
      <section className="fleet-detail-section">
        <h3>{t('fleet.detail.devices')}</h3>
        <dl className="fleet-dl" data-testid="kiosk-devices">
          {devices.map(([label, value, bad]) => (
            <div key={label} className={bad ? 'fleet-device-bad' : undefined}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="fleet-detail-section">
        <h3>{t('fleet.detail.system')}</h3>
        <ul className="fleet-plain">
          <li>
            <span className="mono">{report.appVersion}</span> ·{' '}
            {t('fleet.detail.os', {
              os: report.os.name ?? `${report.os.platform} ${report.os.release}`,
              arch: report.os.arch,
            })}
          </li>
          <li>
            {t('fleet.detail.uptime', { duration: formatDuration(report.uptimeS * 1000) })}
            {report.rttMs !== null && <> · {t('fleet.detail.rtt', { ms: Math.round(report.rttMs) })}</>}
          </li>
          <li>
            {t('fleet.detail.memory', {
              free: formatBytes(report.memory.freeBytes),
              total: formatBytes(report.memory.totalBytes),
            })}
          </li>
          {report.lastError && (
            <li className="fleet-device-bad">
              {t('fleet.detail.lastError', {
                code: report.lastError.code,
                time: formatDateTime(report.lastError.at),
              })}
            </li>
          )}
        </ul>
      </section>
    </>
  );
}

/** The last readiness check: can it call, and each part. */
function ReadinessSection({ readiness }: { readiness: ReadinessCheckResult | null }) {
  const { t } = useI18n();
  return (
    <section className="fleet-detail-section" data-testid="kiosk-readiness">
      <h3>{t('fleet.detail.readiness')}</h3>
      {readiness ? (
        <>
          <p className={readiness.canCall ? 'fleet-ok' : 'fleet-device-bad'}>
            {readiness.canCall ? t('fleet.detail.canCall') : t('fleet.detail.cannotCall')} ·{' '}
            {formatDateTime(readiness.at)}
          </p>
          <ul className="fleet-checks">
            {readiness.checks.map((c) => (
              <li key={c.part} className={c.result === 'problem' ? 'fleet-device-bad' : undefined}>
                {t(`fleet.detail.part.${c.part}`)}：{t(`fleet.detail.check.${c.result}`)}
                {c.code && <span className="mono"> {c.code}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="fleet-muted">{t('fleet.detail.readinessNone')}</p>
      )}
    </section>
  );
}
