/**
 * The console controller's contract with the screens and the tests: the snapshot the screens render
 * from, and the dependencies a page (or a test) gives it.
 */
import type { CaseState, LoginResponse } from '@rvw/shared';
import type { CallController, CallControllerOptions, CallSnapshot, ReconnectPolicy } from '@rvw/shared/call';
import type { fetchMe, logout } from '../lib/api';
import type { KeyValueStorage } from '../auth/auth-store';
import type { CaseTransport } from '../case/case-store';
import type { Line } from '../case/socket-transport';
import type { ConsoleSocket } from './console-socket';
import type { ConsoleState } from './console-state';
import type { RoutingAreaDeps } from './routing-area';

/** What the screens render from. */
export interface ConsoleSnapshot {
  /** The signed-in agent; null shows the login screen. */
  auth: LoginResponse | null;
  /** Why the agent is back at the login screen (an error code); null if by choice or never signed in. */
  signedOutCode: string | null;
  /** The workbench: connection, queue, the call, notices. */
  work: ConsoleState;
  /** The call's media and connection; null outside a call (and while another tab runs it). */
  call: CallSnapshot | null;
  /** True while another console tab of this agent runs the call (issue 8 #4); it can be taken over. */
  callElsewhere?: boolean;
  /** While the kiosk's link is lost (`session:member`): when the server ends the session unless it is back (ISO). */
  kioskAway?: string | null;
  /** True while an End call is awaiting the server. */
  ending: boolean;
}

/** The HTTP calls the controller makes; the real API by default. */
export interface ConsoleApi {
  fetchMe: typeof fetchMe;
  logout: typeof logout;
  /** A session's cases (read when its call begins); without it they come only as pushes. */
  listCases?: (token: string, sessionId: string) => Promise<CaseState[]>;
}

/** Dependencies, replaceable in tests. */
export interface ConsoleAppDeps {
  /** Where the login is kept (sessionStorage in the browser). */
  storage: KeyValueStorage;
  /** Opens the agent's socket. Default: to the page's origin, socket.io's reconnection off. */
  connect?: (token: string) => ConsoleSocket;
  /** Default: lib/api. */
  api?: ConsoleApi;
  /** When the socket tries again. Default `consoleSocketPolicy()`. */
  socketPolicy?: ReconnectPolicy;
  /** Builds a session's call. Default: the shared CallController with its default peer policy. */
  createCall?: (options: CallControllerOptions) => CallController;
  /** This tab's id, which tells the server which tab runs a call. Default `consoleTabId()`. */
  tabId?: string;
  /** The clock (ms). Default Date.now. */
  now?: () => number;
  /** The case store's way to the server. Default: the socket's case events, HTTP for a reload. */
  caseTransport?: (line: Line) => CaseTransport;
  /** The routing area's parts (status, offers, centres). Default: the socket and HTTP. */
  routing?: RoutingAreaDeps;
}
