/**
 * The console's transfers (issue 11 #6), outside React: whom the agent can transfer to, the
 * transfer this agent started (outgoing) and the one offered to them (incoming), the actions, and the
 * hand-over call between the two agents of a consulted transfer (its own CallController and local
 * stream; signals over `consult:signal`, the first agent initiates; both sides use the ICE servers the
 * server sends with the transfer's state, since the invited agent has no session of their own to
 * take them from). Only the tab that started or
 * answered a transfer runs its hand-over call. When the session goes on with another agent, the
 * workbench is told (`handedOver`) so that this agent's call closes without ending the session.
 */
import {
  serverEvents,
  type SignalData,
  type Transfer,
  type TransferOption,
  type TransferState,
} from '@rvw/shared';
import { CallController, type CallControllerOptions, type CallSnapshot } from '@rvw/shared/call';
import { errorCodeOf } from '../lib/errors';
import type { ConsoleSocket } from '../app/console-socket';

/** What the agent asks for in the dialog. */
export interface TransferRequest {
  sessionId: string;
  mode: Transfer['mode'];
  target: Transfer['target'];
  note?: string;
}

/** The server's side of transfers; the socket and HTTP by default (transfer-transport.ts). */
export interface TransferTransport {
  options(): Promise<TransferOption[]>;
  start(request: TransferRequest): Promise<TransferState>;
  answer(transferId: string, accept: boolean): Promise<TransferState>;
  complete(transferId: string): Promise<TransferState>;
  cancel(transferId: string): Promise<TransferState>;
  signal(transferId: string, data: SignalData): Promise<void>;
}

/** What the store tells and asks the rest of the console. */
export interface TransferStoreDeps {
  transport: TransferTransport;
  /** The signed-in agent's id (null while signed out). */
  me(): string | null;
  /** This agent's part in a session is over: close its call, the session goes on with another agent. */
  handedOver(sessionId: string): void;
  /** Builds the hand-over call's controller. Default the shared CallController. */
  createCall?(options: CallControllerOptions): CallController;
}

/** What the views render. */
export interface TransferSnapshot {
  /** Agents and skill groups to choose from; null until read. */
  options: TransferOption[] | null;
  optionsLoading: boolean;
  /** Why the options could not be read (an error code). */
  optionsError: string | null;
  /** The latest transfer this agent started (kept after it ends, for the status line). */
  outgoing: Transfer | null;
  /** The latest transfer offered to this agent (an invitation, a hand-over, a blind one for them). */
  incoming: Transfer | null;
  /** An action awaiting the server. */
  busy: boolean;
  /** The code of the last refused action, until the next one. */
  error: string | null;
  /** The hand-over call's media in this tab; null when this tab runs none. */
  consult: CallSnapshot | null;
  /** The transfer whose hand-over call this tab runs (started or answered here). */
  consultId: string | null;
}

const initial: TransferSnapshot = {
  options: null,
  optionsLoading: false,
  optionsError: null,
  outgoing: null,
  incoming: null,
  busy: false,
  error: null,
  consult: null,
  consultId: null,
};

/** Transfers of one signed-in page. */
export class TransferStore {
  private snapshot: TransferSnapshot = initial;
  private readonly listeners = new Set<() => void>();
  /** Transfers this tab started or answered: their hand-over call runs here. */
  private readonly mine = new Set<string>();
  /** Transfers whose session was already handed over (told once each). */
  private readonly left = new Set<string>();
  private call: { transferId: string; controller: CallController; off: () => void } | null = null;

  constructor(private readonly deps: TransferStoreDeps) {}

  getSnapshot = (): TransferSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the server's transfer pushes on a signed-in socket. */
  bind(socket: ConsoleSocket, current: () => boolean = () => true): void {
    socket.on('transfer:state', (payload) => {
      const parsed = serverEvents['transfer:state'].safeParse(payload);
      if (parsed.success && current()) this.applyState(parsed.data);
    });
    socket.on('consult:signal', (payload) => {
      const parsed = serverEvents['consult:signal'].safeParse(payload);
      if (parsed.success && current()) this.receiveSignal(parsed.data.transferId, parsed.data.data);
    });
  }

  /** Reads whom the agent can transfer to (when the dialog opens). */
  loadOptions = async (): Promise<void> => {
    this.publish({ optionsLoading: true, optionsError: null });
    try {
      this.publish({ options: await this.deps.transport.options(), optionsLoading: false });
    } catch (e) {
      this.publish({ optionsLoading: false, optionsError: errorCodeOf(e) });
    }
  };

  /** Starts a transfer of the agent's session. */
  start = (request: TransferRequest): Promise<boolean> =>
    this.act(async () => {
      const t = await this.deps.transport.start(request);
      this.mine.add(t.transferId);
      return t;
    });

  /** Answers the invitation on screen. */
  answer = (accept: boolean): Promise<boolean> => {
    const t = this.snapshot.incoming;
    if (!t) return Promise.resolve(false);
    return this.act(async () => {
      if (accept) this.mine.add(t.transferId);
      return this.deps.transport.answer(t.transferId, accept);
    });
  };

  /** The first agent hands the resident over (consulted). */
  complete = (): Promise<boolean> => {
    const t = this.snapshot.outgoing;
    if (!t) return Promise.resolve(false);
    return this.act(() => this.deps.transport.complete(t.transferId));
  };

  /** The first agent cancels the transfer (or takes a blind one back). */
  cancel = (): Promise<boolean> => {
    const t = this.snapshot.outgoing;
    if (!t) return Promise.resolve(false);
    return this.act(() => this.deps.transport.cancel(t.transferId));
  };

  /** Hides a finished transfer's line (and a refusal). */
  dismiss = (): void => {
    const done = (t: Transfer | null) => (t && isOpen(t) ? t : null);
    this.publish({
      outgoing: done(this.snapshot.outgoing),
      incoming: done(this.snapshot.incoming),
      error: null,
    });
  };

  /** Turns the camera or microphone of the hand-over call on or off. */
  setConsultMedia = (kind: 'video' | 'audio', enabled: boolean): void => {
    this.call?.controller.setEnabled(kind, enabled);
  };

  /** A transfer's new state, from the server (or an action's answer). */
  applyState(t: TransferState): void {
    const me = this.deps.me();
    if (!me) return;
    if (t.from.agentId === me) {
      const before = this.snapshot.outgoing;
      if (before && before.transferId === t.transferId && isLater(before, t)) return;
      this.publish({ outgoing: t });
      // The resident went on to the queue (blind) or to the second agent (consulted): leave the call.
      if ((t.phase === 'queued' || t.phase === 'completed') && !this.left.has(t.transferId)) {
        this.left.add(t.transferId);
        this.deps.handedOver(t.sessionId);
      }
    } else if ((t.target.kind === 'agent' && t.target.agentId === me) || t.to?.agentId === me) {
      const before = this.snapshot.incoming;
      if (before && before.transferId === t.transferId && isLater(before, t)) return;
      this.publish({ incoming: t });
    } else return;
    this.syncConsult(t);
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.endConsult();
    this.mine.clear();
    this.left.clear();
    this.snapshot = initial;
    this.emit();
  }

  private async act(run: () => Promise<TransferState>): Promise<boolean> {
    if (this.snapshot.busy) return false;
    this.publish({ busy: true, error: null });
    try {
      const t = await run();
      this.publish({ busy: false });
      this.applyState(t);
      return true;
    } catch (e) {
      const code = errorCodeOf(e);
      console.warn(`[console] transfer refused: ${code}`);
      this.publish({ busy: false, error: code });
      return false;
    }
  }

  /** Runs the hand-over call while this tab's transfer is consulting; ends it otherwise. */
  private syncConsult(t: TransferState): void {
    if (t.phase === 'consulting' && this.mine.has(t.transferId)) {
      if (this.call?.transferId === t.transferId) return;
      this.endConsult();
      this.startConsult(t);
    } else if (this.call?.transferId === t.transferId) this.endConsult();
  }

  private startConsult(t: TransferState): void {
    const transferId = t.transferId;
    const options: CallControllerOptions = {
      // The first agent offers; the second answers.
      initiator: t.from.agentId === this.deps.me(),
      // The server's, with the transfer: the invited agent's side has no session to take them from.
      iceServers: t.iceServers,
      ...(t.iceTransportPolicy ? { iceTransportPolicy: t.iceTransportPolicy } : {}),
      signalling: {
        send: (data) => {
          this.deps.transport
            .signal(transferId, data)
            .catch((e: unknown) => console.warn(`[console] consult signal failed: ${errorCodeOf(e)}`));
        },
      },
    };
    const controller = this.deps.createCall?.(options) ?? new CallController(options);
    const off = controller.subscribe(() => {
      if (this.call?.controller === controller) this.publish({ consult: controller.getSnapshot() });
    });
    this.call = { transferId, controller, off };
    this.publish({ consult: controller.getSnapshot(), consultId: transferId });
    controller.start();
  }

  private endConsult(): void {
    const call = this.call;
    if (!call) return;
    this.call = null;
    call.off();
    call.controller.end();
    this.publish({ consult: null, consultId: null });
  }

  private receiveSignal(transferId: string, data: SignalData): void {
    if (this.call?.transferId === transferId) this.call.controller.receive(data);
  }

  private publish(patch: Partial<TransferSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Whether a transfer is still under way (inviting, consulting or queued). */
export function isOpen(t: Transfer): boolean {
  return t.phase === 'inviting' || t.phase === 'consulting' || t.phase === 'queued';
}

const ORDER: Record<Transfer['phase'], number> = {
  inviting: 0,
  queued: 0,
  consulting: 1,
  completed: 2,
  cancelled: 2,
};

/** True when `held` is already past `incoming` (an action's late answer after the server's push). */
function isLater(held: Transfer, incoming: Transfer): boolean {
  return ORDER[held.phase] > ORDER[incoming.phase];
}
