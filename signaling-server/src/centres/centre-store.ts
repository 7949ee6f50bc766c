/**
 * Centres in the database (issue 11 #7): a centre's name, region, the partners its tickets overflow
 * to, and its routing settings (stored as JSON). Partners must be existing centres other than itself.
 */
import { Centre, CentreId, DEFAULT_ROUTING, RequestError, RoutingSettings } from '@rvw/shared';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { CentreRow } from '../db/schema-routing';

const Partners = z.array(CentreId);

/** A centre row as clients see it; unreadable JSON falls back to no partners and the default routing. */
export function toCentre(row: CentreRow): Centre {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    partners: parseJson(row.partners, Partners, []),
    routing: { ...DEFAULT_ROUTING, ...parseJson(row.routing, RoutingSettings.partial(), {}) },
  };
}

function parseJson<T>(json: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const r = schema.safeParse(JSON.parse(json));
    return r.success ? r.data : fallback;
  } catch {
    return fallback;
  }
}

/** Every centre, by id. */
export async function listCentres(db: Db): Promise<Centre[]> {
  const rows = await db.selectFrom('centres').selectAll().orderBy('id').execute();
  return rows.map(toCentre);
}

/** Every centre keyed by id. */
export async function centresById(db: Db): Promise<Map<string, Centre>> {
  return new Map((await listCentres(db)).map((c) => [c.id, c]));
}

/** One centre, or null. */
export async function getCentre(db: Db, centreId: string): Promise<Centre | null> {
  const row = await db.selectFrom('centres').selectAll().where('id', '=', centreId).executeTakeFirst();
  return row ? toCentre(row) : null;
}

/** BAD_PAYLOAD unless every partner is an existing centre other than `centreId` (and none twice). */
async function checkPartners(db: Db, centreId: string, partners: readonly string[]): Promise<void> {
  if (new Set(partners).size !== partners.length)
    throw RequestError.badPayload('partners: a centre is named twice');
  if (partners.includes(centreId))
    throw RequestError.badPayload('partners: a centre cannot be its own partner');
  if (partners.length === 0) return;
  const found = await db
    .selectFrom('centres')
    .select('id')
    .where('id', 'in', [...partners])
    .execute();
  if (found.length !== partners.length)
    throw RequestError.badPayload('partners: every partner must be an existing centre');
}

/** The centre if it is well formed; BAD_PAYLOAD naming the first wrong field otherwise. */
function valid(input: unknown): Centre {
  const r = Centre.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw RequestError.badPayload(`${issue?.path.join('.') || 'centre'}: ${issue?.message ?? 'invalid'}`);
}

/** Adds a centre; CONFLICT when the id is taken, BAD_PAYLOAD for an unknown partner. */
export async function addCentre(db: Db, input: Centre, now: Date): Promise<Centre> {
  const centre = valid(input);
  return db.transaction().execute(async (trx) => {
    if (await getCentre(trx, centre.id)) throw RequestError.conflict(`The centre "${centre.id}"`);
    await checkPartners(trx, centre.id, centre.partners);
    await trx
      .insertInto('centres')
      .values({
        id: centre.id,
        name: centre.name,
        region: centre.region,
        partners: JSON.stringify(centre.partners),
        routing: JSON.stringify(centre.routing),
        created_at: now.toISOString(),
      })
      .execute();
    return centre;
  });
}

/** What may change of a centre (each field optional; `routing` may be partial). */
export interface CentrePatch {
  name?: string;
  region?: string;
  partners?: string[];
  routing?: Partial<RoutingSettings>;
}

/** Changes a centre; NOT_FOUND when there is none, BAD_PAYLOAD for an unknown partner or bad settings. */
export async function updateCentre(db: Db, centreId: string, patch: CentrePatch): Promise<Centre> {
  return db.transaction().execute(async (trx) => {
    const current = await getCentre(trx, centreId);
    if (!current) throw RequestError.notFound('The centre');
    const next = valid({
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.region !== undefined ? { region: patch.region } : {}),
      ...(patch.partners !== undefined ? { partners: patch.partners } : {}),
      routing: { ...current.routing, ...patch.routing },
    });
    await checkPartners(trx, centreId, next.partners);
    await trx
      .updateTable('centres')
      .set({
        name: next.name,
        region: next.region,
        partners: JSON.stringify(next.partners),
        routing: JSON.stringify(next.routing),
      })
      .where('id', '=', centreId)
      .execute();
    return next;
  });
}
