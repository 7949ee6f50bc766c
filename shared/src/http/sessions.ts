/** Session routes: a supervisor's view of sessions and how they ended. */
import { z } from 'zod';
import { Session } from '../domain';
import type { HttpRouteSlice } from './route';

/** Filters of the session list. */
export const ListSessionsQuery = z.object({
  /** Only the session serving this ticket. */
  ticketId: z.string().min(1).max(64).optional(),
  /** At most this many, newest first; default 50. */
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;

/** One session with the reason it ended, when it has. */
export const SessionDetail = z.object({ session: Session, endReason: z.string().nullable() });
export type SessionDetail = z.infer<typeof SessionDetail>;

/** Routes of the sessions area. */
export const sessionRoutes = {
  /** Sessions, newest first. */
  listSessions: {
    method: 'GET',
    path: '/api/admin/sessions',
    roles: ['admin'],
    query: ListSessionsQuery,
    response: z.object({ sessions: z.array(Session) }),
  },
  /** One session, with who ended it and why. */
  getSession: {
    method: 'GET',
    path: '/api/admin/sessions/:sessionId',
    roles: ['admin'],
    params: z.object({ sessionId: z.string().min(1).max(64) }),
    response: SessionDetail,
  },
} as const satisfies HttpRouteSlice;
