/**
 * The 设备 tab (issue 12 #3), for admins (supervisors): the kiosks of the centre with their health,
 * live, filtered by centre and level (with counts), a kiosk's detail beside the list, and the small
 * panels of enrolment codes, alert rules and update channels. It renders the fleet store and
 * forwards the supervisor's actions to it.
 */
import { useEffect, useState } from 'react';
import type { HealthLevel } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { useNow } from '../ui/use-now';
import { useStore } from '../ui/use-store';
import { AlertRulesPanel } from './AlertRulesPanel';
import { EnrolmentPanel } from './EnrolmentPanel';
import { FleetTable } from './FleetTable';
import { KioskDetail } from './KioskDetail';
import { UpdatesPanel } from './UpdatesPanel';
import { centresOf, levelCounts, visibleFleet } from './fleet-rules';
import { fleetError } from './fleet-error';
import type { FleetState, FleetStore } from './fleet-store';
import './fleet.css';

/** The tab's sections. */
export type FleetSection = 'list' | 'enrol' | 'rules' | 'updates';
const SECTIONS: FleetSection[] = ['list', 'enrol', 'rules', 'updates'];

/** Props of the tab. */
export interface FleetViewProps {
  store: FleetStore;
  /** A centre's name by id (the console's centre directory). */
  centreName(centreId: string): string;
  /** The server's address, for the kiosk-doctor line (default the page's origin). */
  serverUrl?: string;
  /** Every failure the panels meet, for the console to decide on; returns its code. */
  onFailure(error: unknown): string;
  /**
   * An admin (default) also sets the alert rules and update channels and revokes kiosks; a
   * technician watches, diagnoses, rotates credentials and issues enrolment codes.
   */
  administers?: boolean;
}

/** The tab: opens the store (the first list) and renders it. */
export function FleetView({ store, ...rest }: FleetViewProps) {
  const state = useStore(store);
  useEffect(() => {
    void store.open();
  }, [store]);
  return <FleetBoard state={state} store={store} {...rest} />;
}

/** Props of the board: the store's state and the store. */
export interface FleetBoardProps extends Omit<FleetViewProps, 'store'> {
  state: FleetState;
  store: FleetStore;
  /** The section shown first (tests); default the list. */
  initialSection?: FleetSection;
  /** The clock (tests); default the ticking local clock. */
  now?: number;
}

/** Everything the tab shows, from one state of the store. */
export function FleetBoard({
  state,
  store,
  centreName,
  serverUrl,
  onFailure,
  initialSection,
  now,
  administers = true,
}: FleetBoardProps) {
  const { t, err } = useI18n();
  const ticking = useNow(1000);
  const [section, setSection] = useState<FleetSection>(initialSection ?? 'list');
  const url = serverUrl ?? (typeof location === 'undefined' ? '' : location.origin);
  return (
    <div className="fleet" data-testid="fleet-view">
      <header className="fleet-head">
        <h1>{t('fleet.heading')}</h1>
        <nav className="fleet-sections" aria-label={t('fleet.sections')}>
          {SECTIONS.filter((s) => administers || s === 'list' || s === 'enrol').map((s) => (
            <button
              key={s}
              type="button"
              className={`btn ${section === s ? 'btn-primary' : 'btn-ghost'}`}
              aria-current={section === s ? 'page' : undefined}
              data-testid={`fleet-section-${s}`}
              onClick={() => setSection(s)}
            >
              {t(`fleet.section.${s}`)}
            </button>
          ))}
        </nav>
      </header>
      {state.error && !(state.loaded && state.selectedId) && (
        <p className="fleet-error" role="alert" data-testid="fleet-error">
          {state.loaded
            ? fleetError(state.error, t, err)
            : t('fleet.loadFailed', { reason: err(state.error) })}{' '}
          {!state.loaded && (
            <button type="button" className="btn btn-secondary" onClick={() => void store.open()}>
              {t('fleet.retry')}
            </button>
          )}
        </p>
      )}
      {section === 'list' && (
        <FleetList
          state={state}
          store={store}
          centreName={centreName}
          now={now ?? ticking}
          administers={administers}
        />
      )}
      {section === 'enrol' && (
        <EnrolmentPanel transport={store.transport} serverUrl={url} onFailure={onFailure} />
      )}
      {section === 'rules' && administers && (
        <AlertRulesPanel
          transport={store.transport}
          onSaved={(r) => store.rulesSaved(r)}
          onFailure={onFailure}
        />
      )}
      {section === 'updates' && administers && (
        <UpdatesPanel transport={store.transport} onFailure={onFailure} />
      )}
    </div>
  );
}

const LEVELS: HealthLevel[] = ['red', 'amber', 'green'];

/** The filters, the table and the selected kiosk's detail. */
function FleetList({
  state,
  store,
  centreName,
  now,
  administers,
}: {
  state: FleetState;
  store: FleetStore;
  centreName(id: string): string;
  now: number;
  administers: boolean;
}) {
  const { t } = useI18n();
  if (!state.loaded) return state.error ? null : <p className="fleet-muted">{t('fleet.loading')}</p>;
  if (!state.kiosks.length)
    return (
      <p className="fleet-muted" data-testid="fleet-empty">
        {t('fleet.empty')}
      </p>
    );
  const { filter } = state;
  const centres = centresOf(state.kiosks);
  const counts = levelCounts(state.kiosks, filter.centreId);
  const shown = visibleFleet(state.kiosks, filter);
  const selected = state.kiosks.find((k) => k.kiosk.id === state.selectedId) ?? null;
  const diskMin = state.rules?.diskFreeMinPercent ?? 10;
  return (
    <div className={`fleet-body${selected ? ' fleet-body-detail' : ''}`}>
      <div className="fleet-main">
        <div className="fleet-filters" data-testid="fleet-filters">
          {centres.length > 1 && (
            <label className="fleet-filter">
              <span>{t('fleet.filter.centre')}</span>
              <select
                data-testid="fleet-centre"
                value={filter.centreId ?? ''}
                onChange={(e) => store.chooseCentre(e.target.value || null)}
              >
                <option value="">{t('fleet.filter.allCentres', { count: state.kiosks.length })}</option>
                {centres.map((c) => (
                  <option key={c.centreId} value={c.centreId}>
                    {centreName(c.centreId)} ({c.count})
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="fleet-filter">
            <span>{t('fleet.filter.search')}</span>
            <input
              type="search"
              data-testid="fleet-search"
              value={filter.query ?? ''}
              placeholder={t('fleet.filter.searchHint')}
              onChange={(e) => store.search(e.target.value)}
            />
          </label>
          <div className="fleet-level-filter" role="group" aria-label={t('fleet.filter.level')}>
            <button
              type="button"
              className={`btn fleet-count${filter.level === null ? ' fleet-count-on' : ''}`}
              aria-pressed={filter.level === null}
              data-testid="fleet-level-all"
              onClick={() => store.chooseLevel(null)}
            >
              {t('fleet.filter.all', { count: counts.all })}
            </button>
            {LEVELS.map((level) => (
              <button
                key={level}
                type="button"
                className={`btn fleet-count fleet-count-${level}${filter.level === level ? ' fleet-count-on' : ''}`}
                aria-pressed={filter.level === level}
                data-testid={`fleet-level-${level}`}
                data-count={counts[level]}
                onClick={() => store.chooseLevel(filter.level === level ? null : level)}
              >
                {t('fleet.levelCount', { level: t(`fleet.level.${level}`), count: counts[level] })}
              </button>
            ))}
          </div>
        </div>
        {state.outcome?.kind === 'revoked' && (
          <p className="fleet-done" role="status" data-testid="fleet-revoked">
            {t('fleet.cred.revoked')}
          </p>
        )}
        {shown.length ? (
          <FleetTable
            kiosks={shown}
            now={now}
            latestVersion={state.latestVersion}
            diskMin={diskMin}
            selectedId={state.selectedId}
            compact={selected !== null}
            onSelect={(id) => void store.select(id === state.selectedId ? null : id)}
          />
        ) : (
          <p className="fleet-muted">{t('fleet.noneMatch')}</p>
        )}
      </div>
      {selected && (
        <KioskDetail kiosk={selected} state={state} store={store} now={now} canRevoke={administers} />
      )}
    </div>
  );
}
