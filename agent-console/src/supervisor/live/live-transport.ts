/**
 * How the live view reaches the server over HTTP (the pushes come on the console's socket): the
 * first paint, the charts of a day, the follow-ups and their work, the centre's staff, the report.
 */
import {
  ErrorCode,
  type Agent,
  type FollowUp,
  type SupervisorCharts,
  type SupervisorSnapshot,
} from '@rvw/shared';
import { asConsoleError, consoleApi } from '../../lib/api';
import { ConsoleError } from '../../lib/errors';

/** The live view's calls; tests pass a fake. */
export interface LiveTransport {
  live(): Promise<SupervisorSnapshot>;
  charts(day: string): Promise<SupervisorCharts>;
  /** The open follow-ups of the supervisor's centre, oldest first. */
  followUps(): Promise<FollowUp[]>;
  /** The accounts of the supervisor's centre (assignees). */
  staff(): Promise<Agent[]>;
  assign(followUpId: string, agentId: string): Promise<FollowUp>;
  note(followUpId: string, text: string): Promise<FollowUp>;
  close(followUpId: string, note: string): Promise<FollowUp>;
  /** The daily report's CSV bytes. */
  report(day: string): Promise<Uint8Array>;
}

/** Over HTTP with whatever token `token` returns at each call (to the page's origin unless `baseUrl`). */
export function httpLiveTransport(token: () => string | null, baseUrl?: string): LiveTransport {
  const api = () => {
    const held = token();
    if (!held) throw new ConsoleError(ErrorCode.AuthMissing, 'Not signed in.');
    return consoleApi({ token: held, ...(baseUrl ? { baseUrl } : {}) });
  };
  return {
    live: () => asConsoleError(api().supervisorLive()),
    charts: (day) => asConsoleError(api().supervisorCharts({ query: { day } })),
    followUps: async () =>
      (await asConsoleError(api().listFollowUps({ query: { status: 'open' } }))).followUps,
    staff: async () => (await asConsoleError(api().listAgents())).agents,
    assign: async (followUpId, agentId) =>
      (await asConsoleError(api().assignFollowUp({ params: { followUpId }, body: { agentId } }))).followUp,
    note: async (followUpId, text) =>
      (await asConsoleError(api().noteFollowUp({ params: { followUpId }, body: { text } }))).followUp,
    close: async (followUpId, note) =>
      (await asConsoleError(api().closeFollowUp({ params: { followUpId }, body: { note } }))).followUp,
    report: (day) => asConsoleError(api().dailyReport({ query: { date: day } })),
  };
}
