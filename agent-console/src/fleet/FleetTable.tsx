/**
 * Every kiosk of the filter as a dense table a supervisor with a hundred kiosks can scan: level
 * (shape + word), name and place, what is wrong in words (alerts marked), last seen (ticking),
 * version (marked when behind), devices; red first, then amber, then by name. A row opens its detail.
 */
import type { FleetKiosk } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { Ago, DeviceLine, LevelMark, ProblemList } from './FleetBits';
import { versionBehind } from './fleet-rules';

/** Props of the table. */
export interface FleetTableProps {
  kiosks: readonly FleetKiosk[];
  now: number;
  latestVersion: string | null;
  diskMin: number;
  selectedId: string | null;
  onSelect(kioskId: string): void;
  /** Beside an open detail panel: version and devices are left to the panel. */
  compact?: boolean;
}

/** The table of kiosks (already filtered and sorted). */
export function FleetTable({
  kiosks,
  now,
  latestVersion,
  diskMin,
  selectedId,
  onSelect,
  compact = false,
}: FleetTableProps) {
  const { t } = useI18n();
  return (
    <table className={`fleet-table${compact ? ' fleet-table-compact' : ''}`} data-testid="fleet-table">
      <thead>
        <tr>
          <th className="fleet-col-level">{t('fleet.col.level')}</th>
          <th className="fleet-col-kiosk">{t('fleet.col.kiosk')}</th>
          <th>{t('fleet.col.problems')}</th>
          <th className="fleet-col-seen">{t('fleet.col.seen')}</th>
          {!compact && <th className="fleet-col-version">{t('fleet.col.version')}</th>}
          {!compact && <th className="fleet-col-devices">{t('fleet.col.devices')}</th>}
          <th className="fleet-col-action">
            <span className="sr-only">{t('fleet.details')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {kiosks.map((k) => {
          const behind = versionBehind(k, latestVersion);
          const selected = k.kiosk.id === selectedId;
          return (
            <tr
              key={k.kiosk.id}
              className={`fleet-row fleet-row-${k.level}${k.alerts.length ? ' fleet-row-alert' : ''}${selected ? ' fleet-row-selected' : ''}`}
              data-testid="fleet-row"
              data-kiosk-id={k.kiosk.id}
              data-level={k.level}
              aria-selected={selected}
            >
              <td>
                <LevelMark level={k.level} />
              </td>
              <td>
                <div className="fleet-name">{k.kiosk.name}</div>
                <div className="fleet-place">
                  {k.kiosk.location}
                  {' · '}
                  <span className={k.online ? 'fleet-online' : 'fleet-offline'}>
                    {k.online ? t('fleet.online') : t('fleet.offline')}
                  </span>
                  {k.report?.busy && <> · {t('fleet.busy')}</>}
                </div>
              </td>
              <td>
                <ProblemList problems={k.problems} alerts={k.alerts} />
              </td>
              <td data-testid="fleet-seen">
                <Ago at={k.lastSeenAt} now={now} />
              </td>
              {!compact && (
                <>
                  <td data-testid="fleet-version" data-behind={behind}>
                    <span className={`mono${behind ? ' fleet-behind' : ''}`}>
                      {k.report?.appVersion ?? '—'}
                    </span>
                    {behind && latestVersion && (
                      <div className="fleet-behind-note">{t('fleet.behind', { latest: latestVersion })}</div>
                    )}
                  </td>
                  <td>
                    <DeviceLine kiosk={k} diskMin={diskMin} />
                  </td>
                </>
              )}
              <td>
                <button
                  type="button"
                  className="btn btn-ghost"
                  data-testid="fleet-open"
                  aria-expanded={selected}
                  onClick={() => onSelect(k.kiosk.id)}
                >
                  {t('fleet.details')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
