/** Small pieces of the fleet view: the level marker with its word, problems in words, last seen, devices. */
import {
  FLEET_PROBLEMS,
  type FleetKiosk,
  type FleetProblem,
  type HealthLevel,
  type HealthReport,
} from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { agoParts, freePercent } from './fleet-rules';

const SHAPE: Record<HealthLevel, string> = { green: '●', amber: '▲', red: '✖' };

/** The level: a coloured shape and its word (never colour alone). */
export function LevelMark({ level }: { level: HealthLevel }) {
  const { t } = useI18n();
  return (
    <span className={`fleet-level fleet-level-${level}`} data-testid="fleet-level" data-level={level}>
      <span aria-hidden="true" className="fleet-level-shape">
        {SHAPE[level]}
      </span>
      {t(`fleet.level.${level}`)}
    </span>
  );
}

/** What is wrong, in words, red first; alerts marked; the device's detail on hover. */
export function ProblemList({
  problems,
  alerts,
}: {
  problems: readonly FleetProblem[];
  alerts: readonly string[];
}) {
  const { t, locale } = useI18n();
  if (!problems.length) return <span className="fleet-ok">{t('fleet.ok')}</span>;
  const sorted = [...problems].sort((a, b) => rank(a.level) - rank(b.level));
  return (
    <ul className="fleet-problems" data-testid="fleet-problems">
      {sorted.map((p) => {
        const alert = alerts.includes(p.code);
        return (
          <li
            key={p.code}
            className={`fleet-problem fleet-problem-${p.level}${alert ? ' fleet-problem-alert' : ''}`}
            data-testid="fleet-problem"
            data-code={p.code}
            data-alert={alert}
            title={p.detail ?? undefined}
          >
            {alert && <span className="fleet-alert-badge">{t('fleet.alert')}</span>}
            {local(FLEET_PROBLEMS[p.code].text, locale)}
            {p.detail && <span className="fleet-problem-detail"> · {p.detail}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function rank(level: HealthLevel): number {
  return level === 'red' ? 0 : level === 'amber' ? 1 : 2;
}

/** "12 秒前" / "3 min ago", or "never". */
export function Ago({ at, now }: { at: string | null; now: number }) {
  const { t } = useI18n();
  const parts = at ? agoParts(at, now) : null;
  if (!parts) return <span className="fleet-muted">{t('fleet.never')}</span>;
  return <span title={at ?? undefined}>{t(`fleet.ago.${parts.unit}`, { n: parts.n })}</span>;
}

/** One device's state in words, marked when it is a problem. */
interface DeviceItem {
  key: 'reader' | 'printer' | 'cameras' | 'microphones' | 'displays' | 'disk';
  value: string;
  bad: boolean;
}

/** The devices of a report, each with a short state. */
export function useDeviceItems(report: HealthReport | null, diskMin: number): DeviceItem[] {
  const { t } = useI18n();
  if (!report) return [];
  const printer = report.printer;
  const disk = freePercent(report.disk);
  return [
    {
      key: 'reader',
      value: t(`fleet.reader.${report.reader.state}`),
      bad: report.reader.state === 'fault' || report.reader.state === 'offline',
    },
    {
      key: 'printer',
      value: printer ? t(`fleet.printer.${printer.state}`) : t('fleet.printer.unknown'),
      bad: printer?.state === 'problem' || printer?.state === 'absent',
    },
    { key: 'cameras', value: String(report.cameras.length), bad: report.cameras.length === 0 },
    { key: 'microphones', value: String(report.microphones.length), bad: report.microphones.length === 0 },
    { key: 'displays', value: String(report.displays.length), bad: report.displays.length === 0 },
    {
      key: 'disk',
      value: disk === null ? '—' : t('fleet.dev.free', { percent: disk }),
      bad: disk !== null && disk < diskMin,
    },
  ];
}

/** The devices in one compact line of label–value pairs, problems marked. */
export function DeviceLine({ kiosk, diskMin }: { kiosk: FleetKiosk; diskMin: number }) {
  const { t } = useI18n();
  const items = useDeviceItems(kiosk.report, diskMin);
  if (!items.length) return <span className="fleet-muted">{t('fleet.noReport')}</span>;
  return (
    <ul className="fleet-devices" data-testid="fleet-devices">
      {items.map((d) => (
        <li
          key={d.key}
          className={d.bad ? 'fleet-device-bad' : undefined}
          data-device={d.key}
          data-bad={d.bad}
        >
          <span className="fleet-device-label">{t(`fleet.dev.${d.key}`)}</span> {d.value}
        </li>
      ))}
    </ul>
  );
}
