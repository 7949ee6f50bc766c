/**
 * For tests (imported by tests only): a stand-in signaling server for the paper features, one HTTP
 * server carrying both the socket.io kiosk events and the kiosk's two paper routes, so that every
 * event comes on cue. It greets with an open session, answers `print:consent` (queued, with the
 * `print:state` broadcast sent before the answer, as a real server may), `print:status` (forward
 * moves only), `material:consent` and `material:cancel`, serves job PDFs by id and takes uploads.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { PRINT_STATE_ORDER } from '@rvw/shared';
import type { CaseMaterial, KioskState, MaterialRequest, PrintJob } from '@rvw/shared';
import { greetingWith } from './test-greeting';

export const STAND_IN_TOKEN = 'kiosk-paper-token';
const at = '2026-01-01T00:05:00.000Z';

/** A print job of session s1 for `pdf` (its digest unless `sha256` is given). */
export function printJob(jobId: string, pdf: Uint8Array, overrides: Partial<PrintJob> = {}): PrintJob {
  return {
    jobId,
    sessionId: 's1',
    caseId: 'c1',
    documentId: 'd1',
    kind: 'receipt',
    title: { zh: '受理回执', en: 'Acceptance receipt' },
    sha256: createHash('sha256').update(pdf).digest('hex'),
    state: 'offered',
    reason: null,
    detail: null,
    requestId: `req-${jobId}`,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A capture request of session s1. */
export function materialRequest(requestId: string, state: MaterialRequest['state']): MaterialRequest {
  return {
    requestId,
    sessionId: 's1',
    caseId: 'c1',
    label: '户口本',
    state,
    materialId: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** What the stand-in holds and heard. */
export interface PaperStandIn {
  url: string;
  /** The kiosk's socket, once connected. */
  socket(): Socket;
  /** The greeting each connection gets. */
  greeting: KioskState;
  /** Jobs by id, as the server keeps them. */
  jobs: Map<string, PrintJob>;
  /** PDFs by job id. */
  files: Map<string, Uint8Array>;
  /** Every print:status report, in order. */
  statuses: Array<{ jobId: string; state: string; reason?: string; detail?: string }>;
  /** Every file download, by job id. */
  downloads: string[];
  /** Every upload: request id, content type and bytes. */
  uploads: Array<{ requestId: string; contentType: string; bytes: Buffer }>;
  /** The next upload's refusal (HTTP status and error body), then cleared. */
  refuseNextUpload: { status: number; code: string; message: string } | null;
  /** How many of the next `done`/`failed` reports to lose (heard, never answered, not applied). */
  loseFinalReports: number;
  /** Every socket event from the kiosk, in order. */
  received: Array<[string, unknown]>;
  close(): Promise<void>;
}

/** Starts the stand-in on a free loopback port. */
export async function startPaperStandIn(): Promise<PaperStandIn> {
  let current: Socket | null = null;
  const http = createServer((req, res) => void route(req, res));
  const io = new Server(http);
  const s: PaperStandIn = {
    url: '',
    socket: () => current!,
    greeting: greetingWith('s1'),
    jobs: new Map(),
    files: new Map(),
    statuses: [],
    downloads: [],
    uploads: [],
    refuseNextUpload: null,
    loseFinalReports: 0,
    received: [],
    close: () => new Promise<void>((r) => io.close(() => r())),
  };
  const update = (job: PrintJob, change: Partial<PrintJob>): PrintJob => {
    const next = { ...job, ...change, updatedAt: new Date().toISOString() };
    s.jobs.set(job.jobId, next);
    current?.emit('print:state', next);
    return next;
  };
  const fail = (ack: (r: unknown) => void) =>
    ack({ ok: false, error: { code: 'NOT_FOUND', message: 'No such job.' } });

  io.on('connection', (socket) => {
    current = socket;
    socket.emit('kiosk:state', s.greeting);
    socket.onAny((event: string, payload: unknown) => void s.received.push([event, payload]));
    socket.on('print:consent', (p: { jobId: string; accepted: boolean }, ack: (r: unknown) => void) => {
      const job = s.jobs.get(p.jobId);
      if (!job) return fail(ack);
      if (job.state !== 'offered') return ack({ ok: true, data: { job } });
      ack({ ok: true, data: { job: update(job, { state: p.accepted ? 'queued' : 'declined' }) } });
    });
    socket.on('print:status', (p: PaperStandIn['statuses'][number], ack: (r: unknown) => void) => {
      s.statuses.push(p);
      if (p.state !== 'printing' && s.loseFinalReports > 0) {
        s.loseFinalReports -= 1;
        return;
      }
      const job = s.jobs.get(p.jobId);
      if (!job) return fail(ack);
      const forward = PRINT_STATE_ORDER[p.state as PrintJob['state']] > PRINT_STATE_ORDER[job.state];
      if (!forward) return ack({ ok: true, data: { job } });
      const change = {
        state: p.state,
        reason: p.reason ?? null,
        detail: p.detail ?? null,
      } as Partial<PrintJob>;
      ack({ ok: true, data: { job: update(job, change) } });
    });
    for (const event of ['material:consent', 'material:cancel'])
      socket.on(event, (p: { requestId: string; accepted?: boolean }, ack: (r: unknown) => void) => {
        const state = event === 'material:cancel' ? 'cancelled' : p.accepted ? 'consented' : 'declined';
        ack({ ok: true, data: { request: materialRequest(p.requestId, state) } });
      });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body instanceof Uint8Array ? body : JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string) =>
      send(status, { error: { code, message } });
    if (req.headers.authorization !== `Bearer ${STAND_IN_TOKEN}`)
      return error(401, 'AUTH_INVALID', 'Bad token.');
    const file = /^\/api\/kiosk\/print-jobs\/([^/]+)\/file$/.exec(req.url ?? '');
    if (req.method === 'GET' && file) {
      const jobId = decodeURIComponent(file[1]!);
      s.downloads.push(jobId);
      const pdf = s.files.get(jobId);
      return pdf ? send(200, pdf, 'application/pdf') : error(404, 'NOT_FOUND', 'No such print job.');
    }
    const upload = /^\/api\/kiosk\/materials\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'POST' && upload) {
      const requestId = decodeURIComponent(upload[1]!);
      const bytes = Buffer.concat(chunks);
      s.uploads.push({ requestId, contentType: req.headers['content-type'] ?? '', bytes });
      const refusal = s.refuseNextUpload;
      s.refuseNextUpload = null;
      if (refusal) return error(refusal.status, refusal.code, refusal.message);
      const material: CaseMaterial = {
        materialId: `m-${s.uploads.length}`,
        caseId: 'c1',
        requestId,
        label: '户口本',
        mime: 'image/png',
        bytes: bytes.length,
        width: 1,
        height: 1,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        capturedAt: at,
      };
      return send(201, { material });
    }
    error(404, 'NOT_FOUND', 'No such route.');
  }

  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  s.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return s;
}
