/**
 * The rating (好差评) with real clients: once per session, by its kiosk, within the window after the
 * end; "not rated" stored too; a low rating opens a follow-up a supervisor closes with a note.
 */
import { describe, expect, it } from 'vitest';
import type { Ack } from '@rvw/shared';
import { adminApi, connectKiosk, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { openVisit } from './case-test-support';
import { ratingOpen } from './ratings';

// The tests move the server's clock forward past the rating window.
let offsetMs = 0;
const t = useTestServer({ clock: () => new Date(Date.now() + offsetMs), ratingWindowMinutes: 30 });

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.error.code);

describe('rating', () => {
  it('takes one rating per session; a low one opens a follow-up that a supervisor closes', async () => {
    offsetMs = 0;
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'policy-consultation' }),
    );
    okData(await v.agent.request('case:outcome', { caseId: c.caseId, record: { outcome: 'consultation' } }));
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));

    // Another kiosk may not rate this session.
    const other = await createTestKiosk(t.server);
    const otherKiosk = await connectKiosk(t.url, other.token);
    t.track(otherKiosk);
    const rating = {
      rated: true as const,
      level: 'dissatisfied' as const,
      reasons: ['waited-too-long' as const, 'unclear-explanation' as const],
      staffNote: '老人说排队等了很久',
    };
    expect(code(await otherKiosk.request('rating:submit', { sessionId: v.sessionId, rating }))).toBe(
      'NOT_SESSION_MEMBER',
    );
    expect(code(await v.agent.request('rating:submit', { sessionId: v.sessionId, rating }))).toBe(
      'FORBIDDEN',
    );

    okData(await v.kiosk.request('rating:submit', { sessionId: v.sessionId, rating }));
    expect(
      code(await v.kiosk.request('rating:submit', { sessionId: v.sessionId, rating: { rated: false } })),
    ).toBe('RATING_CLOSED');

    const admin = await adminApi(t.server);
    const detail = await admin.getCase({ params: { caseId: c.caseId } });
    expect(detail.rating).toEqual({
      sessionId: v.sessionId,
      rated: true,
      level: 'dissatisfied',
      reasons: ['waited-too-long', 'unclear-explanation'],
      staffNote: '老人说排队等了很久',
      at: expect.any(String),
    });

    const open = await admin.listFollowUps({ query: { status: 'open' } });
    expect(open.followUps).toEqual([
      {
        id: expect.any(String),
        sessionId: v.sessionId,
        caseNumbers: [c.number],
        agentId: v.a.agent.id,
        level: 'dissatisfied',
        reasons: ['waited-too-long', 'unclear-explanation'],
        staffNote: '老人说排队等了很久',
        openedAt: expect.any(String),
        closedAt: null,
        closedBy: null,
        closingNote: null,
        assignedTo: null,
        notes: [],
      },
    ]);
    const id = open.followUps[0]!.id;
    const { followUp } = await admin.closeFollowUp({
      params: { followUpId: id },
      body: { note: '已电话回访，向老人说明了预约办理的方式' },
    });
    expect(followUp).toMatchObject({
      closedAt: expect.any(String),
      closingNote: '已电话回访，向老人说明了预约办理的方式',
    });
    expect((await admin.listFollowUps({ query: { status: 'open' } })).followUps).toEqual([]);
    expect((await admin.listFollowUps()).followUps.map((f) => f.id)).toEqual([id]);
    await expect(
      admin.closeFollowUp({ params: { followUpId: id }, body: { note: '再关一次' } }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      admin.closeFollowUp({ params: { followUpId: 'nope' }, body: { note: '没有这个' } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('records "not rated" without a follow-up, and closes the window after the configured minutes', async () => {
    offsetMs = 0;
    const a = await openVisit(t, { identity: null });
    okData(await a.kiosk.request('session:end', { sessionId: a.sessionId }));
    okData(await a.kiosk.request('rating:submit', { sessionId: a.sessionId, rating: { rated: false } }));
    const admin = await adminApi(t.server);
    expect((await admin.listFollowUps()).followUps).toEqual([]);
    const stored = await t.server.db
      .selectFrom('ratings')
      .selectAll()
      .where('session_id', '=', a.sessionId)
      .executeTakeFirst();
    expect(stored).toMatchObject({ rated: 0, level: null, reasons: '[]' });

    // A satisfied rating opens nothing either.
    const b = await openVisit(t, { identity: null });
    okData(await b.agent.request('session:end', { sessionId: b.sessionId }));
    offsetMs = 31 * 60_000;
    expect(
      code(
        await b.kiosk.request('rating:submit', {
          sessionId: b.sessionId,
          rating: { rated: true, level: 'satisfied', reasons: [] },
        }),
      ),
    ).toBe('RATING_CLOSED');
    offsetMs = 29 * 60_000;
    okData(
      await b.kiosk.request('rating:submit', {
        sessionId: b.sessionId,
        rating: { rated: true, level: 'satisfied', reasons: [] },
      }),
    );
    expect((await admin.listFollowUps()).followUps).toEqual([]);
    offsetMs = 0;
  });
});

describe('ratingOpen', () => {
  it('is open while the session is, and for the window after its end', () => {
    const end = '2026-12-07T08:00:00.000Z';
    expect(ratingOpen(null, new Date(), 1)).toBe(true);
    expect(ratingOpen(end, new Date('2026-12-07T08:30:00.000Z'), 30 * 60_000)).toBe(true);
    expect(ratingOpen(end, new Date('2026-12-07T08:30:00.001Z'), 30 * 60_000)).toBe(false);
  });
});
