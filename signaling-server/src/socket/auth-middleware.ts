/**
 * socket.io handshake authentication: `auth` must match HandshakeAuth. No token -> AUTH_MISSING;
 * an `auth` that is not an object, or a malformed, unknown, expired or revoked token ->
 * AUTH_INVALID. The refusal's `data` carries `{ code, message }` (ConnectRefusal).
 */
import { AuthError, HandshakeAuth, RequestError, type ConnectRefusal } from '@rvw/shared';
import type { Logger } from 'pino';
import { authenticateAgent } from '../accounts/account-store';
import { authenticateKiosk } from '../kiosks/kiosk-store';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { MALFORMED_AUTH } from './handshake-parser';
import type { RvwSocket } from './types';

/** The Error socket.io sends to the client as `connect_error`. */
export function refusal(code: ConnectRefusal['code'], message: string): Error & { data: ConnectRefusal } {
  const err = new Error(message) as Error & { data: ConnectRefusal };
  err.data = { code, message };
  return err;
}

// The handshake parser puts this marker where the client sent an `auth` that was not an object.
function isMalformed(auth: unknown): boolean {
  return typeof auth === 'object' && auth !== null && MALFORMED_AUTH in auth;
}

function hasToken(auth: unknown): boolean {
  if (typeof auth !== 'object' || auth === null) return false;
  const token = (auth as { token?: unknown }).token;
  return token !== undefined && token !== null && token !== '';
}

/** Builds the io.use() middleware. */
export function authMiddleware(deps: { db: Db; clock: Clock; log: Logger }) {
  return async (socket: RvwSocket, next: (err?: Error) => void): Promise<void> => {
    try {
      const auth = socket.handshake.auth as unknown;
      if (isMalformed(auth)) {
        const e = AuthError.invalid();
        deps.log.info({ code: e.code, socketId: socket.id }, 'socket refused');
        return next(refusal(e.code, e.message));
      }
      if (!hasToken(auth)) {
        const e = AuthError.missing();
        deps.log.info({ code: e.code, socketId: socket.id }, 'socket refused');
        return next(refusal(e.code, e.message));
      }
      const parsed = HandshakeAuth.safeParse(auth);
      if (parsed.success) {
        if (parsed.data.kind === 'kiosk') {
          const kiosk = await authenticateKiosk(deps.db, parsed.data.token);
          if (kiosk) {
            socket.data = { kind: 'kiosk', kioskId: kiosk.id, kiosk };
            return next();
          }
        } else {
          const who = await authenticateAgent(deps.db, parsed.data.token, deps.clock());
          if (who) {
            socket.data = {
              kind: 'agent',
              agentId: who.agent.id,
              role: who.role,
              authSessionId: who.authSessionId,
              expiresAt: Date.parse(who.expiresAt),
            };
            return next();
          }
        }
      }
      const e = AuthError.invalid();
      deps.log.info({ code: e.code, socketId: socket.id }, 'socket refused');
      return next(refusal(e.code, e.message));
    } catch (err) {
      deps.log.error({ err }, 'socket authentication failed');
      const e = RequestError.internal();
      return next(refusal(e.code, e.message));
    }
  };
}
