/**
 * Paper across the session's life: a member that comes back (reload, reconnect) is sent the open
 * print jobs (the kiosk the offers still waiting) and capture requests again; when the session ends,
 * offers still waiting are declined and open capture requests cancelled, and both members are told.
 */
import { describe, expect, it, vi } from 'vitest';
import { openVisit, type OpenVisit } from '../cases/case-test-support';
import { connectAgent, connectKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { CAPTURE_CONSENT_TEXT, closeCaseWithDocuments, printAndAgree } from './paper-test-support';

// Rendering in a cold worker takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
const t = useTestServer();

/** A closed case with documents, one job offered, one queued, one done, and two capture requests. */
async function paperInFlight(v: OpenVisit) {
  const { caseId, documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
  const documentId = documents[0]!.documentId;
  const offered = okData(
    await v.agent.request('print:request', { sessionId: v.sessionId, documentId, requestId: 'offered-0001' }),
  ).job;
  const queued = await printAndAgree(v.agent, v.kiosk, v.sessionId, documentId, 'queued-0001');
  const done = await printAndAgree(v.agent, v.kiosk, v.sessionId, documentId, 'done-00001');
  okData(await v.kiosk.request('print:status', { jobId: done.jobId, state: 'done' }));
  const ask = async (label: string) =>
    okData(await v.agent.request('material:request', { sessionId: v.sessionId, caseId, label })).request;
  const asked = await ask('户口簿本人页');
  const consented = await ask('残疾人证');
  okData(
    await v.kiosk.request('material:consent', {
      requestId: consented.requestId,
      accepted: true,
      consentText: CAPTURE_CONSENT_TEXT,
      locale: 'zh-CN',
    }),
  );
  return { offered, queued, done, asked, consented };
}

describe('paper and the session', () => {
  it('sends open jobs, waiting offers and open capture requests again to a member that comes back', async () => {
    const v = await openVisit(t);
    const p = await paperInFlight(v);
    v.kiosk.close();
    const kiosk = await connectKiosk(t.url, v.k.token);
    t.track(kiosk);
    await kiosk.waitFor('material:state', (r) => r.requestId === p.consented.requestId);
    expect(kiosk.all('print:offer').map((j) => j.jobId)).toEqual([p.offered.jobId]);
    expect(kiosk.all('print:state').map((j) => [j.jobId, j.state])).toEqual([
      [p.offered.jobId, 'offered'],
      [p.queued.jobId, 'queued'],
    ]);
    expect(kiosk.all('material:state').map((r) => [r.requestId, r.state])).toEqual([
      [p.asked.requestId, 'asked'],
      [p.consented.requestId, 'consented'],
    ]);

    const agent = await connectAgent(t.url, v.a.token);
    t.track(agent);
    await agent.waitFor('material:state', (r) => r.requestId === p.consented.requestId);
    expect(agent.all('print:offer')).toEqual([]);
    expect(agent.all('print:state').map((j) => j.jobId)).toEqual([p.offered.jobId, p.queued.jobId]);
  });

  it('declines waiting offers and cancels open capture requests when the session ends', async () => {
    const v = await openVisit(t);
    const p = await paperInFlight(v);
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
    for (const c of [v.agent, v.kiosk]) {
      expect(
        await c.waitFor('print:state', (j) => j.jobId === p.offered.jobId && j.state === 'declined'),
      ).toMatchObject({ detail: 'session ended' });
      for (const r of [p.asked, p.consented])
        await c.waitFor('material:state', (x) => x.requestId === r.requestId && x.state === 'cancelled');
    }
    // The job the resident agreed to stays as it was; a late yes to the declined offer changes nothing.
    const late = await v.kiosk.request('print:consent', {
      jobId: p.offered.jobId,
      accepted: true,
      consentText: '我同意在本机打印这份材料。',
      locale: 'zh-CN',
    });
    expect(okData(late).job.state).toBe('declined');
    expect(
      v.agent
        .all('print:state')
        .filter((j) => j.jobId === p.queued.jobId)
        .at(-1)?.state,
    ).toBe('queued');
  });
});
