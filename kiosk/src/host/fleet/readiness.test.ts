import { describe, expect, it, vi } from 'vitest';
import type { ReaderStatus } from '@rvw/shared';
import type { PrinterHealth } from '../health';
import { checkReadiness } from './readiness';
import type { ReadinessSources } from './readiness';
import { turnProbe, turnWithCredentials } from './turn-probe';
import type { TurnOutcome } from './turn-probe';

const ok = { ok: true, label: 'HD USB Camera' };
const printerReady: PrinterHealth = {
  name: 'Kiosk',
  condition: 'idle',
  accepting: true,
  problem: null,
  message: null,
  ready: true,
  checkedAt: '2026-12-07T08:00:00.000Z',
};
const skippedTurn: TurnOutcome = { result: 'skipped', summary: 'not configured', exitCode: 0 };

function sources(over: {
  connected?: boolean;
  printer?: PrinterHealth | null;
  reader?: ReaderStatus;
  turn?: TurnOutcome;
  noPrinter?: boolean;
}): ReadinessSources {
  const printer = over.printer === undefined ? printerReady : over.printer;
  return {
    connected: () => over.connected ?? true,
    health: {
      snapshot: () => ({ at: 'now', idcard: over.reader ?? { state: 'online' }, printer }),
      refreshPrinter: async () => printer!,
    },
    noPrinter: over.noPrinter ?? false,
    turn: { check: async () => over.turn ?? skippedTurn },
    now: () => new Date('2026-12-07T08:00:00.000Z'),
  };
}
const part = (r: { checks: { part: string }[] }, p: string) => r.checks.find((c) => c.part === p);

describe('readiness', () => {
  it('can call when everything is ready (TURN not configured is skipped)', async () => {
    const r = await checkReadiness({ camera: ok, microphone: ok }, sources({}));
    expect(r.canCall).toBe(true);
    expect(r.checks.map((c) => `${c.part}:${c.result}`)).toEqual([
      'camera:ok',
      'microphone:ok',
      'server:ok',
      'reader:ok',
      'printer:ok',
      'turn:skipped',
    ]);
  });

  it('cannot call without a camera', async () => {
    const r = await checkReadiness(
      { camera: { ok: false, error: 'NotFoundError' }, microphone: ok },
      sources({}),
    );
    expect(r.canCall).toBe(false);
    expect(part(r, 'camera')).toEqual({ part: 'camera', result: 'problem', code: 'NotFoundError' });
  });

  it('can call with the printer out of paper or the reader unplugged, showing both as problems', async () => {
    const r = await checkReadiness(
      { camera: ok, microphone: ok },
      sources({
        printer: { ...printerReady, problem: 'out-of-paper', ready: false },
        reader: { state: 'offline', reason: 'IDCARD_DISCONNECTED' },
      }),
    );
    expect(r.canCall).toBe(true);
    expect(part(r, 'printer')).toEqual({ part: 'printer', result: 'problem', code: 'out-of-paper' });
    expect(part(r, 'reader')).toEqual({ part: 'reader', result: 'problem', code: 'IDCARD_DISCONNECTED' });
  });

  it('cannot call with the server away (TURN is then not tried) or a failing TURN', async () => {
    const check = vi.fn(async (): Promise<TurnOutcome> => ({ result: 'ok', summary: 'ok', exitCode: 0 }));
    const away = await checkReadiness(
      { camera: ok, microphone: ok },
      { ...sources({ connected: false }), turn: { check } },
    );
    expect(away.canCall).toBe(false);
    expect(part(away, 'server')).toMatchObject({ result: 'problem', code: 'SERVER_UNREACHABLE' });
    expect(check).not.toHaveBeenCalled();

    const turn = await checkReadiness(
      { camera: ok, microphone: ok },
      sources({ turn: { result: 'problem', code: 'TURN_FAILED', summary: 'refused', exitCode: 16 } }),
    );
    expect(turn.canCall).toBe(false);
    expect(part(turn, 'turn')).toEqual({ part: 'turn', result: 'problem', code: 'TURN_FAILED' });
  });

  it('does not wait long for a slow printer: the last reading serves', async () => {
    const s = sources({ printer: { ...printerReady, problem: 'stopped', ready: false } });
    s.health.refreshPrinter = () => new Promise(() => undefined);
    s.printerWaitMs = 50;
    const r = await checkReadiness({ camera: ok, microphone: ok }, s);
    expect(part(r, 'printer')).toMatchObject({ result: 'problem', code: 'stopped' });
  });

  it('skips the printer on a kiosk without one', async () => {
    const r = await checkReadiness(
      { camera: ok, microphone: ok },
      sources({ noPrinter: true, printer: null }),
    );
    expect(part(r, 'printer')).toEqual({ part: 'printer', result: 'skipped' });
  });
});

describe('TURN probe', () => {
  const turnServer = {
    urls: ['stun:turn.example:3478', 'turn:turn.example:3478?transport=udp'],
    username: 'u',
    credential: 'secret',
  };

  it('checks only a turn: URL with credentials', () => {
    expect(turnWithCredentials([{ urls: 'turn:turn.example' }])).toBeNull();
    expect(turnWithCredentials([{ urls: 'stun:stun.example', username: 'u', credential: 'c' }])).toBeNull();
    expect(turnWithCredentials([turnServer])).toMatchObject({
      url: 'turn:turn.example:3478?transport=udp',
      target: { host: 'turn.example', port: 3478, transport: 'udp' },
      username: 'u',
    });
  });

  it('allocates once a minute at most, and says TURN_FAILED when it fails', async () => {
    let t = 0;
    const step = vi.fn(async () => ({ ok: false as const, summary: 'wrong credentials', details: {} }));
    const probe = turnProbe({ iceServers: () => [turnServer], step, now: () => t });
    expect(await probe.check()).toMatchObject({ result: 'problem', code: 'TURN_FAILED', exitCode: 16 });
    t = 59_000;
    await probe.check();
    expect(step).toHaveBeenCalledTimes(1);
    t = 61_000;
    await probe.check();
    expect(step).toHaveBeenCalledTimes(2);
  });

  it('gives up after its bound', async () => {
    const probe = turnProbe({
      iceServers: () => [turnServer],
      step: () => new Promise(() => undefined),
      timeoutMs: 50,
    });
    expect(await probe.check()).toMatchObject({ result: 'problem', code: 'TURN_FAILED' });
  });

  it('is skipped with no TURN configured', async () => {
    const step = vi.fn();
    const probe = turnProbe({ iceServers: () => [{ urls: 'stun:stun.example' }], step });
    expect(await probe.check()).toMatchObject({ result: 'skipped' });
    expect(step).not.toHaveBeenCalled();
  });
});
