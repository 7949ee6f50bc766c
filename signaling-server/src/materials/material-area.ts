/**
 * The document camera (高拍仪) at the session's kiosk: the serving agent asks for a material
 * (`material:request`, `asked`), the resident agrees (`material:consent`, a ledger entry;
 * `consented`) or declines, the agent presses capture (`material:capture`: the kiosk is told
 * `material:capture-now`; only once consented) and the kiosk host uploads the picture (HTTP,
 * material-routes.ts: `captured`). Either member may cancel a request not yet captured. Every change
 * goes to both members as `material:state`; a (re)joining member gets the open requests again; a
 * session's end cancels them.
 */
import { AuthError, PaperError, RequestError, SessionError, type MaterialRequest } from '@rvw/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { appendConsent } from '../cases/consent-ledger';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { SessionsArea } from '../sessions/sessions-area';
import type { EventHandlers } from '../socket/dispatch';
import { memberIdOf, memberRoom, type RvwServer, type RvwSocket, type SocketData } from '../socket/types';
import {
  getRequest,
  insertRequest,
  moveRequest,
  requestsOfSession,
  type RequestRecord,
} from './material-store';

/** What the materials area needs. */
export interface MaterialsAreaDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  sessions: SessionsArea;
}

type MaterialEvents = 'material:request' | 'material:consent' | 'material:capture' | 'material:cancel';
type Sock = RvwSocket & { data: SocketData };

/** States a request may still leave. */
const OPEN_STATES: readonly MaterialRequest['state'][] = ['asked', 'consented'];

/** Sends a capture request's state to both members of its session. */
export function pushMaterialState(
  io: RvwServer,
  rec: Pick<RequestRecord, 'kioskId' | 'agentId'>,
  request: MaterialRequest,
): void {
  io.to(memberRoom('kiosk', rec.kioskId))
    .to(memberRoom('agent', rec.agentId))
    .emit('material:state', request);
}

/** Capture requests: socket handlers, resync and the session's end. */
export class MaterialsArea {
  constructor(private readonly deps: MaterialsAreaDeps) {}

  /** The request if the socket is the member `who` of its session (or either, without `who`). */
  private async memberRequest(
    socket: Sock,
    requestId: string,
    who?: 'agent' | 'kiosk',
  ): Promise<RequestRecord> {
    if (who && socket.data.kind !== who) throw AuthError.forbidden(`A ${socket.data.kind} may not do this.`);
    const rec = await getRequest(this.deps.db, requestId);
    if (!rec) throw RequestError.notFound('The capture request');
    const member = socket.data.kind === 'kiosk' ? rec.kioskId : rec.agentId;
    if (member !== memberIdOf(socket.data)) throw SessionError.notMember();
    return rec;
  }

  /** Moves a request and tells both members; answers with what is stored. */
  private async move(
    rec: RequestRecord,
    to: MaterialRequest['state'],
    during?: (trx: Db) => Promise<void>,
  ): Promise<MaterialRequest> {
    const { db, clock, io } = this.deps;
    const at = clock();
    const moved = await db.transaction().execute(async (trx) => {
      const ok = await moveRequest(trx, rec.request.requestId, rec.request.state, { state: to, at });
      if (ok) await during?.(trx);
      return ok;
    });
    const now = (await getRequest(db, rec.request.requestId))!;
    if (moved) pushMaterialState(io, now, now.request);
    return now.request;
  }

  /** A (re)joining member: the session's open requests again. */
  async resync(socket: RvwSocket, sessionId: string): Promise<void> {
    for (const { request } of await requestsOfSession(this.deps.db, sessionId))
      if (OPEN_STATES.includes(request.state)) socket.emit('material:state', request);
  }

  /** Inside the transaction that ends a session: open requests are cancelled; tells both after the commit. */
  async ending(trx: Db, sessionId: string): Promise<() => void> {
    const at = this.deps.clock();
    const moved: RequestRecord[] = [];
    for (const rec of await requestsOfSession(trx, sessionId)) {
      if (!OPEN_STATES.includes(rec.request.state)) continue;
      if (await moveRequest(trx, rec.request.requestId, rec.request.state, { state: 'cancelled', at }))
        moved.push({ ...rec, request: { ...rec.request, state: 'cancelled', updatedAt: at.toISOString() } });
    }
    return () => {
      for (const rec of moved) pushMaterialState(this.deps.io, rec, rec.request);
    };
  }

  /** Socket handlers of the document camera. */
  readonly handlers: Pick<EventHandlers, MaterialEvents> = {
    'material:request': async (socket, { sessionId, caseId, label }) => {
      const { db, clock, log, io } = this.deps;
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const s = await this.deps.sessions.memberSession(socket, sessionId);
      const c = await db
        .selectFrom('cases')
        .select('id')
        .where('id', '=', caseId)
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      if (!c) throw RequestError.notFound('The case');
      const now = clock().toISOString();
      const id = randomUUID();
      await insertRequest(db, {
        id,
        session_id: sessionId,
        case_id: caseId,
        kiosk_id: s.kioskId,
        agent_id: s.agentId,
        label,
        state: 'asked',
        material_id: null,
        created_at: now,
        updated_at: now,
      });
      const rec = (await getRequest(db, id))!;
      log.info({ requestId: id, sessionId, caseId }, 'material requested');
      pushMaterialState(io, rec, rec.request);
      return { request: rec.request };
    },

    'material:consent': async (socket, { requestId, accepted, consentText, locale }) => {
      const rec = await this.memberRequest(socket, requestId, 'kiosk');
      // Repeated, or too late (cancelled): the request as it is.
      if (rec.request.state !== 'asked' || rec.sessionEnded) return { request: rec.request };
      const request = await this.move(rec, accepted ? 'consented' : 'declined', async (trx) => {
        if (!accepted) return;
        await appendConsent(trx, {
          at: this.deps.clock(),
          kind: 'capture-material',
          kioskId: rec.kioskId,
          ticketId: rec.ticketId,
          caseId: rec.request.caseId,
          text: consentText,
          locale,
        });
      });
      this.deps.log.info({ requestId, accepted }, 'material capture answered by the resident');
      return { request };
    },

    'material:capture': async (socket, { requestId }) => {
      const rec = await this.memberRequest(socket, requestId, 'agent');
      if (rec.sessionEnded) throw SessionError.ended();
      if (rec.request.state !== 'consented')
        throw PaperError.wrongState(
          rec.request.state === 'asked'
            ? 'The resident has not agreed to the capture yet.'
            : `This capture request is ${rec.request.state}; ask for the material again.`,
        );
      this.deps.io.to(memberRoom('kiosk', rec.kioskId)).emit('material:capture-now', { requestId });
      return {};
    },

    'material:cancel': async (socket, { requestId }) => {
      const rec = await this.memberRequest(socket, requestId);
      if (!OPEN_STATES.includes(rec.request.state)) return { request: rec.request };
      const request = await this.move(rec, 'cancelled');
      this.deps.log.info({ requestId, by: socket.data.kind }, 'material request cancelled');
      return { request };
    },
  };
}
