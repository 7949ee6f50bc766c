import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, HealthReport } from '@rvw/shared';
import type { KioskState } from '@rvw/shared';
import { heartbeatReporter } from './reporter';
import type { Reporter } from './reporter';
import { sampleReport } from './test-report';

/** A fake server link port: records heartbeats, answers as told, greets on demand. */
function fakePort() {
  const sent: HealthReport[] = [];
  const greetings: Array<(s: KioskState) => void> = [];
  let answer: () => Promise<unknown> = async () => ({
    serverTime: new Date().toISOString(),
    nextInMs: 30_000,
  });
  return {
    sent,
    answerWith(fn: () => Promise<unknown>) {
      answer = fn;
    },
    greet() {
      for (const g of greetings) g({} as KioskState);
    },
    port: {
      request: vi.fn(async (event: string, payload: unknown) => {
        expect(event).toBe('kiosk:heartbeat');
        // Every report is one the server's schema takes.
        sent.push(HealthReport.parse(payload));
        return answer();
      }),
      onGreeting: (l: (s: KioskState) => void) => void greetings.push(l),
    },
  };
}

describe('heartbeat reporter', () => {
  let report: HealthReport;
  let connected: boolean;
  let fake: ReturnType<typeof fakePort>;
  let reporter: Reporter | null;
  let warnings: string[];
  let clockMs: number;

  beforeEach(() => {
    vi.useFakeTimers();
    report = sampleReport();
    connected = true;
    fake = fakePort();
    reporter = null;
    warnings = [];
    clockMs = 0;
  });
  afterEach(() => {
    reporter?.close();
    vi.useRealTimers();
  });

  function start() {
    reporter = heartbeatReporter({
      port: fake.port as never,
      collect: async () => ({ ...report, rttMs: reporter?.rttMs() ?? null }),
      connected: () => connected,
      logger: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
      intervalMs: 30_000,
      debounceMs: 1000,
      watchMs: 5000,
      clock: () => clockMs,
    });
    return reporter;
  }

  it('reports at start and every interval, carrying the previous round trip', async () => {
    fake.answerWith(async () => {
      clockMs += 42;
      return { serverTime: new Date().toISOString(), nextInMs: 30_000 };
    });
    start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.rttMs).toBeNull();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(fake.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[1]!.rttMs).toBe(42);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fake.sent).toHaveLength(3);
  });

  it('sends a second after a change (the reader unplugged), and not for uptime or memory alone', async () => {
    start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sent).toHaveLength(1);

    report = { ...report, uptimeS: 99, memory: { freeBytes: 5, totalBytes: 8_000_000_000 } };
    reporter!.notify();
    await vi.advanceTimersByTimeAsync(6000);
    expect(fake.sent).toHaveLength(1);

    report = { ...report, reader: { state: 'offline', reason: 'IDCARD_DISCONNECTED' } };
    reporter!.notify();
    await vi.advanceTimersByTimeAsync(900);
    expect(fake.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[1]!.reader).toEqual({ state: 'offline', reason: 'IDCARD_DISCONNECTED' });
  });

  it('a change heard while a check is reading is checked again, not left to the watch', async () => {
    reporter = heartbeatReporter({
      port: fake.port as never,
      // Reads the sources first, then takes its time (a slow disk).
      collect: async () => {
        const read = { ...report };
        await new Promise((r) => setTimeout(r, 100));
        return read;
      },
      connected: () => connected,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      intervalMs: 30_000,
      debounceMs: 1000,
      watchMs: 5000,
    });
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.sent).toHaveLength(1);
    reporter.notify();
    report = { ...report, reader: { state: 'offline', reason: 'IDCARD_DISCONNECTED' } };
    reporter.notify();
    await vi.advanceTimersByTimeAsync(1300);
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[1]!.reader.state).toBe('offline');
  });

  it('notices a change by itself (devices, printer) on its watch', async () => {
    start();
    await vi.advanceTimersByTimeAsync(0);
    report = {
      ...report,
      cameras: [],
      printer: { state: 'problem', name: 'Kiosk', problem: 'out-of-paper', message: null },
    };
    await vi.advanceTimersByTimeAsync(6000);
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[1]!.cameras).toEqual([]);
    expect(fake.sent[1]!.printer?.problem).toBe('out-of-paper');
  });

  it('keeps the report while the server is away and sends the latest when it greets again', async () => {
    connected = false;
    start();
    await vi.advanceTimersByTimeAsync(60_000);
    report = { ...report, busy: true, reader: { state: 'fault', reason: 'IDCARD_SAM_SELFTEST_FAILED' } };
    reporter!.notify();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.sent).toHaveLength(0);
    expect(reporter!.latest()?.reader.state).toBe('fault');

    connected = true;
    fake.greet();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ busy: true, reader: { state: 'fault' } });
    // A re-greeting with nothing new sends nothing more.
    fake.greet();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sent).toHaveLength(1);
  });

  it('a report lost in a timeout goes with the next greeting', async () => {
    fake.answerWith(async () => {
      throw BridgeError.serverUnreachable('no answer');
    });
    start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.port.request).toHaveBeenCalledTimes(1);
    expect(warnings.join('\n')).toContain('SERVER_UNREACHABLE');
    fake.answerWith(async () => ({ serverTime: new Date().toISOString(), nextInMs: 30_000 }));
    fake.greet();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.port.request).toHaveBeenCalledTimes(2);
  });

  it('after RATE_LIMITED, a change waits for the next beat', async () => {
    fake.answerWith(async () => {
      throw BridgeError.fromServer('RATE_LIMITED', 'slow down');
    });
    start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.port.request).toHaveBeenCalledTimes(1);
    fake.answerWith(async () => ({ serverTime: new Date().toISOString(), nextInMs: 30_000 }));

    report = { ...report, reader: { state: 'offline', reason: 'IDCARD_DISCONNECTED' } };
    reporter!.notify();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fake.port.request).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.port.request).toHaveBeenCalledTimes(2);
    expect(fake.sent[1]!.reader.state).toBe('offline');
    // Once through, changes go a second later again.
    report = { ...report, reader: { state: 'online' } };
    reporter!.notify();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.port.request).toHaveBeenCalledTimes(3);
  });

  it('sendNow sends at once without the debounce, and never waits for the answer', async () => {
    let release: () => void = () => undefined;
    start();
    await vi.advanceTimersByTimeAsync(0);
    fake.answerWith(() => new Promise((r) => (release = () => r({ serverTime: 'x', nextInMs: 1 }))));
    report = { ...report, busy: true };
    reporter!.sendNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sent).toHaveLength(2);
    release();
  });
});
