/**
 * The case area's socket handlers: the serving agent opens cases and fills their forms, the kiosk
 * of the session flags, confirms and signs, the agent records the outcome, and the kiosk rates the
 * session. Every change is one transaction (the case row written only if it is still at the
 * revision it was read at) and then one `case:state` to both members. It also takes part in the
 * session's end (refuse or abandon open cases), resynchronises a (re)joining member, and tells both
 * members the resident's entitlements (免申即享).
 */
import {
  AuthError,
  RequestError,
  SessionError,
  formHash,
  initialFormState,
  prefillFrom,
  CaseError,
  type CaseState,
  type EndedBy,
} from '@rvw/shared';
import type { Logger } from 'pino';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { IdentityCipher } from '../identity/identity-crypto';
import { consentedIdentity } from '../identity/identity-store';
import type { SessionsArea } from '../sessions/sessions-area';
import { getSession, openSessionOfTicket } from '../sessions/session-store';
import type { EventHandlers } from '../socket/dispatch';
import { memberRoom, type RvwServer, type RvwSocket, type SocketData } from '../socket/types';
import { appendConsent, type NewConsent } from './consent-ledger';
import type { CaseRecord, CaseVault } from './case-record';
import * as rules from './case-rules';
import {
  casesOfSession,
  insertCase,
  insertRevision,
  insertSignature,
  loadCase,
  recordRead,
  saveCase,
} from './case-store';
import { maskedValueAt, toCaseState } from './case-view';
import { entitlementsFor, factsOfTicket } from './entitlements';
import { ratingOpen, storeRating } from './ratings';

/** What the case area needs. */
export interface CasesAreaDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  vault: CaseVault;
  /** Decrypts the consented identity for prefill. */
  cipher: IdentityCipher;
  catalogue: CatalogueService;
  sessions: SessionsArea;
  /** The district prefix of case numbers (XH-20261207-0042). */
  caseNumberPrefix: string;
  /** How long after its end a session may still be rated (ms). */
  ratingWindowMs: number;
  /** Told when a case gets its outcome, before the ack (the paper area archives its documents after it). */
  onClosed?: (rec: CaseRecord) => void;
  /** Issue 11: a case closed or a rating came (the supervisor's live view follows); default none. */
  figuresChanged?: () => void;
}

type CaseEvents =
  | 'case:open'
  | 'form:revise'
  | 'form:reveal'
  | 'form:flag'
  | 'form:request-confirm'
  | 'form:confirm'
  | 'form:sign'
  | 'case:outcome'
  | 'case:abandon'
  | 'rating:submit';

type Sock = RvwSocket & { data: SocketData };

/** What a change inside `mutate` produced; `rec: null` means nothing changed (nothing written or pushed). */
interface Change {
  rec: CaseRecord | null;
  voided?: boolean;
}

/** Why open cases were abandoned when a session ended that way. */
function abandonReasonFor(endedBy: EndedBy, reason: string | undefined): string {
  if (endedBy === 'kiosk') return 'session ended by the resident';
  if (endedBy === 'agent') return 'session ended by the agent';
  return `session ended by the system (${reason ?? 'unknown'})`;
}

/** Records the resident's consent to one revision of a case's form (confirming or signing it). */
async function appendFormConsent(
  trx: Db,
  rec: CaseRecord,
  kind: 'confirm-form' | 'sign-form',
  at: Date,
  form: { revision: number; hash: string; consentText: string; locale: NewConsent['locale'] },
): Promise<void> {
  await appendConsent(trx, {
    at,
    kind,
    kioskId: rec.kioskId,
    ticketId: rec.ticketId,
    caseId: rec.id,
    revision: form.revision,
    hash: form.hash,
    text: form.consentText,
    locale: form.locale,
  });
}

/** Cases: socket handlers, pushes, and the session's end and resume. */
export class CasesArea {
  constructor(private readonly deps: CasesAreaDeps) {}

  /** Sends a case's state to both members of its session. */
  push(rec: CaseRecord, voided = false): CaseState {
    const state = toCaseState(rec, voided);
    this.deps.io
      .to(memberRoom('kiosk', rec.kioskId))
      .to(memberRoom('agent', rec.agentId))
      .emit('case:state', state);
    return state;
  }

  /**
   * Loads a case, checks that the sender is the member `who` of its session (NOT_SESSION_MEMBER),
   * that it is open (CASE_CLOSED) and its session too (SESSION_ENDED), applies `change` inside one
   * transaction, writes the case if it is still at the revision read, then pushes the new state.
   */
  private async mutate(
    socket: Sock,
    caseId: string,
    who: 'agent' | 'kiosk',
    change: (rec: CaseRecord, trx: Db) => Promise<Change>,
  ): Promise<CaseRecord> {
    const { db, vault } = this.deps;
    const r = await db.transaction().execute(async (trx) => {
      const loaded = await loadCase(trx, vault, caseId);
      if (!loaded) throw RequestError.notFound('The case');
      this.assertMember(socket, loaded.rec, who);
      rules.assertOpen(loaded.rec);
      if (loaded.sessionEnded) throw SessionError.ended();
      const out = await change(loaded.rec, trx);
      if (!out.rec) return { rec: loaded.rec, voided: false, changed: false };
      await saveCase(trx, vault, out.rec, loaded.rec.revision);
      return { rec: out.rec, voided: out.voided ?? false, changed: true };
    });
    // After the commit: what both members see is what is stored.
    if (r.changed) this.push(r.rec, r.voided);
    return r.rec;
  }

  private assertMember(socket: Sock, rec: CaseRecord, who: 'agent' | 'kiosk'): void {
    const d = socket.data;
    if (d.kind !== who) throw AuthError.forbidden(`A ${d.kind} may not do this.`);
    const member = d.kind === 'kiosk' ? d.kioskId === rec.kioskId : d.agentId === rec.agentId;
    if (!member) throw SessionError.notMember();
  }

  /**
   * Inside the transaction that ends a session: an agent may not end it while a case has no outcome
   * (CASE_OPEN); any other end abandons its open cases with a reason. Returns the abandoned cases.
   */
  async ending(
    trx: Db,
    sessionId: string,
    endedBy: EndedBy,
    reason: string | undefined,
  ): Promise<CaseRecord[]> {
    const open = (await casesOfSession(trx, this.deps.vault, sessionId)).filter((c) => c.status === 'open');
    if (!open.length) return [];
    if (endedBy === 'agent') throw CaseError.stillOpen();
    const now = this.deps.clock();
    const abandoned: CaseRecord[] = [];
    for (const rec of open) {
      const next = rules.abandon(rec, abandonReasonFor(endedBy, reason), now);
      await saveCase(trx, this.deps.vault, next, rec.revision);
      abandoned.push(next);
    }
    return abandoned;
  }

  /** After the session's end committed: both members see the abandoned cases. */
  ended(abandoned: readonly CaseRecord[]): void {
    for (const rec of abandoned) {
      this.push(rec);
      this.deps.log.info({ caseId: rec.id, sessionId: rec.sessionId }, 'case abandoned: session ended');
    }
  }

  /** A (re)joining member receives every case of its session as `case:state`. */
  async resync(socket: RvwSocket, sessionId: string): Promise<void> {
    for (const rec of await casesOfSession(this.deps.db, this.deps.vault, sessionId))
      socket.emit('case:state', toCaseState(rec));
  }

  /**
   * Sends the resident's entitlements (nothing when no identity was shared) for a ticket: to the
   * kiosk, and with its open session to the serving agent. `only` limits it to one socket (resume).
   */
  async sendEntitlements(ticketId: string, only?: RvwSocket): Promise<void> {
    const { db, clock, io, catalogue } = this.deps;
    const facts = await factsOfTicket(db, ticketId, clock());
    if (!facts) return;
    const session = await openSessionOfTicket(db, ticketId);
    const payload = {
      sessionId: session?.session.id ?? null,
      ticketId,
      entitlements: entitlementsFor(catalogue.list(), facts),
    };
    if (only) {
      only.emit('session:entitlements', payload);
      return;
    }
    const kiosk = await db
      .selectFrom('tickets')
      .select('kiosk_id')
      .where('id', '=', ticketId)
      .executeTakeFirst();
    let to = kiosk ? io.to(memberRoom('kiosk', kiosk.kiosk_id)) : null;
    if (session) to = (to ?? io).to(memberRoom('agent', session.agentId));
    to?.emit('session:entitlements', payload);
  }

  /** Socket handlers of the case area. */
  readonly handlers: Pick<EventHandlers, CaseEvents> = {
    'case:open': async (socket, { sessionId, itemCode }) => {
      const { db, vault, cipher, catalogue, clock, log } = this.deps;
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const s = await this.deps.sessions.memberSession(socket, sessionId);
      const item = catalogue.get(itemCode);
      if (!item) throw RequestError.notFound(`The catalogue item "${itemCode}"`);
      const fields = item.form.fields;
      const identity = await consentedIdentity(db, s.session.ticketId, cipher);
      const prefill = identity ? prefillFrom(fields, identity) : { values: {}, fromCard: [] };
      const form = initialFormState(fields, prefill.values);
      const rec = await insertCase(db, vault, {
        sessionId,
        ticketId: s.session.ticketId,
        kioskId: s.kioskId,
        agentId: s.agentId,
        item,
        values: form.values,
        hash: await formHash(fields, form.values),
        fromCard: prefill.fromCard,
        prefix: this.deps.caseNumberPrefix,
        now: clock(),
      });
      log.info({ caseId: rec.id, number: rec.number, sessionId, itemCode }, 'case opened');
      return this.push(rec);
    },

    'form:revise': async (socket, { caseId, field, value, baseRevision }) => {
      const rec = await this.mutate(socket, caseId, 'agent', async (rec, trx) => {
        const by = socket.data.kind === 'agent' ? socket.data.agentId : '';
        const r = await rules.revise(rec, { field, value, baseRevision }, by, this.deps.clock());
        if (!r.revision) return { rec: null };
        await insertRevision(trx, this.deps.vault, rec.id, r.revision);
        return { rec: r.rec, voided: r.voided };
      });
      return { revision: rec.revision };
    },

    'form:reveal': async (socket, { caseId, field }) => {
      const { db, vault, clock, log } = this.deps;
      const loaded = await loadCase(db, vault, caseId);
      if (!loaded) throw RequestError.notFound('The case');
      this.assertMember(socket, loaded.rec, 'agent');
      if (loaded.sessionEnded) throw SessionError.ended();
      const value = maskedValueAt(loaded.rec.item.form.fields, loaded.rec.values, field);
      if (value === undefined) throw RequestError.notFound('An identity number at that field');
      const agentId = socket.data.kind === 'agent' ? socket.data.agentId : '';
      await recordRead(db, { caseId, agentId, what: `form:reveal ${field}`, at: clock() });
      log.info({ caseId, agentId, field }, 'case field revealed');
      return { value };
    },

    'form:flag': async (socket, { caseId, field, revision }) => {
      await this.mutate(socket, caseId, 'kiosk', async (rec) => ({
        rec: rules.flag(rec, field, revision, this.deps.clock()),
      }));
      return {};
    },

    'form:request-confirm': async (socket, { caseId, revision }) => {
      await this.mutate(socket, caseId, 'agent', async (rec) => ({
        rec: rules.requestConfirm(rec, revision),
      }));
      return {};
    },

    'form:confirm': async (socket, { caseId, revision, hash, consentText, locale }) => {
      await this.mutate(socket, caseId, 'kiosk', async (rec, trx) => {
        const at = this.deps.clock();
        const next = rules.confirm(rec, revision, hash, at);
        await appendFormConsent(trx, rec, 'confirm-form', at, { revision, hash, consentText, locale });
        return { rec: next };
      });
      return {};
    },

    'form:sign': async (socket, { caseId, revision, hash, strokes, consentText, locale }) => {
      await this.mutate(socket, caseId, 'kiosk', async (rec, trx) => {
        const at = this.deps.clock();
        const next = rules.sign(rec, revision, hash, at);
        await insertSignature(trx, this.deps.vault, rec.id, {
          revision,
          hash,
          strokes,
          at: at.toISOString(),
        });
        await appendFormConsent(trx, rec, 'sign-form', at, { revision, hash, consentText, locale });
        return { rec: next };
      });
      return {};
    },

    'case:outcome': async (socket, { caseId, record }) => {
      const rec = await this.mutate(socket, caseId, 'agent', async (rec) => ({
        rec: rules.recordOutcome(rec, record, this.deps.clock()),
      }));
      this.deps.log.info({ caseId, outcome: record.outcome }, 'case outcome recorded');
      this.deps.onClosed?.(rec);
      this.deps.figuresChanged?.();
      return toCaseState(rec);
    },

    'case:abandon': async (socket, { caseId, record }) => {
      const rec = await this.mutate(socket, caseId, 'agent', async (rec) => ({
        rec: rules.abandon(rec, record.reason, this.deps.clock()),
      }));
      this.deps.log.info({ caseId }, 'case abandoned by the agent');
      return toCaseState(rec);
    },

    'rating:submit': async (socket, { sessionId, rating }) => {
      const { db, clock, log } = this.deps;
      if (socket.data.kind !== 'kiosk') throw AuthError.forbidden();
      const s = await getSession(db, sessionId);
      if (!s) throw RequestError.notFound('The session');
      if (s.kioskId !== socket.data.kioskId) throw SessionError.notMember();
      const now = clock();
      if (!ratingOpen(s.session.endedAt, now, this.deps.ratingWindowMs)) throw CaseError.ratingClosed();
      const followUp = await storeRating(db, { sessionId, agentId: s.agentId, rating, now });
      log.info(
        { sessionId, rated: rating.rated, level: rating.rated ? rating.level : null, followUp },
        'session rated',
      );
      this.deps.figuresChanged?.();
      return {};
    },
  };
}
