/**
 * The live view's tables: the queue per need (waiting, longest wait ticking on the server's clock,
 * offers missed today), the staff with their status and how long they have been in it, and the
 * sessions in progress with their duration.
 */
import { AGENT_STATUS_TEXT, skillName, type SupervisorSnapshot } from '@rvw/shared';
import { local } from '../../i18n/local-text';
import { needText } from '../../queue/ticket-text';
import { elapsedMs, formatDuration, waitLevel } from '../../ui/time';
import { useLiveText } from './live-text';

/** Props of the tables: the view, the clock offset and the local time now (ticking). */
export interface LiveTablesProps {
  snapshot: SupervisorSnapshot;
  offsetMs: number;
  now: number;
}

/** Per need: waiting now, the longest wait (ticking while anyone waits), offers missed today. */
export function QueueTable({ snapshot, offsetMs, now }: LiveTablesProps) {
  const { locale, lt } = useLiveText();
  // The longest wait was measured at serverTime; it grows with the clock while someone waits.
  const since = elapsedMs(snapshot.serverTime, now, offsetMs);
  return (
    <section className="live-card" aria-labelledby="live-queue-h">
      <h2 id="live-queue-h">{lt('queue.heading')}</h2>
      <table className="live-table">
        <thead>
          <tr>
            <th scope="col">{lt('queue.col.need')}</th>
            <th scope="col">{lt('queue.col.waiting')}</th>
            <th scope="col">{lt('queue.col.longest')}</th>
            <th scope="col">{lt('queue.col.missed')}</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.queues.map((q) => {
            const longest = q.waiting ? q.longestWaitS * 1000 + since : 0;
            return (
              <tr
                key={`${q.centreId}-${q.need}`}
                data-testid="live-queue-row"
                data-need={q.need}
                data-centre={q.centreId}
                className={q.waiting ? '' : 'live-quiet'}
              >
                <th scope="row">{needText(q.need, locale)}</th>
                <td className="live-num" data-testid="live-queue-waiting">
                  {q.waiting}
                </td>
                <td>
                  {q.waiting ? (
                    <span className={`wait wait-${waitLevel(longest)}`}>{formatDuration(longest)}</span>
                  ) : (
                    lt('queue.none')
                  )}
                </td>
                <td className="live-num">{q.offersMissed}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The centre's staff: status in words, time in it, the session they serve. */
export function AgentsTable({ snapshot, offsetMs, now }: LiveTablesProps) {
  const { locale, lt } = useLiveText();
  return (
    <section className="live-card" aria-labelledby="live-agents-h">
      <h2 id="live-agents-h">{lt('agents.heading')}</h2>
      {snapshot.agents.length === 0 ? (
        <p className="live-muted">{lt('agents.none')}</p>
      ) : (
        <table className="live-table">
          <thead>
            <tr>
              <th scope="col">{lt('agents.col.name')}</th>
              <th scope="col">{lt('agents.col.status')}</th>
              <th scope="col">{lt('agents.col.for')}</th>
              <th scope="col">{lt('agents.col.session')}</th>
              <th scope="col">{lt('agents.col.skills')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.agents.map((a) => (
              <tr
                key={a.agentId}
                data-testid="live-agent-row"
                data-agent-id={a.agentId}
                data-status={a.status}
              >
                <th scope="row">
                  {a.displayName}
                  {!a.online && <span className="live-muted"> {lt('agents.offline')}</span>}
                </th>
                <td>
                  <span className={`live-status live-status-${a.status}`} data-testid="live-agent-status">
                    {local(AGENT_STATUS_TEXT[a.status], locale)}
                  </span>
                </td>
                <td className="live-num">{formatDuration(elapsedMs(a.since, now, offsetMs))}</td>
                <td>
                  {a.session
                    ? `${a.session.ticketNumber} · ${formatDuration(elapsedMs(a.session.startedAt, now, offsetMs))}`
                    : lt('queue.none')}
                </td>
                <td className="live-skills">
                  {a.skills.length
                    ? a.skills.map((s) => local(skillName(s), locale)).join('、')
                    : lt('agents.noSkills')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Sessions in progress: number, staff, kiosk (marked when across centres), duration. */
export function SessionsTable({ snapshot, offsetMs, now }: LiveTablesProps) {
  const { lt } = useLiveText();
  return (
    <section className="live-card" aria-labelledby="live-sessions-h">
      <h2 id="live-sessions-h">{lt('sessions.heading')}</h2>
      {snapshot.sessions.length === 0 ? (
        <p className="live-muted">{lt('sessions.none')}</p>
      ) : (
        <table className="live-table">
          <thead>
            <tr>
              <th scope="col">{lt('sessions.col.number')}</th>
              <th scope="col">{lt('sessions.col.agent')}</th>
              <th scope="col">{lt('sessions.col.kiosk')}</th>
              <th scope="col">{lt('sessions.col.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.sessions.map((s) => (
              <tr key={s.sessionId} data-testid="live-session-row" data-session-id={s.sessionId}>
                <th scope="row">{s.ticketNumber}</th>
                <td>{s.agentName}</td>
                <td>
                  {s.kioskName}
                  {s.centreId !== s.kioskCentreId && (
                    <span className="live-badge">{lt('sessions.cross')}</span>
                  )}
                </td>
                <td className="live-num">{formatDuration(elapsedMs(s.startedAt, now, offsetMs))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
