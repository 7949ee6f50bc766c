/**
 * The console's paper area against the real server (port 0, real SQLite, real sockets, the real
 * catalogue and renderer): a print-only case closed, its documents pushed to the agent, a print
 * agreed and failed out of paper, printed again as a new job, the same click retried without a
 * second job, the resync of a fresh page; a material asked, agreed, captured, its image fetched.
 * The kiosk is a socket client.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { io } from 'socket.io-client';
import type { CaseState, PrintJob } from '@rvw/shared';
import {
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  shareIdentityOverHttp,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { request, type ConsoleSocket } from '../app/console-socket';
import { untilStore } from '../lib/until-store';
import { PaperArea } from './paper-area';
import type { CaseDocumentsView } from './print-store';

let server: TestServer;
const closers: Array<() => void> = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const close of closers.splice(0)) close();
  await server?.close();
});

/** Resolves once `check` holds for the store's view (a loaded machine may take 10 s). */
const until = <T>(
  subscribe: (l: () => void) => () => void,
  read: () => T,
  check: (v: T) => boolean,
  what: string,
) => untilStore(subscribe, read, check, what, 10_000);

const consent = { accepted: true, consentText: '我同意。', locale: 'zh-CN' as const };

/** A kiosk with 李秀英's card shared (the demo assessment system has her result), an agent in the call. */
async function call() {
  const k = await createTestKiosk(server.server);
  const kiosk: TestClient = await connectKiosk(server.url, k.token);
  closers.push(() => kiosk.close());
  const { ticket } = okData(await kiosk.request('ticket:request', {}));
  await shareIdentityOverHttp(
    server.url,
    k.token,
    ticket.id,
    {
      cardType: 'resident',
      name: '李秀英',
      gender: 'female',
      birthDate: '1948-03-15',
      idNumber: '310101194803150022',
      idNumberValid: true,
    },
    '我同意把身份证上的信息提供给社区事务受理服务中心。',
  );
  const a = await createTestAgent(server.server);
  const socket = io(server.url, {
    auth: { kind: 'agent', token: a.token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  }) as ConsoleSocket;
  closers.push(() => socket.disconnect());
  const line = () => ({ socket, token: a.token });
  const paper = new PaperArea(line, { target: { baseUrl: server.url } });
  paper.bind(socket);
  await new Promise<void>((r) => socket.once('connect', () => r()));
  const opened = await request(socket, 'ticket:accept', { ticketId: ticket.id });
  return { kiosk, socket, paper, line, sessionId: opened.session.id, token: a.token, kioskToken: k.token };
}

/** Opens the print-only item, has the resident confirm and sign, and records 办结. */
async function closedCase(c: Awaited<ReturnType<typeof call>>): Promise<CaseState> {
  const state = await request(c.socket, 'case:open', {
    sessionId: c.sessionId,
    itemCode: 'ltci-result-notice-print',
  });
  await request(c.socket, 'form:request-confirm', { caseId: state.caseId, revision: state.form.revision });
  const asked = await c.kiosk.waitFor(
    'case:state',
    (s) => s.caseId === state.caseId && s.form.confirmRequested === s.form.revision,
  );
  const at = { caseId: asked.caseId, revision: asked.form.revision, hash: asked.form.hash };
  const words = { consentText: '我已核对以上内容，确认无误。', locale: 'zh-CN' as const };
  okData(await c.kiosk.request('form:confirm', { ...at, ...words }));
  const strokes = {
    canvas: { width: 600, height: 200 },
    strokes: [{ points: [10, 50, 90].map((x, i) => ({ x, y: 20 + i * 30, time: i })) }],
  };
  okData(await c.kiosk.request('form:sign', { ...at, strokes, ...words }));
  return request(c.socket, 'case:outcome', { caseId: state.caseId, record: { outcome: 'completed' } });
}

describe('paper on the console, against the real server', () => {
  test('documents pushed on close; print, out of paper, print again, a retried click; resync', async () => {
    const c = await call();
    const { prints } = c.paper;
    const closed = await closedCase(c);
    const view = () => prints.view(closed.caseId);
    const docs = await until(prints.subscribe, view, (v) => v.documents.length > 0, 'case:documents');
    expect(docs.documents.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['application-form', 'receipt', 'item-notice']),
    );
    const receipt = docs.documents.find((d) => d.kind === 'receipt')!;
    const jobOf = (v: CaseDocumentsView): PrintJob | undefined => v.jobs[receipt.documentId];

    // The agent prints; the resident agrees; the printer runs out of paper.
    const first = await prints.print(c.sessionId, closed.caseId, receipt.documentId);
    expect(first).toMatchObject({ ok: true, job: { state: 'offered' } });
    const offer = await c.kiosk.waitFor('print:offer', (j) => j.documentId === receipt.documentId);
    okData(await c.kiosk.request('print:consent', { jobId: offer.jobId, ...consent }));
    await until(prints.subscribe, view, (v) => jobOf(v)?.state === 'queued', 'queued');
    okData(await c.kiosk.request('print:status', { jobId: offer.jobId, state: 'printing' }));
    okData(
      await c.kiosk.request('print:status', {
        jobId: offer.jobId,
        state: 'failed',
        reason: 'out-of-paper',
        detail: 'media-empty-error',
      }),
    );
    const failed = await until(prints.subscribe, view, (v) => jobOf(v)?.state === 'failed', 'failed');
    expect(jobOf(failed)).toMatchObject({ reason: 'out-of-paper', detail: 'media-empty-error' });

    // 再打印: a new job with a new request id.
    const again = await prints.print(c.sessionId, closed.caseId, receipt.documentId);
    expect(again.ok && again.job.jobId).not.toBe(offer.jobId);
    expect(again.ok && again.job.requestId).not.toBe(offer.requestId);
    expect(jobOf(view())?.state).toBe('offered');

    // A click whose ack was lost, retried with its id, gives back the same job (nothing prints twice).
    const replay = await request(c.socket, 'print:request', {
      sessionId: c.sessionId,
      documentId: receipt.documentId,
      requestId: again.ok ? again.job.requestId : '',
    });
    expect(replay.job.jobId).toBe(again.ok ? again.job.jobId : '');

    // A fresh page (after a reload) reads the same: the documents and the newest job of each.
    const fresh = new PaperArea(c.line, { target: { baseUrl: server.url } });
    await fresh.prints.load(closed.caseId);
    const read = fresh.prints.view(closed.caseId);
    expect(read.documents.map((d) => d.documentId)).toEqual(view().documents.map((d) => d.documentId));
    expect(jobOf(read)).toMatchObject({ jobId: again.ok ? again.job.jobId : '', state: 'offered' });

    // The PDF downloads through the console's client.
    const pdf = await c.paper.fetchDocument(receipt.documentId);
    expect(pdf.type).toBe('application/pdf');
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  test('a material asked, agreed, captured and shown; a refusal in words', async () => {
    const c = await call();
    const { materials } = c.paper;
    const state = await request(c.socket, 'case:open', {
      sessionId: c.sessionId,
      itemCode: 'ltci-assessment',
    });
    const view = () => materials.view(state.caseId);

    // Capture before the resident agreed is refused, and said.
    expect(await materials.ask(c.sessionId, state.caseId, '户口簿本人页')).toEqual({ ok: true });
    const asked = view().requests.at(-1)!;
    expect(asked.state).toBe('asked');
    const early = await materials.capture(state.caseId, asked.requestId);
    expect(early.ok).toBe(false);
    expect(view().error).not.toBeNull();

    okData(await c.kiosk.request('material:consent', { requestId: asked.requestId, ...consent }));
    await until(materials.subscribe, view, (v) => v.requests.at(-1)?.state === 'consented', 'consented');
    const n = c.kiosk.received.length;
    expect(await materials.capture(state.caseId, asked.requestId)).toEqual({ ok: true });
    await c.kiosk.waitFor('material:capture-now', (p) => p.requestId === asked.requestId, { from: n });
    // A 1x1 PNG as the document camera's picture.
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      ),
      (ch) => ch.charCodeAt(0),
    );
    const up = await fetch(`${server.url}/api/kiosk/materials/${asked.requestId}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${c.kioskToken}` },
      body: png,
    });
    expect(up.status).toBe(201);
    const shown = await until(
      materials.subscribe,
      view,
      (v) => v.materials.length === 1,
      'the material listed',
    );
    expect(shown.capturing).toBeNull();
    expect(shown.requests.at(-1)?.state).toBe('captured');
    const id = shown.materials[0]!.materialId;

    // The thumbnail's image, fetched once.
    c.paper.images.get(id);
    const load = await until(
      c.paper.images.subscribe,
      () => c.paper.images.peek(id),
      (l) => l?.state !== 'loading',
      'the image',
    );
    expect(load?.state).toBe('ready');
    c.paper.reset();
  });
});
