/**
 * The print link runs each agreed job exactly once — a re-sent offer, a retried consent, a
 * reconnect's re-sent state never print again — checks the download's digest and reports failures
 * with their reason, keeps the PDF in a private temp folder only while the job runs, reports a job
 * it did not start as interrupted (never reprinting it), and logs no personal data. A stand-in
 * server (socket.io and the two HTTP routes) plays the signaling server.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventChannel } from '@rvw/shared';
import { paperHttp } from '../paper-http';
import { removeStalePrintFolders } from '../print-files';
import { printJob, startPaperStandIn, STAND_IN_TOKEN, type PaperStandIn } from './paper-stand-in';
import { printLinkFeature, type PrintLinkFeature, type PrintOutcome, type PrintRun } from './print-link';
import { recordingContext, type RecordedEvent } from './recording-context';
import { serverLinkFeature, type ServerLinkFeature } from './server-link';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });
const PDF = new TextEncoder().encode('%PDF-1.7 receipt of 李秀英 %%EOF');
const consent = { accepted: true, consentText: '打印您的回执吗？', locale: 'zh-CN' as const };

interface Printed {
  title: string;
  content: string;
  dirMode: number;
  fileMode: number;
}

describe('print link', () => {
  let stand: PaperStandIn;
  let tempRoot: string;
  let events: RecordedEvent[];
  let logs: string[];
  let link: ServerLinkFeature | null;
  let printing: PrintLinkFeature | null;
  let printed: Printed[];
  let outcome: PrintOutcome;

  let printImpl: PrintRun;
  const recordPrint: PrintRun = async (file, { title }) => {
    printed.push({
      title,
      content: readFileSync(file, 'utf8'),
      dirMode: statSync(dirname(file)).mode & 0o777,
      fileMode: statSync(file).mode & 0o777,
    });
    return outcome;
  };

  beforeEach(async () => {
    printed = [];
    printImpl = recordPrint;
    outcome = { state: 'done', jobId: '7', printer: 'Q' };
    tempRoot = mkdtempSync(join(tmpdir(), 'rvw-print-link-test-'));
    stand = await startPaperStandIn();
    const recorded = recordingContext(stand.url, STAND_IN_TOKEN);
    events = recorded.events;
    logs = recorded.logs;
    // A lost report is given up on quickly.
    link = serverLinkFeature(recorded.ctx, { requestTimeoutMs: 300 });
    const http = paperHttp(recorded.ctx.config, { fetch, timeoutMs: 2000 });
    printing = printLinkFeature(recorded.ctx, link.port, {
      print: (file, options) => printImpl(file, options),
      http,
      tempRoot,
    });
    await until(() => expect(named('kiosk:state')).toHaveLength(1));
  });
  afterEach(async () => {
    await printing?.close();
    await link?.close();
    await stand.close();
  });

  const named = (channel: BridgeEventChannel) =>
    events.filter((e) => e.channel === channel).map((e) => e.event);
  const offer = (jobId: string, pdf = PDF, overrides = {}) => {
    const job = printJob(jobId, pdf, overrides);
    stand.jobs.set(jobId, job);
    stand.files.set(jobId, pdf);
    stand.socket().emit('print:offer', job);
    return job;
  };
  const finalState = (jobId: string) => stand.jobs.get(jobId)?.state;
  const settled = async (jobId: string) => {
    await until(() => expect(['done', 'failed']).toContain(finalState(jobId)));
    await printing!.idle();
  };

  it('prints an agreed job once, even when the offer is re-sent, the consent retried and the link reconnects', async () => {
    offer('j1');
    await until(() => expect(named('print:offer')).toHaveLength(1));
    const ack = await printing!.handlers['print:consent']({ jobId: 'j1', ...consent });
    expect(ack.job.state).toBe('queued');
    await settled('j1');
    expect(printed).toEqual([
      { title: '受理回执', content: new TextDecoder().decode(PDF), dirMode: 0o700, fileMode: 0o600 },
    ]);
    expect(stand.statuses.map((s) => s.state)).toEqual(['printing', 'done']);

    // The same offer again, a retried consent, the queued state re-sent, and a reconnect.
    stand.socket().emit('print:offer', printJob('j1', PDF));
    await printing!.handlers['print:consent']({ jobId: 'j1', ...consent });
    stand.socket().emit('print:state', { ...stand.jobs.get('j1')!, state: 'queued' });
    stand.socket().disconnect();
    await until(() => expect(named('kiosk:state')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 100));
    await printing!.idle();
    expect(printed).toHaveLength(1);
    expect(stand.downloads).toEqual(['j1']);
    // A re-sent queued state after the done report was taken is stale: no second report either.
    expect(stand.statuses.map((s) => s.state)).toEqual(['printing', 'done']);
    // The renderer heard every state, and the logs hold ids and states only.
    expect(named('print:state').map((j) => (j as { state: string }).state)).toEqual(
      expect.arrayContaining(['queued', 'printing', 'done']),
    );
    expect(logs.join('\n')).not.toMatch(/李秀英|回执|打印您的/);
  });

  it('tells the server the end again when its report was lost, without printing again', async () => {
    stand.loseFinalReports = 1;
    offer('j11');
    await until(() => expect(named('print:offer')).toHaveLength(1));
    await printing!.handlers['print:consent']({ jobId: 'j11', ...consent });
    await until(() => expect(stand.statuses.map((s) => s.state)).toEqual(['printing', 'done']));
    await until(() => expect(logs.join('\n')).toMatch(/j11: the done report did not reach the server/));
    expect(finalState('j11')).toBe('printing');
    // The server still thinks the job is printing and says so again (as after a reconnect).
    stand.socket().emit('print:state', stand.jobs.get('j11'));
    await until(() => expect(finalState('j11')).toBe('done'));
    expect(stand.statuses.map((s) => s.state)).toEqual(['printing', 'done', 'done']);
    expect(printed).toHaveLength(1);
    expect(stand.downloads).toEqual(['j11']);
  });

  it('does not print a file whose digest is not the archived one, and says so', async () => {
    offer('j2', PDF, { sha256: 'b'.repeat(64) });
    await until(() => expect(named('print:offer')).toHaveLength(1));
    await printing!.handlers['print:consent']({ jobId: 'j2', ...consent });
    await settled('j2');
    expect(printed).toEqual([]);
    expect(stand.jobs.get('j2')).toMatchObject({ state: 'failed', reason: 'digest-mismatch' });
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('reports a download that fails as download-failed with the server code, printing nothing', async () => {
    offer('j3');
    stand.files.delete('j3');
    await until(() => expect(named('print:offer')).toHaveLength(1));
    await printing!.handlers['print:consent']({ jobId: 'j3', ...consent });
    await settled('j3');
    expect(printed).toEqual([]);
    expect(stand.jobs.get('j3')).toMatchObject({ state: 'failed', reason: 'download-failed' });
    expect(stand.jobs.get('j3')?.detail).toMatch(/NOT_FOUND/);
  });

  it('keeps the file only while the job runs: gone after done and after a printer failure', async () => {
    let during: string[] = [];
    printImpl = async (file, options) => {
      during = readdirSync(tempRoot);
      return recordPrint(file, options);
    };
    offer('j4');
    await until(() => expect(named('print:offer')).toHaveLength(1));
    await printing!.handlers['print:consent']({ jobId: 'j4', ...consent });
    await settled('j4');
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(new RegExp(`^rvw-kiosk-print-${process.pid}-`));
    expect(readdirSync(tempRoot)).toEqual([]);

    outcome = { state: 'failed', reason: 'out-of-paper', detail: 'media-empty-error', jobId: '8' };
    offer('j5');
    await until(() => expect(named('print:offer')).toHaveLength(2));
    await printing!.handlers['print:consent']({ jobId: 'j5', ...consent });
    await settled('j5');
    expect(stand.jobs.get('j5')).toMatchObject({
      state: 'failed',
      reason: 'out-of-paper',
      detail: 'media-empty-error',
    });
    expect(readdirSync(tempRoot)).toEqual([]);

    // A printer module that throws still ends the job, and the folder still goes.
    printImpl = async () => {
      during = readdirSync(tempRoot);
      throw Object.assign(new Error('No printer is installed.'), { code: 'NO_PRINTER' });
    };
    offer('j6');
    await until(() => expect(named('print:offer')).toHaveLength(3));
    await printing!.handlers['print:consent']({ jobId: 'j6', ...consent });
    await settled('j6');
    expect(during).toHaveLength(1);
    expect(stand.jobs.get('j6')).toMatchObject({ state: 'failed', reason: 'no-printer' });
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('reports a job it hears of as queued or printing but never ran as interrupted, and never prints it', async () => {
    for (const [jobId, state] of [
      ['j7', 'queued'],
      ['j8', 'printing'],
    ] as const) {
      const job = printJob(jobId, PDF, { state });
      stand.jobs.set(jobId, job);
      stand.files.set(jobId, PDF);
      stand.socket().emit('print:state', job);
    }
    await until(() => expect(finalState('j7')).toBe('failed'));
    await until(() => expect(finalState('j8')).toBe('failed'));
    expect(stand.jobs.get('j7')?.reason).toBe('interrupted');
    expect(stand.jobs.get('j8')?.reason).toBe('interrupted');
    expect(printed).toEqual([]);
    expect(stand.downloads).toEqual([]);
  });

  it('does not print a declined job, and gives a reloaded screen the waiting offer back', async () => {
    offer('j9');
    offer('j10');
    await until(() => expect(named('print:offer')).toHaveLength(2));
    const ack = await printing!.handlers['print:consent']({ jobId: 'j9', ...consent, accepted: false });
    expect(ack.job.state).toBe('declined');
    const before = events.length;
    await link!.handlers['server:sync']({});
    const after = events.slice(before).map((e) => [e.channel, (e.event as { jobId?: string }).jobId]);
    expect(after).toEqual([
      ['kiosk:state', undefined],
      ['print:offer', 'j10'],
    ]);
    await new Promise((r) => setTimeout(r, 50));
    expect(printed).toEqual([]);
  });
});

describe('stale print folders', () => {
  it("removes the folders of dead processes, and leaves live ones and names not of the kiosk's form", async () => {
    const root = mkdtempSync(join(tmpdir(), 'rvw-print-stale-test-'));
    const deadPid = 2 ** 30; // above any Linux pid_max
    const kept = [
      `rvw-kiosk-print-${process.pid}-own123`,
      'rvw-kiosk-print-junk',
      `rvw-kiosk-print-${deadPid}-abc`,
      'rvw-print-link-test-a1b2c3',
      'other',
    ];
    for (const name of [`rvw-kiosk-print-${deadPid}-abc123`, ...kept]) mkdirSync(join(root, name));
    expect(await removeStalePrintFolders(root)).toBe(1);
    expect(readdirSync(root).sort()).toEqual([...kept].sort());
  });
});
