/** printAndWait against a scripted driver: each reading of the job is given in advance. */
import { describe, expect, it, vi } from 'vitest';
import { PrinterError } from './errors';
import { printAndWait } from './print-and-wait';
import type { DeviceJobState, DeviceJobStatus, PrinterDriver, PrinterInfo, PrintProgress } from './types';

type Reading = { state: DeviceJobState; reasons?: string[]; jobReasons?: string[]; message?: string } | Error;

function info(over: Partial<PrinterInfo> = {}): PrinterInfo {
  return {
    name: 'Q',
    isDefault: true,
    condition: 'idle',
    accepting: true,
    reasons: [],
    problem: null,
    message: null,
    makeAndModel: null,
    ...over,
  };
}

/** A driver whose job() returns `readings` in turn (the last one repeats), with a fake clock. */
function scripted(readings: Reading[], printer: PrinterInfo | Error = info()) {
  let clock = 0;
  let i = 0;
  const driver: PrinterDriver = {
    kind: 'fake',
    list: async () => [],
    describe: vi.fn(async () => {
      if (printer instanceof Error) throw printer;
      return printer;
    }),
    submit: vi.fn(async () => ({ jobId: '7', printer: 'Q' })),
    job: vi.fn(async (): Promise<DeviceJobStatus> => {
      const r = readings[Math.min(i++, readings.length - 1)];
      if (r instanceof Error) throw r;
      const status: DeviceJobStatus = {
        jobId: '7',
        printer: 'Q',
        state: r.state,
        printerReasons: r.reasons ?? [],
        message: r.message ?? null,
      };
      if (r.jobReasons) status.jobPrinterReasons = r.jobReasons;
      return status;
    }),
    cancel: vi.fn(async () => {}),
  };
  const steps: PrintProgress[] = [];
  const run = (timeoutMs = 120_000) =>
    printAndWait(driver, '/tmp/x.pdf', {
      title: 'receipt',
      timeoutMs,
      onProgress: (p) => steps.push(p),
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
  return { driver, steps, run };
}

describe('printAndWait', () => {
  it('reports printing then done', async () => {
    const s = scripted([{ state: 'pending' }, { state: 'processing' }, { state: 'completed' }]);
    expect(await s.run()).toEqual({ state: 'done', jobId: '7', printer: 'Q' });
    expect(s.steps.map((p) => p.state)).toEqual(['printing', 'done']);
    expect(s.driver.cancel).not.toHaveBeenCalled();
  });

  it('polls every 250 ms by default', async () => {
    const s = scripted([{ state: 'processing' }, { state: 'completed' }]);
    const sleep = vi.fn(async () => {});
    await printAndWait(s.driver, '/tmp/x.pdf', { title: 't', sleep });
    expect(sleep).toHaveBeenCalledWith(250);
  });

  it('fails with no-printer when there is none, and sends nothing', async () => {
    const s = scripted([], PrinterError.noPrinter('Q'));
    expect(await s.run()).toMatchObject({ state: 'failed', reason: 'no-printer', jobId: null });
    expect(s.driver.submit).not.toHaveBeenCalled();
  });

  it('fails with no-printer when the print system cannot be reached', async () => {
    const s = scripted([], PrinterError.unreachable('http://localhost:631'));
    expect(await s.run()).toMatchObject({ state: 'failed', reason: 'no-printer' });
  });

  it('refuses a printer that is not accepting jobs, or stopped, before sending', async () => {
    const a = scripted([], info({ accepting: false, message: 'Rejecting Jobs' }));
    expect(await a.run()).toEqual({
      state: 'failed',
      reason: 'not-accepting',
      detail: 'Rejecting Jobs',
      jobId: null,
    });
    const b = scripted(
      [],
      info({ condition: 'stopped', problem: 'jammed', reasons: ['media-jam-error', 'paused'] }),
    );
    expect(await b.run()).toMatchObject({ state: 'failed', reason: 'jammed', jobId: null });
    const c = scripted([], info({ condition: 'stopped', problem: null }));
    expect(await c.run()).toMatchObject({ state: 'failed', reason: 'stopped' });
    for (const s of [a, b, c]) expect(s.driver.submit).not.toHaveBeenCalled();
  });

  it('cancels on out of paper while the job runs, with the system message as detail', async () => {
    const s = scripted([
      { state: 'processing' },
      { state: 'processing', reasons: ['media-empty-error'], message: 'Out of paper' },
    ]);
    expect(await s.run()).toEqual({
      state: 'failed',
      reason: 'out-of-paper',
      detail: 'Out of paper',
      jobId: '7',
    });
    expect(s.driver.cancel).toHaveBeenCalledWith('7', 'Q');
  });

  it('does not stop for a warning', async () => {
    const s = scripted([{ state: 'processing', reasons: ['toner-low-warning'] }, { state: 'completed' }]);
    expect((await s.run()).state).toBe('done');
  });

  it('aborted after offline-report was seen: offline, though the reason cleared at the end', async () => {
    const s = scripted([{ state: 'processing', reasons: ['offline-report'] }, { state: 'aborted' }], info());
    // offline-report blocks: the job is canceled at once.
    expect(await s.run()).toMatchObject({ state: 'failed', reason: 'offline' });
    const t = scripted([{ state: 'processing' }, { state: 'aborted', message: 'Filter failed' }]);
    expect(await t.run()).toEqual({
      state: 'failed',
      reason: 'unknown',
      detail: 'Filter failed',
      jobId: '7',
    });
  });

  it('a queue that stopped after a jam names the jam', async () => {
    const s = scripted([{ state: 'processing', reasons: ['media-jam-error'] }]);
    expect(await s.run()).toMatchObject({ reason: 'jammed' });
    const t = scripted([{ state: 'processing' }, { state: 'stopped' }]);
    expect(await t.run()).toMatchObject({ reason: 'stopped' });
    expect(t.driver.cancel).toHaveBeenCalled();
  });

  it('a reason left from an earlier job is not this job’s problem unless it stays', async () => {
    const printer = info({ reasons: ['media-empty-error'], problem: 'out-of-paper' });
    const cleared = scripted(
      [
        { state: 'processing', reasons: ['media-empty-error'] },
        { state: 'processing' },
        { state: 'completed' },
      ],
      printer,
    );
    expect((await cleared.run()).state).toBe('done');
    const stays = scripted([{ state: 'processing', reasons: ['media-empty-error'] }], printer);
    expect(await stays.run()).toMatchObject({ state: 'failed', reason: 'out-of-paper' });
    const back = scripted(
      [{ state: 'processing' }, { state: 'processing', reasons: ['media-empty-error'] }],
      printer,
    );
    expect(await back.run()).toMatchObject({ state: 'failed', reason: 'out-of-paper' });
  });

  it('reasons kept per job are trusted at once; the printer’s stale ones are not', async () => {
    const printer = info({ reasons: ['media-jam-error'], problem: 'jammed' });
    const fresh = scripted(
      [{ state: 'processing', reasons: ['media-jam-error'], jobReasons: ['media-jam-error'] }],
      printer,
    );
    expect(await fresh.run()).toMatchObject({ state: 'failed', reason: 'jammed' });
    expect(fresh.driver.job).toHaveBeenCalledTimes(1);
    const stale = { state: 'processing' as const, reasons: ['media-jam-error'], jobReasons: [] };
    const old = scripted(
      [stale, stale, stale, stale, stale, { state: 'completed', jobReasons: [] }],
      printer,
    );
    expect((await old.run()).state).toBe('done');
    const stopped = scripted([{ state: 'pending', reasons: ['paused'], jobReasons: [] }]);
    expect(await stopped.run()).toMatchObject({ reason: 'stopped' });
  });

  it('times out: cancels and fails with timeout', async () => {
    const s = scripted([{ state: 'processing' }]);
    expect(await s.run(5000)).toMatchObject({ state: 'failed', reason: 'timeout', jobId: '7' });
    expect(s.driver.cancel).toHaveBeenCalledWith('7', 'Q');
  });

  it('loses the print system mid-job: interrupted after repeated failed readings', async () => {
    const gone = PrinterError.unreachable('http://localhost:631');
    const s = scripted([{ state: 'processing' }, gone]);
    expect(await s.run()).toMatchObject({ state: 'failed', reason: 'interrupted', jobId: '7' });
    const blip = scripted([gone, gone, { state: 'completed' }]);
    expect((await blip.run()).state).toBe('done');
  });

  it('a failed submit is a failure, not a throw', async () => {
    const s = scripted([]);
    vi.mocked(s.driver.submit).mockRejectedValueOnce(PrinterError.notAccepting('Q'));
    expect(await s.run()).toMatchObject({ state: 'failed', reason: 'not-accepting', jobId: null });
    vi.mocked(s.driver.submit).mockRejectedValueOnce(new Error('socket hang up'));
    expect(await s.run()).toMatchObject({ state: 'failed', reason: 'unknown', detail: 'socket hang up' });
  });

  it('a throwing progress listener does not change the outcome', async () => {
    const s = scripted([{ state: 'completed' }]);
    const result = await printAndWait(s.driver, '/tmp/x.pdf', {
      title: 't',
      sleep: async () => {},
      onProgress: () => {
        throw new Error('listener');
      },
    });
    expect(result.state).toBe('done');
  });

  it('cuts a long system message to 300 characters', async () => {
    const s = scripted([{ state: 'aborted', message: 'x'.repeat(500) }]);
    const r = await s.run();
    expect(r.state === 'failed' && r.detail?.length).toBe(300);
  });
});
