/**
 * The supervisor's 实时 tab (issue 11 #9): the centre's queue, staff, sessions in progress, today's
 * figures and ratings, the follow-ups waiting, the charts of a day, and the daily report. It renders
 * the live store (kept current by the server's pushes) and forwards the supervisor's actions to it.
 */
import { useEffect } from 'react';
import { saveBlob } from '../../paper/save-file';
import { formatDateTime } from '../../ui/time';
import { useNow } from '../../ui/use-now';
import { useStore } from '../../ui/use-store';
import { LiveCharts } from './LiveCharts';
import { RatingsToday, TodayFigures } from './LiveFigures';
import { LiveFollowUps } from './LiveFollowUps';
import { reportFileName } from './live-rules';
import type { LiveState, LiveStore } from './live-store';
import { AgentsTable, QueueTable, SessionsTable } from './LiveTables';
import { useLiveText } from './live-text';
import './live.css';

/** Props of the live view. */
export interface LiveViewProps {
  store: LiveStore;
}

/** The live tab: opens the store (the first paint) and renders its state. */
export function LiveView({ store }: LiveViewProps) {
  const state = useStore(store);
  useEffect(() => {
    void store.open();
  }, [store]);
  return <LiveBoard state={state} store={store} />;
}

/** Props of the board: the store's state, and the store for the supervisor's actions. */
export interface LiveBoardProps {
  state: LiveState;
  store: LiveStore;
}

/** Everything the tab shows, from one state of the store. */
export function LiveBoard({ state, store }: LiveBoardProps) {
  const { lt, err } = useLiveText();
  const now = useNow(1000);
  const { snapshot } = state;

  if (!snapshot) {
    return (
      <div className="live" data-testid="live-view">
        {state.error ? (
          <p className="live-problem" role="alert">
            {lt('loadFailed', { reason: err(state.error) })}{' '}
            <button type="button" className="btn" onClick={() => void store.open()}>
              {lt('retry')}
            </button>
          </p>
        ) : (
          <p className="live-muted">{lt('loading')}</p>
        )}
      </div>
    );
  }

  const day = state.day ?? snapshot.today.day;
  async function download() {
    const bytes = await store.report();
    if (bytes)
      saveBlob(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv;charset=utf-8' }),
        reportFileName(snapshot!.centres[0]?.id ?? 'centre', day),
      );
  }

  return (
    <div className="live" data-testid="live-view">
      <header className="live-head">
        <h1>
          {lt('heading')}
          {snapshot.centres[0] && <span className="live-centre"> · {snapshot.centres[0].name}</span>}
        </h1>
        <span className="live-muted" aria-live="polite">
          {lt('updatedAt', { time: formatDateTime(snapshot.serverTime) })}
        </span>
        {state.error && (
          <span className="live-problem" role="alert">
            {err(state.error)}
          </span>
        )}
      </header>
      <div className="live-grid">
        <QueueTable snapshot={snapshot} offsetMs={state.offsetMs} now={now} />
        <TodayFigures today={snapshot.today} />
        <AgentsTable snapshot={snapshot} offsetMs={state.offsetMs} now={now} />
        <RatingsToday ratings={snapshot.ratings} />
        <SessionsTable snapshot={snapshot} offsetMs={state.offsetMs} now={now} />
        <LiveFollowUps
          followUps={state.followUps}
          staff={state.staff}
          working={state.working}
          store={store}
        />
      </div>
      <section className="live-card live-wide" aria-labelledby="live-charts-h">
        <div className="live-day">
          <h2 id="live-charts-h">{lt('charts.heading')}</h2>
          <label>
            <span>{lt('report.date')}</span>
            <input
              type="date"
              data-testid="report-date"
              value={day}
              max={snapshot.today.day}
              onChange={(e) => void store.chooseDay(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="report-download"
            disabled={state.downloading}
            onClick={() => void download()}
          >
            {state.downloading ? lt('report.downloading') : lt('report.download')}
          </button>
          <span className="live-muted">{lt('report.hint')}</span>
        </div>
        <LiveCharts charts={state.charts} />
      </section>
    </div>
  );
}
