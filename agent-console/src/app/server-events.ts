/**
 * The server's pushes to an agent, checked against the shared schemas and turned into workbench
 * actions (or, for call signals, handed on by session id). Nothing unchecked moves the screen.
 */
import {
  AgentState,
  CaseState,
  QueueSnapshot,
  SessionEnded,
  SessionIdentity,
  SessionOpened,
  serverEvents,
  type Entitlement,
  type SignalData,
} from '@rvw/shared';
import { ConsoleErrorCode } from '../lib/errors';
import type { ConsoleSocket } from './console-socket';
import type { ConsoleAction } from './console-state';

/** Where the checked events go. */
export interface ServerEventSink {
  dispatch(action: ConsoleAction): void;
  /** A call signal relayed from the kiosk of `sessionId`. */
  signal(sessionId: string, data: SignalData): void;
  /** The local clock (ms), to stamp queue snapshots for the server-clock offset. */
  now(): number;
  /** A case of the agent's session changed (or is resent on resume). */
  caseState?(state: CaseState): void;
  /** What the resident of a ticket gets without applying (免申即享). */
  entitlements?(ticketId: string, list: Entitlement[]): void;
}

/** Listens to the server's pushes on `socket` and feeds them, checked, to `sink`. */
export function bindServerEvents(socket: ConsoleSocket, sink: ServerEventSink): void {
  socket.on('agent:state', (payload) => {
    const parsed = AgentState.safeParse(payload);
    if (parsed.success) sink.dispatch({ type: 'agent-state', state: parsed.data });
    else sink.dispatch({ type: 'error', code: ConsoleErrorCode.BadResponse });
  });
  socket.on('queue:update', (payload) => {
    const parsed = QueueSnapshot.safeParse(payload);
    if (parsed.success) sink.dispatch({ type: 'queue', snapshot: parsed.data, receivedAt: sink.now() });
    else sink.dispatch({ type: 'error', code: ConsoleErrorCode.BadResponse });
  });
  socket.on('session:opened', (payload) => {
    // Normally the accept's ack carries this first; it matters when that ack was lost.
    const parsed = SessionOpened.safeParse(payload);
    if (parsed.success && parsed.data.initiator) {
      sink.dispatch({ type: 'accept-ok', opened: parsed.data, identity: null });
    }
  });
  socket.on('session:ended', (payload) => {
    const parsed = SessionEnded.safeParse(payload);
    if (parsed.success) sink.dispatch({ type: 'session-ended', ended: parsed.data });
  });
  socket.on('session:identity', (payload) => {
    // The resident's identity reached the server after this agent accepted the ticket.
    const parsed = SessionIdentity.safeParse(payload);
    if (parsed.success) sink.dispatch({ type: 'session-identity', ...parsed.data });
  });
  socket.on('case:state', (payload) => {
    const parsed = CaseState.safeParse(payload);
    if (parsed.success) sink.caseState?.(parsed.data);
    else sink.dispatch({ type: 'error', code: ConsoleErrorCode.BadResponse });
  });
  socket.on('session:entitlements', (payload) => {
    const parsed = serverEvents['session:entitlements'].safeParse(payload);
    if (parsed.success) sink.entitlements?.(parsed.data.ticketId, parsed.data.entitlements);
  });
  socket.on('signal', (payload) => {
    const parsed = serverEvents.signal.safeParse(payload);
    if (parsed.success) sink.signal(parsed.data.sessionId, parsed.data.data);
  });
}
