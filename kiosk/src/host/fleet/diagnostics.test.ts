import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticResult } from '@rvw/shared';
import type { BridgeEventMap, DiagnosticKind } from '@rvw/shared';
import { busyTracker } from '../busy-state';
import { greetingWith } from '../features/test-greeting';
import type { PrinterHealth } from '../health';
import { diagnosticsAnswerer } from './diagnostics';
import type { DiagnosticsOptions } from './diagnostics';
import { fakeMachine, removeTrees, UOS_WITH_CAMERA } from './test-tree';

afterEach(removeTrees);

type Answer = { requestId: string; result: DiagnosticResult | null; error?: string };

/** A fake server link port: delivers diagnostics:request, records diagnostics:result. */
function fakePort() {
  let listener: ((p: { requestId: string; kind: DiagnosticKind }) => void) | null = null;
  const answers: Answer[] = [];
  return {
    answers,
    ask(requestId: string, kind: DiagnosticKind) {
      listener!({ requestId, kind });
    },
    port: {
      on: (event: string, l: never) => {
        expect(event).toBe('diagnostics:request');
        listener = l;
      },
      request: vi.fn(async (event: string, payload: Answer) => {
        expect(event).toBe('diagnostics:result');
        answers.push({ ...payload, result: payload.result && DiagnosticResult.parse(payload.result) });
        return {};
      }),
    },
  };
}

const printer: PrinterHealth = {
  name: 'Kiosk',
  condition: 'idle',
  accepting: true,
  problem: 'out-of-paper',
  message: null,
  ready: false,
  checkedAt: 'now',
};
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 3000, interval: 5 });

function setup(over: Partial<DiagnosticsOptions> = {}) {
  const fake = fakePort();
  const events = new EventEmitter<BridgeEventMap>();
  const busy = busyTracker(events);
  const restart = vi.fn();
  const root = fakeMachine(UOS_WITH_CAMERA);
  const answerer = diagnosticsAnswerer({
    port: fake.port as never,
    health: {
      snapshot: () => ({
        at: 'now',
        idcard: { state: 'fault', reason: 'IDCARD_SAM_SELFTEST_FAILED' },
        printer,
      }),
      refreshPrinter: async () => printer,
    },
    noPrinter: false,
    connected: () => true,
    rttMs: () => 23,
    turn: { check: async () => ({ result: 'skipped', summary: 'TURN not configured', exitCode: 0 }) },
    root,
    platform: 'linux',
    dataDir: root,
    logLines: () => ['2026-12-07T08:00:00.000Z info server: connected'],
    busy,
    restart,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...over,
  });
  return { fake, events, restart, answerer };
}

describe('diagnostics answerer', () => {
  it('answers logs with the ring’s lines', async () => {
    const { fake, answerer } = setup();
    fake.ask('r1', 'logs');
    await until(() => expect(fake.answers).toHaveLength(1));
    expect(fake.answers[0]).toEqual({
      requestId: 'r1',
      result: { kind: 'logs', lines: ['2026-12-07T08:00:00.000Z info server: connected'] },
    });
    answerer.close();
  });

  it('answers checks with kiosk-doctor’s exit codes', async () => {
    const { fake, answerer } = setup();
    fake.ask('r2', 'checks');
    await until(() => expect(fake.answers).toHaveLength(1));
    const result = fake.answers[0]!.result;
    expect(result?.kind).toBe('checks');
    const checks = result?.kind === 'checks' ? result.checks : [];
    expect(checks.map((c) => [c.name, c.ok, c.exitCode])).toEqual([
      ['reader', false, 5],
      ['printer', false, 9],
      ['cameras', true, 0],
      ['network', true, 0],
      ['disk', expect.any(Boolean), expect.any(Number)],
    ]);
    expect(checks[1]!.summary).toContain('out-of-paper');
    expect(checks[3]!.summary).toContain('23 ms');
    answerer.close();
  });

  it('answers INTERNAL when a check itself breaks', async () => {
    const { fake, answerer } = setup({
      health: {
        snapshot: () => {
          throw new Error('broken');
        },
        refreshPrinter: async () => printer,
      },
    });
    fake.ask('r6', 'checks');
    await until(() => expect(fake.answers).toHaveLength(1));
    expect(fake.answers[0]).toEqual({ requestId: 'r6', result: null, error: 'INTERNAL' });
    answerer.close();
  });

  it('restarts at once between sessions', async () => {
    const { fake, restart, answerer } = setup();
    fake.ask('r3', 'restart');
    await until(() => expect(restart).toHaveBeenCalledTimes(1));
    expect(fake.answers[0]).toEqual({ requestId: 'r3', result: { kind: 'restart', outcome: 'restarting' } });
    answerer.close();
  });

  it('defers a restart while a resident is at the kiosk, and restarts once they have gone', async () => {
    const { fake, events, restart, answerer } = setup();
    events.emit('kiosk:state', greetingWith('s1'));
    fake.ask('r4', 'restart');
    await until(() => expect(fake.answers).toHaveLength(1));
    expect(fake.answers[0]!.result).toEqual({ kind: 'restart', outcome: 'deferred' });
    await new Promise((r) => setTimeout(r, 20));
    expect(restart).not.toHaveBeenCalled();
    events.emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: '2026-12-07T08:10:00.000Z' });
    expect(restart).toHaveBeenCalledTimes(1);
    answerer.close();
  });

  it('a deferred restart is dropped on close', async () => {
    const { fake, events, restart, answerer } = setup();
    events.emit('session:opened', greetingWith('s1').session!);
    fake.ask('r5', 'restart');
    await until(() => expect(fake.answers).toHaveLength(1));
    answerer.close();
    events.emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: '2026-12-07T08:10:00.000Z' });
    expect(restart).not.toHaveBeenCalled();
  });
});
