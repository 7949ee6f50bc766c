/**
 * Offers in the database (issue 11 #4): a ticket proposed to one agent until a deadline. At most one
 * open offer per ticket and per agent (partial unique indexes decide races); an offer is decided
 * once (accepted, missed, declined or withdrawn) by a conditional update.
 */
import { randomUUID } from 'node:crypto';
import type { OfferOutcome } from '@rvw/shared';
import type { Db } from '../db/database';
import type { OfferRow } from '../db/schema-routing';
import { mappingStorageErrors, UniqueViolation } from '../db/storage-errors';

/** One offer by id, or null. */
export async function getOffer(db: Db, offerId: string): Promise<OfferRow | null> {
  return (await db.selectFrom('offers').selectAll().where('id', '=', offerId).executeTakeFirst()) ?? null;
}

/** Every open (undecided) offer. */
export async function openOffers(db: Db): Promise<OfferRow[]> {
  return db.selectFrom('offers').selectAll().where('outcome', 'is', null).orderBy('offered_at').execute();
}

/** Open offers whose deadline has passed at `now`. */
export async function dueOffers(db: Db, now: Date): Promise<OfferRow[]> {
  return db
    .selectFrom('offers')
    .selectAll()
    .where('outcome', 'is', null)
    .where('expires_at', '<=', now.toISOString())
    .orderBy('expires_at')
    .execute();
}

/**
 * Offers `ticketId` to `agentId` until now + timeoutS; null when the ticket or the agent already
 * holds an open offer (another node or event got there first).
 */
export async function createOffer(
  db: Db,
  input: { ticketId: string; agentId: string; centreId: string; need: string; now: Date; timeoutS: number },
): Promise<OfferRow | null> {
  const row: OfferRow = {
    id: randomUUID(),
    ticket_id: input.ticketId,
    agent_id: input.agentId,
    centre_id: input.centreId,
    need: input.need,
    offered_at: input.now.toISOString(),
    expires_at: new Date(input.now.getTime() + input.timeoutS * 1000).toISOString(),
    outcome: null,
    decided_at: null,
  };
  try {
    await mappingStorageErrors(() => db.insertInto('offers').values(row).execute());
    return row;
  } catch (err) {
    if (err instanceof UniqueViolation) return null;
    throw err;
  }
}

/**
 * Decides an open offer; `agentId` limits it to that agent's offer. Returns the decided row, or
 * null when it was not open (or not theirs).
 */
export async function decideOffer(
  db: Db,
  offerId: string,
  outcome: Exclude<OfferOutcome, 'accepted'>,
  now: Date,
  agentId?: string,
): Promise<OfferRow | null> {
  let q = db
    .updateTable('offers')
    .set({ outcome, decided_at: now.toISOString() })
    .where('id', '=', offerId)
    .where('outcome', 'is', null);
  if (agentId) q = q.where('agent_id', '=', agentId);
  return (await q.returningAll().executeTakeFirst()) ?? null;
}

/**
 * The latest decline or miss of each (ticket, agent) among these tickets, decided after `since`:
 * the agents the ticket is not offered to again until the refusal is old enough.
 */
export async function recentRefusals(
  db: Db,
  ticketIds: readonly string[],
  since: Date,
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (ticketIds.length === 0) return out;
  const rows = await db
    .selectFrom('offers')
    .select(['ticket_id', 'agent_id', 'decided_at'])
    .where('ticket_id', 'in', [...ticketIds])
    .where('outcome', 'in', ['declined', 'missed'])
    .where('decided_at', '>', since.toISOString())
    .execute();
  for (const r of rows) {
    if (!r.decided_at) continue;
    const byAgent = out.get(r.ticket_id) ?? new Map<string, string>();
    const prev = byAgent.get(r.agent_id);
    if (!prev || r.decided_at > prev) byAgent.set(r.agent_id, r.decided_at);
    out.set(r.ticket_id, byAgent);
  }
  return out;
}
