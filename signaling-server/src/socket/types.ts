/** socket.io generics for the server, derived from the shared event maps. */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Kiosk, Role, ServerToClientEvents } from '@rvw/shared';

/** What the server knows about an authenticated socket. */
export type SocketData =
  | { kind: 'kiosk'; kioskId: string; kiosk: Kiosk }
  | {
      kind: 'agent';
      agentId: string;
      role: Role;
      authSessionId: string;
      /** When the login expires (ms since the epoch): every event checks it. */
      expiresAt: number;
    };

// No events between server nodes yet (a Redis adapter would carry the same server events).
type InterServerEvents = Record<never, never>;

/** The id of the member behind a socket (its kiosk's or its agent's). */
export const memberIdOf = (data: SocketData): string => (data.kind === 'kiosk' ? data.kioskId : data.agentId);

/** The typed socket.io server. */
export type RvwServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
/** A typed server-side socket. */
export type RvwSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The two kinds of session member. */
export type MemberKind = 'kiosk' | 'agent';

/** Room of every connected agent (queue updates). */
export const AGENTS_ROOM = 'agents';
/** Room of one kiosk's or agent's sockets: signals and session events go to a member's room. */
export const memberRoom = (kind: MemberKind, id: string): string => `${kind}:${id}`;
/** Room of the sockets opened with one login token (closed on logout). */
export const loginRoom = (authSessionId: string): string => `login:${authSessionId}`;
/**
 * Room of the sockets opened with one credential: a kiosk's token (its member room) or one login of
 * an agent. Connection and event limits count per credential; revocation ends its room.
 */
export const credentialRoom = (data: SocketData): string =>
  data.kind === 'kiosk' ? memberRoom('kiosk', data.kioskId) : loginRoom(data.authSessionId);
