import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk } from '../kiosks/kiosk-store';
import { openDatabase, type Db } from '../db/database';
import { waitingTickets } from './routing-picture';
import { issueTicket } from './ticket-store';
import { finishTicket } from './ticket-store';

let db: Db;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(async () => {
  await db.destroy();
});

describe('ticket numbering', () => {
  it('counts from A001 each Asia/Shanghai day, rolling over at 16:00 UTC', async () => {
    const kiosks = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        createKiosk(db, { name: `k${i}`, location: 'x' }, new Date()).then((r) => r.kiosk.id),
      ),
    );
    const issue = async (kioskId: string, at: string) => {
      const row = await issueTicket(db, kioskId, new Date(at));
      await finishTicket(db, row.id, new Date(at)); // free the kiosk for its next ticket
      return [row.day, row.number];
    };
    // 23:58 and 23:59 in Shanghai on 1 March ...
    expect(await issue(kiosks[0]!, '2026-03-01T15:58:00Z')).toEqual(['2026-03-01', 'A001']);
    expect(await issue(kiosks[1]!, '2026-03-01T15:59:59Z')).toEqual(['2026-03-01', 'A002']);
    // ... then 00:00 on 2 March starts again, although it is still 1 March in UTC.
    expect(await issue(kiosks[2]!, '2026-03-01T16:00:00Z')).toEqual(['2026-03-02', 'A001']);
    expect(await issue(kiosks[3]!, '2026-03-02T01:00:00Z')).toEqual(['2026-03-02', 'A002']);
    const counters = await db.selectFrom('ticket_counters').selectAll().orderBy('day').execute();
    expect(counters).toEqual([
      { day: '2026-03-01', last: 2 },
      { day: '2026-03-02', last: 2 },
    ]);
  });

  it('lets the database refuse a second open ticket for one kiosk even if the code did not check', async () => {
    const { kiosk } = await createKiosk(db, { name: 'k', location: 'x' }, new Date());
    const now = new Date();
    await issueTicket(db, kiosk.id, now);
    await expect(
      db
        .insertInto('tickets')
        .values({
          id: 'manual',
          day: '2026-01-01',
          seq: 99,
          number: 'A099',
          kiosk_id: kiosk.id,
          status: 'waiting',
          created_at: now.toISOString(),
          agent_id: null,
          accepted_at: null,
          closed_at: null,
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await expect(issueTicket(db, kiosk.id, now)).rejects.toMatchObject({ code: 'ALREADY_QUEUED' });
    expect(await waitingTickets(db, now)).toHaveLength(1);
  });
});
