/**
 * Recent handling times for the wait estimate (issue 11 #5): sessions that ended, joined to their
 * ticket's need and centre. Per centre and need, falling back to the centre's sessions of any need
 * when that need has none yet.
 */
import type { TicketNeed } from '@rvw/shared';
import type { Db } from '../db/database';
import { recentHandlingSamples, type HandledSession } from './estimate-rules';

/** How many ended sessions are read at most (the rules keep at most 30 per group). */
const READ_LIMIT = 1000;
/** How far back sessions are read: older ones only top up a quiet centre's history. */
const READ_WINDOW_MS = 7 * 24 * 3600_000;

/** The recent handling samples per centre and need. */
export class HandlingHistory {
  private constructor(
    private readonly now: Date,
    private readonly byNeed: Map<string, HandledSession[]>,
    private readonly byCentre: Map<string, HandledSession[]>,
  ) {}

  /** Reads the latest ended sessions (an agent's or a resident's end; not the system's). */
  static async load(db: Db, now: Date): Promise<HandlingHistory> {
    const rows = await db
      .selectFrom('sessions as s')
      .innerJoin('tickets as t', 't.id', 's.ticket_id')
      .select(['t.centre_id', 't.need', 's.started_at', 's.ended_at'])
      .where('s.ended_at', 'is not', null)
      .where('s.ended_at', '>=', new Date(now.getTime() - READ_WINDOW_MS).toISOString())
      .where('s.ended_by', '!=', 'system')
      .orderBy('s.ended_at', 'desc')
      .limit(READ_LIMIT)
      .execute();
    const byNeed = new Map<string, HandledSession[]>();
    const byCentre = new Map<string, HandledSession[]>();
    for (const r of rows) {
      const handlingS = (Date.parse(r.ended_at!) - Date.parse(r.started_at)) / 1000;
      if (!Number.isFinite(handlingS) || handlingS < 0) continue;
      const s = { endedAt: r.ended_at!, handlingS };
      push(byNeed, `${r.centre_id}\u0000${r.need}`, s);
      push(byCentre, r.centre_id, s);
    }
    return new HandlingHistory(now, byNeed, byCentre);
  }

  /** The samples the estimate of a ticket of `centreId` and `need` uses (empty: no basis). */
  samples(centreId: string, need: TicketNeed): number[] {
    const own = this.byNeed.get(`${centreId}\u0000${need}`) ?? [];
    if (own.length > 0) return recentHandlingSamples(own, this.now);
    return recentHandlingSamples(this.byCentre.get(centreId) ?? [], this.now);
  }
}

function push<K>(m: Map<K, HandledSession[]>, k: K, v: HandledSession): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
