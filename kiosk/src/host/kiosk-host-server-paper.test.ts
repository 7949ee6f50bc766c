/**
 * Paper on the real signaling server: the kiosk host (in-memory printer) takes a number, the agent
 * accepts, closes a print-only case and prints its receipt; the resident agrees through the host,
 * which fetches the archived PDF with its credential and prints it once, and the agent sees `done`.
 * Then the agent asks for a material: the host uploads the picture; a picture the server refuses
 * comes back with the server's code, and the next one is taken, in the same session.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectAgent,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
} from '@rvw/signaling-server/testing';
import type { TestClient, TestServer } from '@rvw/signaling-server/testing';
import type { MaterialRequest, PrintJob } from '@rvw/shared';
import { FakePrinterDriver } from '../devices/printer';
import { testKioskConfig } from '../browser-shell/test-stack';
import { dispatchBridgeCall } from './dispatch';
import { bootKioskHost, type KioskHost } from './kiosk-host';

// Rendering the documents in a cold worker takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 90_000 });
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 45_000, interval: 20 });
const quiet = { info() {}, warn() {}, error() {} };
const PRINT_ONLY_ITEM = 'ltci-result-notice-print';

/** A real PNG of 4 x 3 grey pixels. */
function tinyPng(): Buffer {
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 4, 0, 0, 0, 3, 8, 0, 0, 0, 0]);
  const raw = Buffer.concat(Array.from({ length: 3 }, () => Buffer.from([0, 0x80, 0x80, 0x80, 0x80])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('paper through the kiosk host, on the real server', () => {
  let t: TestServer;
  let agent: TestClient;
  let host: KioskHost;
  let driver: FakePrinterDriver;
  let tempRoot: string;
  let offers: PrintJob[];
  let requests: MaterialRequest[];

  beforeEach(async () => {
    t = await startTestServer();
    const token = (await createTestKiosk(t.server)).token;
    agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    driver = new FakePrinterDriver({ printers: ['Front'] });
    tempRoot = mkdtempSync(join(tmpdir(), 'rvw-host-server-paper-'));
    host = await bootKioskHost(testKioskConfig(t.url, token, { printer: 'Front' }), {
      reader: null,
      logger: quiet,
      printerDriver: driver,
      printTempDir: tempRoot,
      printWait: { pollMs: 10 },
    });
    offers = [];
    requests = [];
    host.events.on('print:offer', (job) => void offers.push(job));
    host.events.on('material:state', (r) => void requests.push(r));
  });
  afterEach(async () => {
    await host.close();
    agent.close();
    await t.close();
  });

  /** The kiosk takes a number and the agent accepts it: the session's id. */
  async function openSession(): Promise<string> {
    await until(async () => expect((await host.handlers['server:sync']({})).connected).toBe(true));
    const { ticket } = await host.handlers['ticket:request']({});
    return okData(await agent.request('ticket:accept', { ticketId: ticket.id })).session.id;
  }

  it("prints the case's receipt once, from the archive, and the agent sees it done", async () => {
    const sessionId = await openSession();
    const { caseId } = okData(await agent.request('case:open', { sessionId, itemCode: PRINT_ONLY_ITEM }));
    okData(await agent.request('case:outcome', { caseId, record: { outcome: 'completed' } }));
    const { documents } = await agent.waitFor('case:documents', (d) => d.caseId === caseId, {
      timeoutMs: 60_000,
    });
    const document = documents[0]!;
    const { job } = okData(
      await agent.request('print:request', {
        sessionId,
        documentId: document.documentId,
        requestId: 'print-0001',
      }),
    );
    await until(() => expect(offers.map((o) => o.jobId)).toContain(job.jobId));
    const consent = {
      jobId: job.jobId,
      accepted: true,
      consentText: '我同意在本机打印这份材料。',
      locale: 'zh-CN',
    };
    expect(await dispatchBridgeCall(host.handlers, 'print:consent', consent)).toMatchObject({ ok: true });
    const done = await agent.waitFor('print:state', (j) => j.jobId === job.jobId && j.state === 'done', {
      timeoutMs: 30_000,
    });
    expect(done.reason).toBeNull();
    expect(driver.printed).toHaveLength(1);
    expect(createHash('sha256').update(driver.printed[0]!.bytes).digest('hex')).toBe(document.sha256);
    expect(driver.printed[0]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A retried consent answers with the finished job and prints nothing more.
    expect(await dispatchBridgeCall(host.handlers, 'print:consent', consent)).toMatchObject({
      ok: true,
      data: { job: { state: 'done' } },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(driver.jobs).toHaveLength(1);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('uploads a captured picture; a refused one keeps the request and the session', async () => {
    const sessionId = await openSession();
    const { caseId } = okData(await agent.request('case:open', { sessionId, itemCode: PRINT_ONLY_ITEM }));
    const { request } = okData(
      await agent.request('material:request', { sessionId, caseId, label: '户口簿本人页' }),
    );
    await until(() => expect(requests.map((r) => r.requestId)).toContain(request.requestId));
    const consent = {
      requestId: request.requestId,
      accepted: true,
      consentText: '我同意用高拍仪拍摄我的材料，并提交给社区事务受理服务中心。',
      locale: 'zh-CN',
    };
    expect(await dispatchBridgeCall(host.handlers, 'material:consent', consent)).toMatchObject({
      ok: true,
      data: { request: { state: 'consented' } },
    });
    // Not an image at all, though it says PNG: refused with the server's code and sentence.
    const junk = {
      requestId: request.requestId,
      mime: 'image/png',
      data: Buffer.from('not a picture').toString('base64'),
    };
    const refused = await dispatchBridgeCall(host.handlers, 'material:upload', junk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_MEDIA' } });
    expect((refused as { error: { message: string } }).error.message.length).toBeGreaterThan(10);

    const png = tinyPng();
    const upload = { requestId: request.requestId, mime: 'image/png', data: png.toString('base64') };
    const stored = await dispatchBridgeCall(host.handlers, 'material:upload', upload);
    expect(stored).toMatchObject({
      ok: true,
      data: { material: { requestId: request.requestId, width: 4, height: 3 } },
    });
    await agent.waitFor('material:state', (r) => r.requestId === request.requestId && r.state === 'captured');
    // The session went on throughout.
    expect(agent.all('session:ended')).toEqual([]);
  });
});
