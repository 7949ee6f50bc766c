/**
 * The signed-in workbench: owns the socket and the state machine, and shows the queue, the call
 * or (for admins) the administration pages under one header.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  AgentState,
  ErrorCode,
  QueueSnapshot,
  SessionEnded,
  SessionIdentity,
  SessionOpened,
  type ConnectRefusal,
  type LoginResponse,
  type QueueEntry,
} from '@rvw/shared';
import { consoleReducer, initialConsoleState } from '../lib/console-state';
import { connectConsoleSocket, request, type ConsoleSocket } from '../lib/console-socket';
import { ConsoleErrorCode, errorCodeOf, isAuthLost } from '../lib/errors';
import { logout } from '../lib/api';
import { Header, type Tab } from './Header';
import { QueueView } from './QueueView';
import { CallView } from './CallView';
import { AdminView } from './AdminView';
import { Notices } from './Notices';

/** Delay before retrying a connection the server refused for a reason other than credentials (3 s). */
const REFUSED_RETRY_MS = 3000;

/** Props of the workbench. `onSignOut(code)` returns to the login screen; code null = by choice. */
export interface WorkbenchProps {
  auth: LoginResponse;
  onSignOut(code: string | null): void;
}

/** The workbench. */
export function Workbench({ auth, onSignOut }: WorkbenchProps) {
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const [socket, setSocket] = useState<ConsoleSocket | null>(null);
  const [tab, setTab] = useState<Tab>('queue');
  const [ending, setEnding] = useState(false);
  const accepting = useRef(false);
  // Set while signing out: the server drops our socket on logout, which must not read as an error.
  const signingOut = useRef(false);
  const onSignOutRef = useRef(onSignOut);
  onSignOutRef.current = onSignOut;
  const token = auth.token;

  useEffect(() => {
    const s = connectConsoleSocket(token);
    let retry: ReturnType<typeof setTimeout> | undefined;
    s.on('connect', () => dispatch({ type: 'connected' }));
    s.on('disconnect', (reason) => {
      if (signingOut.current) return;
      dispatch({ type: 'disconnected' });
      // The server closed us deliberately (e.g. the token was revoked): try again, and the handshake says why.
      if (reason === 'io server disconnect') s.connect();
    });
    s.on('connect_error', (error) => {
      if (signingOut.current) return;
      const refusal = (error as Error & { data?: ConnectRefusal }).data;
      if (isAuthLost(refusal?.code)) {
        onSignOutRef.current(refusal?.code ?? ErrorCode.AuthInvalid);
        return;
      }
      dispatch({ type: 'disconnected' });
      // socket.io stops retrying after a refusal by the server's middleware; keep trying at a calm pace.
      if (!s.active) {
        clearTimeout(retry);
        retry = setTimeout(() => s.connect(), REFUSED_RETRY_MS);
      }
    });
    s.on('agent:state', (payload) => {
      const parsed = AgentState.safeParse(payload);
      if (parsed.success) dispatch({ type: 'agent-state', state: parsed.data });
      else dispatch({ type: 'error', code: ConsoleErrorCode.BadResponse });
    });
    s.on('queue:update', (payload) => {
      const parsed = QueueSnapshot.safeParse(payload);
      if (parsed.success) dispatch({ type: 'queue', snapshot: parsed.data, receivedAt: Date.now() });
      else dispatch({ type: 'error', code: ConsoleErrorCode.BadResponse });
    });
    s.on('session:opened', (payload) => {
      // Normally the accept's ack carries this first; it matters when that ack was lost.
      const parsed = SessionOpened.safeParse(payload);
      if (parsed.success && parsed.data.initiator) {
        dispatch({ type: 'accept-ok', opened: parsed.data, identity: null });
      }
    });
    s.on('session:ended', (payload) => {
      const parsed = SessionEnded.safeParse(payload);
      if (parsed.success) dispatch({ type: 'session-ended', ended: parsed.data });
    });
    s.on('session:identity', (payload) => {
      // The resident's identity reached the server after this agent accepted the ticket.
      const parsed = SessionIdentity.safeParse(payload);
      if (parsed.success) dispatch({ type: 'session-identity', ...parsed.data });
    });
    setSocket(s);
    return () => {
      clearTimeout(retry);
      s.removeAllListeners();
      s.disconnect();
    };
  }, [token]);

  const accept = useCallback(
    async (entry: QueueEntry) => {
      if (!socket || accepting.current) return;
      accepting.current = true;
      dispatch({ type: 'accept-start', ticketId: entry.ticketId });
      try {
        const opened = await request(socket, 'ticket:accept', { ticketId: entry.ticketId });
        dispatch({ type: 'accept-ok', opened, identity: entry.identity ?? null });
      } catch (e) {
        const code = errorCodeOf(e);
        console.warn(`[console] accept ${entry.number} failed: ${code}`);
        if (isAuthLost(code)) onSignOutRef.current(code);
        else dispatch({ type: 'accept-failed', ticketNumber: entry.number, code });
      } finally {
        accepting.current = false;
      }
    },
    [socket],
  );

  const sessionId = state.call?.opened.session.id;
  const endCall = useCallback(async () => {
    if (!socket || !sessionId) return;
    setEnding(true);
    try {
      const ended = await request(socket, 'session:end', { sessionId });
      dispatch({ type: 'session-ended', ended });
    } catch (e) {
      const code = errorCodeOf(e);
      // The agent wants out: leave the call locally either way. If the server still holds the
      // session, agent:state brings it back on the next connect and the agent can end it again.
      dispatch({ type: 'session-ended', ended: { sessionId, endedBy: 'agent' } });
      const alreadyOver = [
        ErrorCode.SessionEnded,
        ErrorCode.NotFound,
        ErrorCode.NotSessionMember,
      ] as string[];
      if (!alreadyOver.includes(code)) dispatch({ type: 'error', code });
    } finally {
      setEnding(false);
    }
  }, [socket, sessionId]);

  const signOut = useCallback(async () => {
    if (signingOut.current) return;
    signingOut.current = true;
    if (socket && sessionId) {
      await request(socket, 'session:end', { sessionId }, 3000).catch(() => undefined);
    }
    // The local sign-out happens regardless; a failed server call only leaves a token that expires.
    await logout(token).catch((e: unknown) => console.warn(`[console] logout failed: ${errorCodeOf(e)}`));
    onSignOutRef.current(null);
  }, [socket, sessionId, token]);

  const dismiss = useCallback((id: number) => dispatch({ type: 'dismiss', id }), []);
  const authLost = useCallback((code: string) => onSignOutRef.current(code), []);

  const isAdmin = auth.agent.role === 'admin';
  const view = state.call ? 'call' : isAdmin && tab === 'admin' ? 'admin' : 'queue';

  return (
    <div className="app">
      <Header
        agent={auth.agent}
        connection={state.connection}
        waiting={state.queue.length}
        tab={view === 'admin' ? 'admin' : 'queue'}
        onTab={setTab}
        inCall={Boolean(state.call)}
        onLogout={signOut}
      />
      <Notices notices={state.notices} onDismiss={dismiss} />
      <main className="content">
        {view === 'call' && state.call && socket ? (
          <CallView
            key={state.call.opened.session.id}
            call={state.call}
            socket={socket}
            offsetMs={state.offsetMs}
            ending={ending}
            onEnd={endCall}
            onAuthLost={authLost}
          />
        ) : view === 'admin' ? (
          <AdminView token={token} onAuthLost={authLost} />
        ) : (
          <QueueView
            entries={state.queue}
            offsetMs={state.offsetMs}
            accepting={state.accepting}
            connected={state.connection === 'connected'}
            onAccept={accept}
          />
        )}
      </main>
    </div>
  );
}
