/**
 * The console's controller, outside React: who is signed in, the socket and its reconnects, the
 * workbench's state machine (console-state.ts), the call, and which failures sign the agent out.
 * Components render its snapshot (useSyncExternalStore) and forward the agent's actions to it.
 */
import { ErrorCode, type LoginResponse, type QueueEntry, type SessionOpened } from '@rvw/shared';
import type { ConsoleApi, ConsoleAppDeps, ConsoleSnapshot } from './console-app-types';
import { browserTabIdEnv, consoleTabId } from '../call/tab-id';
import type { ReconnectPolicy } from '@rvw/shared/call';
import { fetchMe, listCases, logout } from '../lib/api';
import type { CaseStore } from '../case/case-store';
import type { CatalogueCache } from '../case/catalogue-cache';
import { createCaseArea } from '../case/case-area';
import { errorCodeOf, isAuthLost } from '../lib/errors';
import { clearAuth, loadAuth, saveAuth } from '../auth/auth-store';
import type { PaperArea } from '../paper/paper-area';
import { connectConsoleSocket, request, type ConsoleSocket } from './console-socket';
import { consoleReducer, initialConsoleState, type ConsoleAction } from './console-state';
import { acceptTicket, endSession, type CallActionContext } from './call-actions';
import { bindServerEvents } from './server-events';
import { CallKeeper } from './call-keeper';
import { RoutingArea } from './routing-area';
import { LiveStore } from '../supervisor/live/live-store';
import { httpLiveTransport } from '../supervisor/live/live-transport';
import { FleetStore } from '../fleet/fleet-store';
import { httpFleetTransport } from '../fleet/fleet-transport';
import { TransferStore } from '../transfer/transfer-store';
import { socketTransferTransport } from '../transfer/transfer-transport';
import { SocketLink } from './socket-link';
import { consoleSocketPolicy } from './socket-policy';

export type { ConsoleApi, ConsoleAppDeps, ConsoleSnapshot } from './console-app-types';

/** How long sign-out waits for the server to end an open call (3 s); the sign-out goes ahead regardless. */
export const SIGN_OUT_END_TIMEOUT_MS = 3000;

/** Longest delay setTimeout handles (about 24.8 days); later expiries are left to the server. */
const MAX_TIMER_MS = 2_147_483_647;

/** One signed-in stretch: its socket, timers and call. Replaced on every sign-in. */
interface Signed {
  token: string;
  socket: ConsoleSocket;
  link: SocketLink;
  expiry: ReturnType<typeof setTimeout> | null;
  calls: CallKeeper;
  accepting: boolean;
}

/** Drives the console from sign-in to sign-out; one per page. */
export class ConsoleApp {
  private snapshot: ConsoleSnapshot = {
    auth: null,
    signedOutCode: null,
    work: initialConsoleState,
    call: null,
    ending: false,
  };
  private readonly listeners = new Set<() => void>();
  private signed: Signed | null = null;
  private tabId: string | undefined;
  private running = false;
  private readonly socketPolicy: ReconnectPolicy;
  private readonly now: () => number;
  private readonly api: ConsoleApi;
  /** The catalogue items fetched in this sign-in (the guide, the finder's preview). */
  readonly catalogue: CatalogueCache;
  /** The cases of the agent's calls: live state, drafts, actions. */
  readonly cases: CaseStore;
  /** Documents, printing at the kiosk and the document camera's materials. */
  readonly paper: PaperArea;
  /** The agent's own status, the offer prompt and the centres (issue 11). */
  readonly routing: RoutingArea;
  /** The supervisor's live view (issue 11 #9, supervisor/live/), kept by the server's pushes. */
  readonly live: LiveStore = new LiveStore(
    httpLiveTransport(() => this.signed?.token ?? null),
    {
      failed: (e) => this.failed(e),
    },
  );
  /** The fleet view (issue 12 #3, fleet/), kept by the server's `fleet:update` pushes. */
  readonly fleet: FleetStore = new FleetStore(
    httpFleetTransport(() => this.signed?.token ?? null),
    { failed: (e) => this.failed(e) },
  );
  /** Transfers of the agent's sessions and the hand-over calls (issue 11 #6, transfer/). */
  readonly transfers: TransferStore;

  constructor(private readonly deps: ConsoleAppDeps) {
    this.socketPolicy = deps.socketPolicy ?? consoleSocketPolicy();
    this.now = deps.now ?? Date.now;
    this.api = deps.api ?? {
      fetchMe,
      logout,
      listCases: (token, sessionId) => listCases(token, { sessionId }),
    };
    const line = () => (this.signed ? { socket: this.signed.socket, token: this.signed.token } : null);
    ({
      catalogue: this.catalogue,
      cases: this.cases,
      paper: this.paper,
    } = createCaseArea(line, deps.caseTransport));
    this.routing = new RoutingArea(
      line,
      {
        opened: (opened, entry) => this.dispatch({ type: 'accept-ok', opened, identity: null, entry }),
        notice: (notice) => {
          if (notice.kind === 'offer-ended' && notice.code && isAuthLost(notice.code))
            this.failed(notice.code);
          else this.dispatch({ type: 'notice', notice });
        },
        offsetMs: () => this.snapshot.work.offsetMs,
      },
      deps.routing,
    );
    this.transfers = new TransferStore({
      transport: socketTransferTransport(line, deps.routing?.baseUrl),
      ...(deps.createCall ? { createCall: deps.createCall } : {}),
      me: () => this.snapshot.auth?.agent.id ?? null,
      handedOver: (sessionId) => this.handedOver(sessionId),
    });
  }

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): ConsoleSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resumes a saved login, if any, and connects. Safe to call again after stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    const auth = loadAuth(this.deps.storage, this.now());
    if (auth) this.begin(auth);
    else this.publish({ auth: null });
  }

  /** Disconnects and ends any call, keeping the saved login (the page is going away). */
  stop(): void {
    this.running = false;
    // The last typed values go out before the socket closes (best effort: the page is leaving).
    this.cases.flushAll();
    this.teardown();
  }

  /** A login succeeded: keep it and connect. */
  signIn = (auth: LoginResponse): void => {
    saveAuth(this.deps.storage, auth);
    this.begin(auth);
  };

  /** The agent signs out: ends an open call, revokes the token, returns to the login screen. */
  signOut = async (): Promise<void> => {
    const signed = this.signed;
    if (!signed || signed.link.quiet) return;
    // The server drops our socket on logout, which must not read as an error.
    signed.link.quiet = true;
    const sessionId = this.snapshot.work.call?.opened.session.id;
    if (sessionId) {
      await request(signed.socket, 'session:end', { sessionId }, SIGN_OUT_END_TIMEOUT_MS).catch(
        () => undefined,
      );
    }
    // The local sign-out happens regardless; a failed server call only leaves a token that expires.
    await this.api
      .logout(signed.token)
      .catch((e: unknown) => console.warn(`[console] logout failed: ${errorCodeOf(e)}`));
    if (this.signed === signed) this.leave(null);
  };

  /**
   * Every failure the screens see comes here: a lost login signs the agent out (this is the one
   * place that decides it). Returns the failure's code for the screen to explain.
   */
  failed = (error: unknown): string => {
    const code = typeof error === 'string' ? error : errorCodeOf(error);
    if (isAuthLost(code) && this.signed) this.leave(code);
    return code;
  };

  /** Accepts a waiting ticket; one accept at a time. */
  accept = (entry: QueueEntry): Promise<void> => this.acceptWith(entry);

  /** Takes the next one: the first ticket in the server's order whose kiosk is online. */
  acceptNext = (): Promise<void> => this.acceptWith(null);

  private async acceptWith(entry: QueueEntry | null): Promise<void> {
    const signed = this.signed;
    if (!signed || signed.accepting) return;
    signed.accepting = true;
    try {
      await acceptTicket(this.actionContext(signed), entry);
    } finally {
      signed.accepting = false;
    }
  }

  /**
   * Ends the call in progress. Refused here, with the server's CASE_OPEN sentence, while a case of
   * the session has no outcome; the server refuses the same, and then the call stays.
   */
  endCall = async (): Promise<void> => {
    const signed = this.signed;
    const sessionId = this.snapshot.work.call?.opened.session.id;
    if (!signed || !sessionId) return;
    if (this.cases.openCasesOf(sessionId).length) {
      this.dispatch({ type: 'error', code: ErrorCode.CaseOpen });
      return;
    }
    this.publish({ ending: true });
    try {
      await endSession(this.actionContext(signed), sessionId);
    } finally {
      this.publish({ ending: false });
    }
  };

  private actionContext(signed: Signed): CallActionContext {
    return {
      socket: signed.socket,
      dispatch: (action) => this.dispatch(action),
      current: () => this.signed === signed,
      authLost: (code) => this.failed(code),
      accepting: (send) => this.routing.prepared.accepting(send),
    };
  }

  /** Asks the server for the full ID number of a ticket's resident (the server records it). */
  reveal = async (ticketId: string): Promise<string> => {
    const signed = this.signed;
    if (!signed) throw new Error('not signed in');
    try {
      return (await request(signed.socket, 'identity:reveal', { ticketId })).idNumber;
    } catch (e) {
      this.failed(e);
      throw e;
    }
  };

  /** Turns the agent's camera or microphone on or off in the call. */
  setMedia = (kind: 'video' | 'audio', enabled: boolean): void => {
    this.signed?.calls.setEnabled(kind, enabled);
  };

  /** The kiosk's video showed its first frame: the call's set-up time goes to the server once. */
  callFirstFrame = (): void => {
    this.signed?.calls.firstFrame();
  };

  /** Takes the call over from this agent's other console tab. */
  takeOverCall = async (): Promise<void> => {
    await this.signed?.calls.takeOver();
  };

  /**
   * The session was handed to another agent (a transfer completed, or a blind one queued): this
   * agent's call closes without ending the session, which goes on with the resident.
   */
  handedOver = (sessionId: string): void => this.dispatch({ type: 'handed-over', sessionId });

  /** Closes a notice. */
  dismiss = (id: number): void => this.dispatch({ type: 'dismiss', id });

  private begin(auth: LoginResponse): void {
    this.teardown();
    const socket = (this.deps.connect ?? connectConsoleSocket)(auth.token);
    const link = new SocketLink(socket, this.socketPolicy, this.now, {
      onConnected: () => {
        this.dispatch({ type: 'connected' });
        this.cases.flushAll();
        this.routing.connected();
      },
      onDown: () => {
        this.dispatch({ type: 'disconnected' });
        this.routing.disconnected();
      },
      onAuthLost: (code) => this.leave(code),
    });
    const calls = new CallKeeper({
      socket,
      tabId: () => (this.tabId ??= this.deps.tabId ?? consoleTabId(browserTabIdEnv(this.deps.storage))),
      ...(this.deps.createCall ? { createCall: this.deps.createCall } : {}),
      openMedia: this.routing.media.openForCall,
      prepared: (opened) => this.routing.prepared.claim(opened),
      changed: (media, elsewhere, kioskAway = null) => {
        if (this.signed === signed) this.publish({ call: media, callElsewhere: elsewhere, kioskAway });
      },
      began: (opened) => this.callBegan(signed, opened),
      // The session is over: its cases can no longer change.
      ended: (sessionId) => this.cases.forgetSession(sessionId),
    });
    const signed: Signed = { token: auth.token, socket, link, expiry: null, calls, accepting: false };
    this.signed = signed;
    this.publish({ auth, signedOutCode: null, work: initialConsoleState, call: null, ending: false });
    this.listen(signed);
    this.watchExpiry(signed, auth.expiresAt);
    this.checkLogin(signed);
  }

  /** After a reload the saved token may have been revoked: ask the server who we are. */
  private checkLogin(signed: Signed): void {
    this.api.fetchMe(signed.token).then(
      (agent) => {
        const auth = this.snapshot.auth;
        if (this.signed !== signed || !auth) return;
        const next = { ...auth, agent };
        saveAuth(this.deps.storage, next);
        this.publish({ auth: next });
      },
      (err: unknown) => {
        // An unreachable server is not a reason to sign out: the socket keeps retrying.
        if (this.signed === signed && isAuthLost(errorCodeOf(err))) this.leave(ErrorCode.AuthMissing);
      },
    );
  }

  private watchExpiry(signed: Signed, expiresAt: string): void {
    const delay = Date.parse(expiresAt) - this.now();
    if (!Number.isFinite(delay) || delay > MAX_TIMER_MS) return;
    signed.expiry = setTimeout(
      () => {
        if (this.signed === signed) this.leave(ErrorCode.AuthMissing);
      },
      Math.max(0, delay),
    );
  }

  /** The areas kept by the server's pushes: each binds to a signed-in socket and resets on sign-out. */
  private pushed(): Array<{ bind(socket: ConsoleSocket, current: () => boolean): void; reset(): void }> {
    return [this.paper, this.routing, this.live, this.fleet, this.transfers];
  }

  /** The server's pushes, checked and fed to the workbench; signals go to the call. */
  private listen(signed: Signed): void {
    bindServerEvents(signed.socket, {
      dispatch: (action) => this.dispatch(action),
      now: this.now,
      signal: (sessionId, data) => signed.calls.receive(sessionId, data),
      caseState: (state) => {
        if (this.signed === signed) this.cases.applyState(state);
      },
      entitlements: (ticketId, list) => {
        if (this.signed === signed) this.cases.setEntitlements(ticketId, list);
      },
    });
    for (const area of this.pushed()) area.bind(signed.socket, () => this.signed === signed);
  }

  /**
   * A call began, however it came: no offer prompt stays over it, and the session's cases are read
   * (a session handed over by a transfer arrives with its case open; a resume gets them pushed too).
   */
  private callBegan(signed: Signed, opened: SessionOpened): void {
    this.routing.callOpened();
    const list = this.api.listCases;
    if (!list) return;
    list(signed.token, opened.session.id).then(
      (states) => {
        if (this.signed === signed) states.forEach(this.cases.applyState);
      },
      (e: unknown) => console.warn(`[console] cases of the session not read: ${errorCodeOf(e)}`),
    );
  }

  /** Back to the login screen; `code` says why (null: the agent's choice). */
  private leave(code: string | null): void {
    clearAuth(this.deps.storage);
    this.teardown();
    this.publish({ auth: null, signedOutCode: code, work: initialConsoleState, call: null, ending: false });
  }

  private teardown(): void {
    const signed = this.signed;
    if (!signed) return;
    this.signed = null;
    this.cases.reset();
    for (const area of this.pushed()) area.reset();
    this.catalogue.clear();
    if (signed.expiry) clearTimeout(signed.expiry);
    signed.calls.end();
    signed.link.close();
  }

  private dispatch(action: ConsoleAction): void {
    const work = consoleReducer(this.snapshot.work, action);
    if (work !== this.snapshot.work) this.publish({ work });
    this.syncCall();
  }

  /** Keeps exactly one call for the session the workbench shows, none outside a call. */
  private syncCall(): void {
    this.signed?.calls.sync(this.snapshot.work.call?.opened ?? null);
  }

  private publish(patch: Partial<ConsoleSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
