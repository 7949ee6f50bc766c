/**
 * A supervisor's rights end at their centre (issue 11 #7): accounts, kiosks, tickets, cases,
 * follow-ups, the live view, charts and reports of another centre are never returned, and naming
 * another centre's object is FORBIDDEN. Follow-ups are assigned, noted and closed within the centre.
 */
import { describe, expect, it } from 'vitest';
import { HttpClientError } from '@rvw/shared';
import { connectKiosk } from '../testing';
import { useTestServer } from '../testing/hooks';
import { GUSU, scriptedDay, TestClock } from './supervision-test-support';

const clock = new TestClock();
const t = useTestServer({ clock: clock.now });

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpClientError);
  return (err as HttpClientError).code;
}

describe("a supervisor's rights limited to their centre", () => {
  it('lists and creates accounts and kiosks in their own centre only; another centre’s kiosk cannot be revoked', async () => {
    const day = await scriptedDay(t, clock);
    const main = day.supMain.api;
    const gusu = day.supGusu.api;

    const gusuAgents = (await gusu.listAgents()).agents;
    expect(gusuAgents.map((a) => a.displayName).sort()).toEqual(['姑苏 主管', '李 坐席'].sort());
    expect((await main.listAgents()).agents.every((a) => a.centreId === 'main')).toBe(true);
    const account = {
      username: 'gusu.new',
      displayName: '新坐席',
      password: 'long-enough-pw',
      role: 'agent' as const,
    };
    expect(await codeOf(gusu.createAgent({ body: { ...account, centreId: 'main' } }))).toBe('FORBIDDEN');
    const created = await gusu.createAgent({ body: { ...account, skills: ['residence'] } });
    expect(created.agent).toMatchObject({ centreId: GUSU, skills: ['residence'] });
    expect((await main.listAgents()).agents.map((a) => a.id)).not.toContain(created.agent.id);

    expect((await gusu.listKiosks()).kiosks.map((k) => k.name)).toEqual(['姑苏 一居委']);
    expect((await main.listKiosks()).kiosks.map((k) => [k.name, k.kind]).sort()).toEqual(
      [
        ['一居委', 'fixed'],
        ['上门办 1号', 'portable'],
      ].sort(),
    );
    expect(await codeOf(gusu.createKiosk({ body: { name: 'x', location: 'y', centreId: 'main' } }))).toBe(
      'FORBIDDEN',
    );
    const enrolled = await gusu.createKiosk({
      body: { name: '姑苏 上门办', location: '姑苏', kind: 'portable' },
    });
    expect(enrolled.kiosk).toMatchObject({ centreId: GUSU, kind: 'portable' });
    expect(await codeOf(gusu.revokeKiosk({ params: { kioskId: day.kioskMain.id } }))).toBe('FORBIDDEN');
    expect(day.kioskMain.client.connected).toBe(true);
    expect(await codeOf(gusu.revokeKiosk({ params: { kioskId: 'no-such-kiosk' } }))).toBe('NOT_FOUND');
    // Their own kiosk they may revoke.
    const own = await connectKiosk(t.url, enrolled.token);
    t.track(own);
    await gusu.revokeKiosk({ params: { kioskId: enrolled.kiosk.id } });
  });

  it("returns only the centre's tickets and cases; a case of another centre is FORBIDDEN, a shared one readable", async () => {
    const day = await scriptedDay(t, clock);
    const main = day.supMain.api;
    const gusu = day.supGusu.api;

    const mainTickets = (await main.listTickets({ query: {} })).tickets;
    expect(mainTickets).toHaveLength(4);
    expect(mainTickets.every((x) => x.centreId === 'main')).toBe(true);
    expect((await gusu.listTickets({ query: {} })).tickets.map((x) => x.id)).toEqual([day.waiting.gusu]);

    // Main sees its three cases; gusu only the one its agent handled for main's resident.
    expect((await main.listCases({ query: {} })).cases.map((c) => c.caseId).sort()).toEqual(
      Object.values(day.cases).sort(),
    );
    expect((await gusu.listCases({ query: {} })).cases.map((c) => c.caseId)).toEqual([day.cases.notDone]);
    expect(await codeOf(gusu.getCase({ params: { caseId: day.cases.completed } }))).toBe('FORBIDDEN');
    expect(await codeOf(gusu.caseConsents({ params: { caseId: day.cases.completed } }))).toBe('FORBIDDEN');
    expect(await codeOf(gusu.caseReads({ params: { caseId: day.cases.completed } }))).toBe('FORBIDDEN');
    expect((await gusu.getCase({ params: { caseId: day.cases.notDone } })).case.caseId).toBe(
      day.cases.notDone,
    );
    expect((await main.getCase({ params: { caseId: day.cases.notDone } })).agentId).toBe(day.agentB.id);
    // The case's papers likewise: documents, print jobs, materials.
    for (const read of [gusu.listCaseDocuments, gusu.listCasePrintJobs, gusu.listCaseMaterials])
      expect(await codeOf(read({ params: { caseId: day.cases.completed } }))).toBe('FORBIDDEN');
    expect((await main.listCasePrintJobs({ params: { caseId: day.cases.completed } })).jobs).toEqual([]);
    // The forbidden read was not recorded as a read.
    expect((await main.caseReads({ params: { caseId: day.cases.completed } })).reads).toEqual([]);

    // Sessions: gusu's only the cross-centre one; a ticket's identity state only for a ticket of its own.
    expect((await gusu.listSessions({ query: {} })).sessions.map((x) => x.id)).toEqual([day.sessions.cross]);
    expect((await main.listSessions({ query: {} })).sessions.map((x) => x.id).sort()).toEqual(
      Object.values(day.sessions).sort(),
    );
    expect(await codeOf(gusu.getSession({ params: { sessionId: day.sessions.onTime } }))).toBe('FORBIDDEN');
    const cross = await gusu.getSession({ params: { sessionId: day.sessions.cross } });
    expect(cross.session.agent.id).toBe(day.agentB.id);
    // Gusu served that ticket: it may read its reveals (none) and is told no identity was shared.
    expect((await gusu.ticketReveals({ params: { ticketId: cross.session.ticketId } })).reveals).toEqual([]);
    expect(await codeOf(gusu.ticketIdentity({ params: { ticketId: cross.session.ticketId } }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(gusu.ticketIdentity({ params: { ticketId: day.waiting.main } }))).toBe('FORBIDDEN');
    expect(await codeOf(gusu.ticketReveals({ params: { ticketId: day.waiting.main } }))).toBe('FORBIDDEN');
    expect(await codeOf(main.ticketReveals({ params: { ticketId: day.waiting.gusu } }))).toBe('FORBIDDEN');
    expect((await main.ticketReveals({ params: { ticketId: day.waiting.main } })).reveals).toEqual([]);
  });

  it('works follow-ups within the centre: assign to its own staff, note, close; another centre’s are FORBIDDEN', async () => {
    const day = await scriptedDay(t, clock);
    const main = day.supMain.api;
    const gusu = day.supGusu.api;

    const open = (await main.listFollowUps({ query: { status: 'open' } })).followUps;
    expect(open).toHaveLength(1);
    const f = open[0]!;
    expect(f).toMatchObject({
      sessionId: day.sessions.late,
      agentId: day.agentA.id,
      assignedTo: null,
      notes: [],
    });
    expect((await gusu.listFollowUps({ query: {} })).followUps).toEqual([]);

    const params = { followUpId: f.id };
    expect(await codeOf(gusu.assignFollowUp({ params, body: { agentId: day.agentB.id } }))).toBe('FORBIDDEN');
    expect(await codeOf(gusu.noteFollowUp({ params, body: { text: '越权的备注' } }))).toBe('FORBIDDEN');
    expect(await codeOf(gusu.closeFollowUp({ params, body: { note: '越权的关闭' } }))).toBe('FORBIDDEN');
    // Main may not hand it to gusu's staff, nor to nobody.
    expect(await codeOf(main.assignFollowUp({ params, body: { agentId: day.agentB.id } }))).toBe('FORBIDDEN');
    expect(await codeOf(main.assignFollowUp({ params, body: { agentId: 'nobody' } }))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        main.assignFollowUp({ params: { followUpId: 'nothing' }, body: { agentId: day.agentC.id } }),
      ),
    ).toBe('NOT_FOUND');

    const assigned = await main.assignFollowUp({ params, body: { agentId: day.agentC.id } });
    expect(assigned.followUp.assignedTo).toEqual({ agentId: day.agentC.id, displayName: '王 回访' });
    // A note typed with an ID number keeps no number.
    await main.noteFollowUp({ params, body: { text: '已致电居民 110101194803150021，约定周五回访' } });
    const noted = await main.noteFollowUp({ params, body: { text: '周五回访完成，居民表示理解' } });
    expect(noted.followUp.notes).toEqual([
      { by: day.supMain.agentId, at: expect.any(String), text: expect.not.stringMatching(/\d{17}/) },
      { by: day.supMain.agentId, at: expect.any(String), text: '周五回访完成，居民表示理解' },
    ]);
    expect(noted.followUp.notes[0]!.text).toContain('约定周五回访');
    expect((await main.listFollowUps({ query: {} })).followUps[0]).toMatchObject({
      assignedTo: { agentId: day.agentC.id },
      notes: [expect.anything(), expect.anything()],
    });

    const closed = await main.closeFollowUp({ params, body: { note: '已回访并说明排队原因' } });
    expect(closed.followUp).toMatchObject({
      closedBy: day.supMain.agentId,
      assignedTo: { agentId: day.agentC.id },
    });
    expect(await codeOf(main.noteFollowUp({ params, body: { text: '关闭后的备注' } }))).toBe('CONFLICT');
    expect(await codeOf(main.assignFollowUp({ params, body: { agentId: day.agentC.id } }))).toBe('CONFLICT');
    expect((await main.supervisorLive()).ratings.followUpsOpen).toBe(0);
  });

  it("gives each supervisor their own centre's live view, charts and report", async () => {
    const day = await scriptedDay(t, clock);
    const gusu = day.supGusu.api;
    const live = await gusu.supervisorLive();
    expect(live.agents.every((a) => a.centreId === GUSU)).toBe(true);
    expect(live.queues.every((q) => q.centreId === GUSU)).toBe(true);
    expect(live.queues.reduce((n, q) => n + q.waiting, 0)).toBe(1);
    // Ten minutes on, the series has a point after gusu's ticket was issued.
    clock.advance(10 * 60_000);
    const charts = await gusu.supervisorCharts({ query: {} });
    // Gusu answered none of its own tickets: its one ticket is still waiting.
    expect(charts.firstResponse.reduce((n, h) => n + h.answered, 0)).toBe(0);
    expect(charts.queue.at(-1)!.waiting).toBe(1);
    expect(await codeOf(gusu.dailyReport({ query: { date: '2026-02-30' } }))).toBe('BAD_PAYLOAD');
  });
});
