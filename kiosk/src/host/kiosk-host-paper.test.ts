/**
 * The whole host prints through the printer module (printAndWait over the in-memory fake driver):
 * a crash's leftover print folders are removed at start, an agreed job comes out of the printer
 * once (a re-sent offer, a retried consent and a reconnect do not print it again), a printer out
 * of paper fails the job with its reason and leaves no file behind, and the health snapshot holds
 * the printer's state after each job. A stand-in server plays the signaling server.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventChannel } from '@rvw/shared';
import { FakePrinterDriver } from '../devices/printer';
import { dispatchBridgeCall } from './dispatch';
import { printJob, startPaperStandIn, STAND_IN_TOKEN, type PaperStandIn } from './features/paper-stand-in';
import { bootKioskHost, type KioskHost } from './kiosk-host';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });
const PDF = Buffer.from('%PDF-1.7 受理回执 %%EOF');
const consent = { accepted: true, consentText: '打印您的回执吗？', locale: 'zh-CN' as const };

describe('the kiosk host prints', () => {
  let stand: PaperStandIn;
  let tempRoot: string;
  let driver: FakePrinterDriver;
  let host: KioskHost | null;
  let logs: string[];
  let heard: Array<[BridgeEventChannel, unknown]>;

  beforeEach(async () => {
    stand = await startPaperStandIn();
    tempRoot = mkdtempSync(join(tmpdir(), 'rvw-host-paper-test-'));
    // What a crashed run left: a folder of a process that is gone, with a resident's PDF in it.
    const stale = join(tempRoot, `rvw-kiosk-print-${2 ** 30}-x1y2z3`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'document.pdf'), PDF);
    driver = new FakePrinterDriver({ printers: ['Front'] });
    logs = [];
    heard = [];
    const log = (m: string) => void logs.push(m);
    host = await bootKioskHost(
      {
        serverUrl: stand.url,
        kioskToken: STAND_IN_TOKEN,
        locale: 'zh-CN',
        idcard: null,
        demo: false,
        demoSimControl: null,
        fullscreen: false,
        printer: { name: 'Front', cupsUrl: 'http://127.0.0.1:9' },
      },
      {
        reader: null,
        logger: { info: log, warn: log, error: log },
        printerDriver: driver,
        printTempDir: tempRoot,
        printWait: { pollMs: 5, staleGraceMs: 0 },
      },
    );
    for (const channel of ['print:offer', 'print:state'] as const)
      host.events.on(channel, (e) => void heard.push([channel, e]));
    await until(() => expect(stand.socket()?.connected).toBe(true));
  });
  afterEach(async () => {
    await host?.close();
    await stand.close();
  });

  const offer = (jobId: string) => {
    const job = printJob(jobId, PDF);
    stand.jobs.set(jobId, job);
    stand.files.set(jobId, PDF);
    stand.socket().emit('print:offer', job);
    return job;
  };
  const agree = (jobId: string) => dispatchBridgeCall(host!.handlers, 'print:consent', { jobId, ...consent });
  const final = async (jobId: string) => {
    await until(() => expect(['done', 'failed']).toContain(stand.jobs.get(jobId)?.state));
    return stand.jobs.get(jobId)!;
  };

  it("removes a crash's print folders at start, and prints an agreed job exactly once", async () => {
    expect(readdirSync(tempRoot)).toEqual([]);
    expect(logs).toContain('print: removed 1 print folder(s) an earlier run left behind');

    offer('j1');
    await until(() => expect(heard).toHaveLength(1));
    expect(await agree('j1')).toMatchObject({ ok: true, data: { job: { state: 'queued' } } });
    expect(await final('j1')).toMatchObject({ state: 'done', reason: null });
    expect(driver.printed).toHaveLength(1);
    expect(driver.printed[0]!.bytes.equals(PDF)).toBe(true);
    expect(driver.printed[0]!.printer).toBe('Front');

    stand.socket().emit('print:offer', printJob('j1', PDF));
    expect(await agree('j1')).toMatchObject({ ok: true, data: { job: { state: 'done' } } });
    stand.socket().disconnect();
    await until(() => expect(host!.health().printer).toMatchObject({ name: 'Front', ready: true }));
    await new Promise((r) => setTimeout(r, 200));
    expect(driver.jobs).toHaveLength(1);
    expect(stand.downloads).toEqual(['j1']);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('fails a job on a printer out of paper with its reason, leaves no file, and the health shows it', async () => {
    driver.setProblem('out-of-paper');
    offer('j2');
    await until(() => expect(heard).toHaveLength(1));
    await agree('j2');
    expect(await final('j2')).toMatchObject({ state: 'failed', reason: 'out-of-paper' });
    expect(driver.printed).toEqual([]);
    expect(readdirSync(tempRoot)).toEqual([]);
    await until(() =>
      expect(host!.health().printer).toMatchObject({ ready: false, problem: 'out-of-paper' }),
    );
    expect(logs).toContain('printer: Front has a problem: out-of-paper');
    // The renderer heard the job's states as the server sent them.
    expect(heard.map(([, e]) => (e as { state: string }).state)).toEqual(
      expect.arrayContaining(['offered', 'queued', 'printing', 'failed']),
    );
  });
});
