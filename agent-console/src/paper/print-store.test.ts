import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@rvw/shared';
import { ConsoleError, ConsoleErrorCode } from '../lib/errors';
import { PrintStore, newRequestId } from './print-store';
import { FakePrintServer, doc, job } from './test-fixtures';

let server: FakePrintServer;
let store: PrintStore;
let ids: number;

beforeEach(() => {
  server = new FakePrintServer();
  ids = 0;
  store = new PrintStore(server, () => `request-${++ids}`);
});

const receipt = doc('receipt');
const notice = doc('item-notice');
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('documents and the state of each one', () => {
  it('keeps the archived documents and each document its own newest job', () => {
    store.documentsArchived('c1', [receipt, notice]);
    store.jobChanged(job(receipt.documentId, { state: 'printing' }));
    store.jobChanged(job(notice.documentId, { state: 'failed', reason: 'out-of-paper' }));
    const v = store.view('c1');
    expect(v.documents.map((d) => d.kind)).toEqual(['receipt', 'item-notice']);
    expect(v.jobs[receipt.documentId]?.state).toBe('printing');
    expect(v.jobs[notice.documentId]?.state).toBe('failed');
    expect(v.jobs[notice.documentId]?.reason).toBe('out-of-paper');
  });

  it('moves a job only forward: a late queued after printing, or anything after done, is ignored', () => {
    store.jobChanged(job(receipt.documentId, { state: 'printing' }));
    store.jobChanged(job(receipt.documentId, { state: 'queued' }));
    expect(store.view('c1').jobs[receipt.documentId]?.state).toBe('printing');
    store.jobChanged(job(receipt.documentId, { state: 'done' }));
    store.jobChanged(job(receipt.documentId, { state: 'failed', reason: 'jammed' }));
    expect(store.view('c1').jobs[receipt.documentId]?.state).toBe('done');
  });

  it('shows the newer of two jobs of a document, whatever order their reports come in', () => {
    const first = job(receipt.documentId, { jobId: 'j1', state: 'failed', reason: 'offline' });
    const second = job(receipt.documentId, {
      jobId: 'j2',
      state: 'queued',
      createdAt: '2026-12-07T02:12:00.000Z',
      updatedAt: '2026-12-07T02:12:00.000Z',
    });
    store.jobChanged(second);
    store.jobChanged(first);
    expect(store.view('c1').jobs[receipt.documentId]?.jobId).toBe('j2');
  });

  it('does not publish a report that changes nothing', () => {
    store.jobChanged(job(receipt.documentId, { state: 'done' }));
    const before = store.getSnapshot();
    store.jobChanged(job(receipt.documentId, { state: 'done' }));
    expect(store.getSnapshot()).toBe(before);
  });
});

describe('print clicks', () => {
  it('sends one request with a fresh id and shows the job the ack brings', async () => {
    store.documentsArchived('c1', [receipt]);
    const done = store.print('s1', 'c1', receipt.documentId);
    expect(server.prints).toHaveLength(1);
    expect(server.prints[0]!.payload).toEqual({
      sessionId: 's1',
      documentId: receipt.documentId,
      requestId: 'request-1',
    });
    expect(store.view('c1').pending[receipt.documentId]).toEqual({
      requestId: 'request-1',
      sending: true,
      error: null,
    });
    server.prints[0]!.answer.resolve({ job: job(receipt.documentId, { requestId: 'request-1' }) });
    expect(await done).toMatchObject({ ok: true });
    expect(store.view('c1').pending[receipt.documentId]).toBeUndefined();
    expect(store.view('c1').jobs[receipt.documentId]?.state).toBe('offered');
  });

  it('retries a failed click with the same request id, so the server cannot print twice', async () => {
    const first = store.print('s1', 'c1', receipt.documentId);
    server.prints[0]!.answer.reject(ConsoleError.timeout('print:request'));
    expect(await first).toEqual({ ok: false, code: ConsoleErrorCode.Timeout });
    expect(store.view('c1').pending[receipt.documentId]).toMatchObject({
      requestId: 'request-1',
      sending: false,
      error: ConsoleErrorCode.Timeout,
    });
    const again = store.print('s1', 'c1', receipt.documentId);
    expect(server.prints[1]!.payload.requestId).toBe('request-1');
    server.prints[1]!.answer.resolve({ job: job(receipt.documentId, { requestId: 'request-1' }) });
    await again;
    expect(store.view('c1').pending[receipt.documentId]).toBeUndefined();
  });

  it('makes a new job with a new request id to print again after done, failed or declined', async () => {
    for (const [n, state] of (['done', 'failed', 'declined'] as const).entries()) {
      const click = store.print('s1', 'c1', receipt.documentId);
      const requestId = server.prints[n]!.payload.requestId;
      expect(requestId).toBe(`request-${n + 1}`);
      const made = job(receipt.documentId, {
        jobId: `j${n}`,
        requestId,
        createdAt: `2026-12-07T02:1${n}:00.000Z`,
        updatedAt: `2026-12-07T02:1${n}:00.000Z`,
      });
      server.prints[n]!.answer.resolve({ job: made });
      await click;
      store.jobChanged({ ...made, state, reason: state === 'failed' ? 'jammed' : null });
      expect(store.view('c1').jobs[receipt.documentId]?.state).toBe(state);
    }
    expect(new Set(server.prints.map((p) => p.payload.requestId)).size).toBe(3);
  });

  it('does not send while a click is on its way or the job is still running', async () => {
    void store.print('s1', 'c1', receipt.documentId);
    expect(await store.print('s1', 'c1', receipt.documentId)).toEqual({
      ok: false,
      code: ErrorCode.RateLimited,
    });
    server.prints[0]!.answer.resolve({ job: job(receipt.documentId, { requestId: 'request-1' }) });
    await flush();
    store.jobChanged(job(receipt.documentId, { requestId: 'request-1', state: 'printing' }));
    const r = await store.print('s1', 'c1', receipt.documentId);
    expect(r).toMatchObject({ ok: true, job: { state: 'printing' } });
    expect(server.prints).toHaveLength(1);
  });

  it('takes a pushed job of the click as its answer when the ack is lost', async () => {
    const click = store.print('s1', 'c1', receipt.documentId);
    store.jobChanged(job(receipt.documentId, { requestId: 'request-1', state: 'queued' }));
    expect(store.view('c1').pending[receipt.documentId]).toBeUndefined();
    server.prints[0]!.answer.reject(ConsoleError.timeout('print:request'));
    await click;
    // The job is there; no retry is offered for a click that was answered.
    expect(store.view('c1').pending[receipt.documentId]).toBeUndefined();
    expect(store.view('c1').jobs[receipt.documentId]?.state).toBe('queued');
  });
});

describe('resync after a reload', () => {
  it('reads the documents and the newest job of each from the server, once', async () => {
    server.documents = [receipt, notice];
    // Newest first, as the route lists them.
    server.jobs = [
      job(receipt.documentId, {
        jobId: 'j2',
        state: 'failed',
        reason: 'out-of-paper',
        detail: 'media-empty-error',
        createdAt: '2026-12-07T02:20:00.000Z',
        updatedAt: '2026-12-07T02:20:05.000Z',
      }),
      job(receipt.documentId, { jobId: 'j1', state: 'done' }),
    ];
    await store.load('c1');
    const v = store.view('c1');
    expect(v.load).toBe('loaded');
    expect(v.documents).toHaveLength(2);
    expect(v.jobs[receipt.documentId]).toMatchObject({ jobId: 'j2', state: 'failed' });
    expect(v.jobs[notice.documentId]).toBeUndefined();
    await store.load('c1');
    expect(server.lists).toBe(1);
    await store.load('c1', true);
    expect(server.lists).toBe(2);
  });

  it('keeps documents pushed while the list was on its way, and says why a load failed', async () => {
    const loading = store.load('c1');
    store.documentsArchived('c1', [receipt]);
    await loading;
    expect(store.view('c1').documents.map((d) => d.documentId)).toEqual([receipt.documentId]);

    server.listDocuments = () => Promise.reject(new ConsoleError(ErrorCode.Forbidden, 'no'));
    await store.load('c2');
    expect(store.view('c2')).toMatchObject({ load: 'failed', loadError: ErrorCode.Forbidden });
  });

  it('reads again, after the socket came back, only the cases read before', async () => {
    server.documents = [receipt];
    await store.load('c1');
    store.jobChanged(job(notice.documentId, { caseId: 'c2' }));
    server.jobs = [job(receipt.documentId, { state: 'done' })];
    store.resync();
    await flush();
    expect(server.lists).toBe(2);
    expect(store.view('c1').jobs[receipt.documentId]?.state).toBe('done');
    expect(store.view('c2').load).toBe('idle');
  });

  it('drops answers that come after a sign-out', async () => {
    const click = store.print('s1', 'c1', receipt.documentId);
    store.reset();
    server.prints[0]!.answer.resolve({ job: job(receipt.documentId, { requestId: 'request-1' }) });
    await click;
    expect(store.getSnapshot()).toEqual({});
  });
});

describe('request ids', () => {
  it('are 32 hex digits and differ', () => {
    const a = newRequestId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newRequestId()).not.toBe(a);
  });
});
