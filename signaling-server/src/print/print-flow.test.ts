/**
 * Printing at the session's kiosk: an agent's request makes one job per request key, the resident's
 * yes goes into the ledger, only the job's own kiosk fetches the file (only while queued or printing),
 * reports only move forward and final states never change; other kiosks and unknown documents are
 * refused.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient, httpRoutes, type Ack, type HttpClientError } from '@rvw/shared';
import { openVisit } from '../cases/case-test-support';
import {
  closeCaseWithDocuments,
  documentOf,
  PRINT_CONSENT_TEXT,
  printAndAgree,
} from '../documents/paper-test-support';
import { adminApi, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

// Rendering in a cold worker takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
const t = useTestServer();

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.error.code);
const httpCode = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: HttpClientError) => e.code,
  );
const kioskApi = (token: string) => createHttpClient(httpRoutes, { baseUrl: t.url, token });

describe('print jobs', () => {
  it('offers, records the yes, lets the kiosk fetch its file, and only moves forward', async () => {
    const v = await openVisit(t);
    const { caseId, documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
    const receipt = documentOf(documents, 'receipt');
    const request = { sessionId: v.sessionId, documentId: receipt.documentId, requestId: 'agent-req-0001' };
    const { job } = okData(await v.agent.request('print:request', request));
    expect(job).toMatchObject({ state: 'offered', sha256: receipt.sha256, caseId, title: receipt.title });
    expect(await v.kiosk.waitFor('print:offer', (j) => j.jobId === job.jobId)).toEqual(job);
    await v.agent.waitFor('print:state', (j) => j.jobId === job.jobId);
    // A retried request is the same job, offered once.
    expect(okData(await v.agent.request('print:request', request)).job).toEqual(job);
    expect(v.kiosk.all('print:offer')).toHaveLength(1);

    const api = kioskApi(v.k.token);
    expect(await httpCode(api.kioskPrintFile({ params: { jobId: job.jobId } }))).toBe('NOT_FOUND');
    expect(code(await v.kiosk.request('print:status', { jobId: job.jobId, state: 'printing' }))).toBe(
      'WRONG_STATE',
    );

    const consent = {
      jobId: job.jobId,
      accepted: true,
      consentText: PRINT_CONSENT_TEXT,
      locale: 'zh-CN' as const,
    };
    const queued = okData(await v.kiosk.request('print:consent', consent)).job;
    expect(queued.state).toBe('queued');
    // Repeating the yes answers the job as it is and records nothing more.
    expect(okData(await v.kiosk.request('print:consent', { ...consent, accepted: false })).job.state).toBe(
      'queued',
    );
    const admin = await adminApi(t.server);
    const { entries } = await admin.caseConsents({ params: { caseId } });
    expect(entries.filter((e) => e.kind === 'print')).toEqual([
      expect.objectContaining({ kind: 'print', caseId, text: PRINT_CONSENT_TEXT, kioskId: v.k.kiosk.id }),
    ]);

    const pdf = await api.kioskPrintFile({ params: { jobId: job.jobId } });
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(job.sha256);
    expect((await admin.documentDownloads({ params: { documentId: receipt.documentId } })).downloads).toEqual(
      [{ by: v.k.kiosk.id, role: 'kiosk', at: expect.any(String) }],
    );

    const status = async (state: 'printing' | 'done' | 'failed', extra = {}) =>
      okData(await v.kiosk.request('print:status', { jobId: job.jobId, state, ...extra })).job;
    expect((await status('printing')).state).toBe('printing');
    expect((await status('printing')).state).toBe('printing');
    expect((await status('done')).state).toBe('done');
    // Final: a late report changes nothing, and the file is no longer served.
    expect(await status('printing')).toMatchObject({ state: 'done', reason: null });
    expect(await status('failed', { reason: 'jammed' })).toMatchObject({ state: 'done', reason: null });
    expect(await httpCode(api.kioskPrintFile({ params: { jobId: job.jobId } }))).toBe('NOT_FOUND');
    // The agent saw each change once, in order.
    await v.agent.waitFor('print:state', (j) => j.jobId === job.jobId && j.state === 'done');
    const seen = v.agent.all('print:state').filter((j) => j.jobId === job.jobId);
    expect(seen.map((j) => j.state)).toEqual(['offered', 'queued', 'printing', 'done']);
    const { jobs } = await admin.listCasePrintJobs({ params: { caseId } });
    expect(jobs.map((j) => j.state)).toEqual(['done']);
  });

  it('tells the agent why a job failed, and lets the agent print again', async () => {
    const v = await openVisit(t);
    const { documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
    const receipt = documentOf(documents, 'receipt');
    const first = await printAndAgree(v.agent, v.kiosk, v.sessionId, receipt.documentId, 'request-one');
    expect(code(await v.kiosk.request('print:status', { jobId: first.jobId, state: 'failed' }))).toBe(
      'BAD_PAYLOAD',
    );
    okData(
      await v.kiosk.request('print:status', {
        jobId: first.jobId,
        state: 'failed',
        reason: 'out-of-paper',
        detail: 'media-empty-error',
      }),
    );
    const failed = await v.agent.waitFor(
      'print:state',
      (j) => j.jobId === first.jobId && j.state === 'failed',
    );
    expect(failed).toMatchObject({ reason: 'out-of-paper', detail: 'media-empty-error' });
    const second = await printAndAgree(v.agent, v.kiosk, v.sessionId, receipt.documentId, 'request-two');
    expect(second.jobId).not.toBe(first.jobId);
    expect(second.state).toBe('queued');
  });

  it('refuses unknown documents, other sessions’ documents, and other kiosks', async () => {
    const v = await openVisit(t);
    const w = await openVisit(t);
    const mine = await closeCaseWithDocuments(v.agent, v.sessionId);
    const theirs = await closeCaseWithDocuments(w.agent, w.sessionId);
    const ask = (documentId: string, requestId: string) =>
      v.agent.request('print:request', { sessionId: v.sessionId, documentId, requestId });
    expect(code(await ask('no-such-document', 'request-a1'))).toBe('NOT_FOUND');
    expect(code(await ask(theirs.documents[0]!.documentId, 'request-a2'))).toBe('NOT_FOUND');
    // The other session's agent cannot print into this session.
    const intruder = await w.agent.request('print:request', {
      sessionId: v.sessionId,
      documentId: mine.documents[0]!.documentId,
      requestId: 'request-a3',
    });
    expect(code(intruder)).toBe('NOT_SESSION_MEMBER');

    const { job } = okData(await ask(mine.documents[0]!.documentId, 'request-a4'));
    expect(w.kiosk.all('print:offer')).toEqual([]);
    const foreign = await w.kiosk.request('print:consent', {
      jobId: job.jobId,
      accepted: true,
      consentText: PRINT_CONSENT_TEXT,
      locale: 'zh-CN',
    });
    expect(code(foreign)).toBe('NOT_SESSION_MEMBER');
    expect(
      code(await w.kiosk.request('print:status', { jobId: job.jobId, state: 'failed', reason: 'offline' })),
    ).toBe('NOT_SESSION_MEMBER');
    await printAndAgree(v.agent, v.kiosk, v.sessionId, mine.documents[0]!.documentId, 'request-a4');
    expect(await httpCode(kioskApi(w.k.token).kioskPrintFile({ params: { jobId: job.jobId } }))).toBe(
      'NOT_FOUND',
    );
    expect(await httpCode(kioskApi(v.k.token).kioskPrintFile({ params: { jobId: job.jobId } }))).toBe('ok');
  });
});
