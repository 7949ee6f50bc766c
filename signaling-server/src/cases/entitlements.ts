/**
 * 免申即享: what a resident already gets without applying, from the catalogue items' eligibility
 * rules. The facts come only from the identity the resident agreed to share (age from the birth
 * date, gender, card type); without a shared identity nothing is decided.
 */
import { ageOn, isEligible, type CatalogueItem, type EligibilityFacts, type Entitlement } from '@rvw/shared';
import type { Db } from '../db/database';

/** The entitlements whose rule holds for the facts, in catalogue order. */
export function entitlementsFor(items: readonly CatalogueItem[], facts: EligibilityFacts): Entitlement[] {
  return items
    .filter((i) => i.eligibility && isEligible(i.eligibility, facts))
    .map((i) => ({ itemCode: i.code, itemName: i.name, note: i.eligibility!.note }));
}

/** The facts of a ticket's consented identity, or null when the resident shared none. */
export async function factsOfTicket(db: Db, ticketId: string, now: Date): Promise<EligibilityFacts | null> {
  const row = await db
    .selectFrom('ticket_identities')
    .select(['birth_date', 'gender', 'card_type'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row) return null;
  return { age: ageOn(row.birth_date, now), gender: row.gender, cardType: row.card_type };
}
