/**
 * What a (re)connecting client is told first, so that it resumes where it was after a reload, a
 * network loss or a server restart: a kiosk its ticket and session, an agent its account, session
 * and the queue. A member that was away from an open session is no longer awaited.
 */
import type { Db } from '../db/database';
import { toAgent } from '../accounts/account-store';
import type { QueueNotifier } from '../queue/queue-notifier';
import { openTicketOfKiosk, ticketPosition } from '../queue/ticket-store';
import type { RvwSocket } from '../socket/types';
import type { AbsenceWatch } from './absence-watch';
import type { SessionsArea } from './sessions-area';
import { openSessionOf } from './session-store';

/** What the greeting needs. */
export interface ResumeDeps {
  db: Db;
  sessions: SessionsArea;
  absences: AbsenceWatch;
  notifier: QueueNotifier;
}

/** Greets a connected socket with its state (kiosk:state, or agent:state then queue:update). */
export async function greet(deps: ResumeDeps, socket: RvwSocket): Promise<void> {
  const { db } = deps;
  const data = socket.data;
  if (data.kind === 'kiosk') {
    const session = await openSessionOf(db, 'kiosk', data.kioskId);
    if (session) await deps.absences.returned({ sessionId: session.session.id, kind: 'kiosk' });
    const ticket = await openTicketOfKiosk(db, data.kioskId);
    socket.emit('kiosk:state', {
      kiosk: data.kiosk,
      ticket: ticket ? await ticketPosition(db, ticket.id) : null,
      session: session ? await deps.sessions.opened(session, 'kiosk') : null,
    });
  } else {
    const session = await openSessionOf(db, 'agent', data.agentId);
    if (session) await deps.absences.returned({ sessionId: session.session.id, kind: 'agent' });
    const agent = await db
      .selectFrom('agents')
      .select(['id', 'username', 'display_name', 'role'])
      .where('id', '=', data.agentId)
      .executeTakeFirstOrThrow();
    socket.emit('agent:state', {
      agent: toAgent(agent),
      session: session ? await deps.sessions.opened(session, 'agent') : null,
    });
    socket.emit('queue:update', await deps.notifier.snapshot());
  }
}
