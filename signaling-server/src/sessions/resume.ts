/**
 * What a (re)connecting client is told first, so that it resumes where it was after a reload, a
 * network loss or a server restart: a kiosk its ticket and session, an agent its account, session
 * and the queue, then (with the cases area) the resident's entitlements and every case of the open
 * session, so a reload brings back the same form at the same revision. A member that was away from an open session is no longer awaited.
 */
import type { Db } from '../db/database';
import { toAgent } from '../accounts/account-store';
import type { QueueNotifier } from '../queue/queue-notifier';
import { openTicketOfKiosk } from '../queue/ticket-store';
import type { RvwSocket } from '../socket/types';
import type { AbsenceWatch } from './absence-watch';
import type { SessionsArea } from './sessions-area';
import { openSessionOf } from './session-store';
import { isHandedOver } from '../transfers/transfer-store';

/** What a member resuming its session is sent besides the session: its cases and entitlements. */
export interface ResumeExtras {
  /** Every case of the session as `case:state`. */
  resync(socket: RvwSocket, sessionId: string): Promise<void>;
  /** The resident's entitlements for the ticket, to this socket only. */
  sendEntitlements(ticketId: string, only: RvwSocket): Promise<void>;
}

/** What the greeting needs. */
export interface ResumeDeps {
  db: Db;
  sessions: SessionsArea;
  absences: AbsenceWatch;
  notifier: QueueNotifier;
  /** The cases area; default none. */
  extras?: ResumeExtras;
}

/** Greets a connected socket with its state (kiosk:state, or agent:state then queue:update, but no queue for a technician). */
export async function greet(deps: ResumeDeps, socket: RvwSocket): Promise<void> {
  const { db } = deps;
  const data = socket.data;
  if (data.kind === 'kiosk') {
    const session = await openSessionOf(db, 'kiosk', data.kioskId);
    if (session) await deps.absences.returned({ sessionId: session.session.id, kind: 'kiosk' });
    const ticket = await openTicketOfKiosk(db, data.kioskId);
    socket.emit('kiosk:state', {
      kiosk: data.kiosk,
      ticket: ticket ? await deps.notifier.position(ticket.id) : null,
      session: session ? await deps.sessions.opened(session, 'kiosk') : null,
      iceServers: deps.sessions.kioskIceServers(data.kioskId),
    });
    // Handed over blind and not yet taken: the kiosk keeps saying "正在为您转接" (issue 11 #6).
    if (session && (await isHandedOver(db, session.session.id)))
      socket.emit('session:transfer', { sessionId: session.session.id, phase: 'transferring' });
    if (ticket) await deps.extras?.sendEntitlements(ticket.id, socket);
    if (session) await deps.extras?.resync(socket, session.session.id);
  } else {
    const session = await openSessionOf(db, 'agent', data.agentId);
    if (session) await deps.absences.returned({ sessionId: session.session.id, kind: 'agent' });
    const agent = await db
      .selectFrom('agents')
      .select(['id', 'username', 'display_name', 'role', 'centre_id', 'skills'])
      .where('id', '=', data.agentId)
      .executeTakeFirstOrThrow();
    socket.emit('agent:state', {
      agent: toAgent(agent),
      session: session ? await deps.sessions.opened(session, 'agent') : null,
    });
    if (session) {
      await deps.extras?.sendEntitlements(session.session.ticketId, socket);
      await deps.extras?.resync(socket, session.session.id);
    }
    // A technician sees no queue (issue 12): only the fleet's pushes.
    if (data.role !== 'technician')
      socket.emit('queue:update', await deps.notifier.snapshotFor(data.agentId));
  }
}
