import type { ReaderStatus } from '@rvw/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Ga467Device, sampleCards } from '@rvw/sim';
import { FrameParser, parseRequest } from './codec';
import { IdCardErrorCode } from './errors';
import { FakeTransport } from './fake-transport';
import { DefaultReconnectPolicy } from './reconnect';
import type { ReaderLogEntry } from './service';
import { IdCardReaderService } from './service';
import type { CardRead } from './types';

/** A "reader" that can be unplugged, replugged and hung; every open makes a fresh transport. */
class Bench {
  readonly device = new Ga467Device();
  plugged = true;
  hung = false;
  current: FakeTransport | null = null;
  opens = 0;

  factory = () => {
    this.opens += 1;
    const parser = new FrameParser();
    const t = new FakeTransport({
      failOpen: !this.plugged,
      respond: (bytes) => {
        if (this.hung) return undefined;
        const out: Buffer[] = [];
        for (const ev of parser.push(bytes))
          if (ev.type === 'frame') out.push(this.device.handle(parseRequest(ev.frame)));
        return out;
      },
    });
    this.current = t;
    return t;
  };

  unplug(): void {
    this.plugged = false;
    this.current?.unplug();
  }
}

function collect(service: IdCardReaderService) {
  const events: string[] = [];
  const cards: CardRead[] = [];
  const statuses: ReaderStatus[] = [];
  service.on('card', (c) => {
    cards.push(c);
    events.push(`card:${c.card.cardType}`);
  });
  service.on('removed', () => events.push('removed'));
  service.on('status', (s) => {
    statuses.push(s);
    events.push(`status:${s.state}`);
  });
  service.on('readError', (e) => events.push(`readError:${e.code}`));
  return { events, cards, statuses };
}

let bench: Bench;
let service: IdCardReaderService;
const logs: ReaderLogEntry[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  bench = new Bench();
  logs.length = 0;
  service = new IdCardReaderService({
    path: '/dev/fake',
    transportFactory: bench.factory,
    reconnectPolicy: new DefaultReconnectPolicy({ random: () => 0 }),
    log: (e) => logs.push(e),
  });
});

afterEach(async () => {
  await service.stop();
  vi.useRealTimers();
});

describe('IdCardReaderService (fake transport, fake timers)', () => {
  it('goes online after checking the SAM, and emits a card once per placement', async () => {
    const { events, cards } = collect(service);
    await service.start();
    expect(service.status).toEqual({ state: 'online' });
    bench.device.placeCard(sampleCards.resident);
    await vi.advanceTimersByTimeAsync(3000);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toEqual({ card: sampleCards.resident, samId: '05.01-20101111-0000012345-1234567890' });
    bench.device.placeCard(null);
    await vi.advanceTimersByTimeAsync(1000);
    bench.device.placeCard(sampleCards['hk-macao-taiwan']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['status:online', 'card:resident', 'removed', 'card:hk-macao-taiwan']);
  });

  it('keeps a card that answers find with 80 right after its read (select still works)', async () => {
    const { events } = collect(service);
    await service.start();
    bench.device.placeCard(sampleCards['foreign-permanent-2023']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(['status:online', 'card:foreign-permanent-2023']);
  });

  it('reports a failed SAM self-test as fault, and goes online once the SAM recovers', async () => {
    bench.device.samSelfTestFailed = true;
    const { statuses } = collect(service);
    await service.start();
    expect(service.status.state).toBe('fault');
    expect(service.status.reason).toBe(IdCardErrorCode.SamSelfTestFailed);
    expect(service.status.message).toMatch(/自检失败.*self-test/);
    bench.device.samSelfTestFailed = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.map((s) => s.state)).toEqual(['fault', 'online']);
  });

  it('reports offline at once on unplug, retries with backoff, and comes back online on replug', async () => {
    const { events, statuses } = collect(service);
    await service.start();
    bench.device.placeCard(sampleCards.resident);
    await vi.advanceTimersByTimeAsync(500);
    bench.unplug();
    await vi.advanceTimersByTimeAsync(0);
    expect(service.status).toMatchObject({ state: 'offline', reason: IdCardErrorCode.Disconnected });
    const opensBefore = bench.opens;
    await vi.advanceTimersByTimeAsync(4000);
    // 250, 500, 1000, 2000 ms: four attempts within four seconds, not a busy loop.
    expect(bench.opens - opensBefore).toBe(4);
    expect(service.status.reason).toBe(IdCardErrorCode.PortOpenFailed);
    bench.plugged = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(service.status.state).toBe('online');
    expect(events).toEqual([
      'status:online',
      'card:resident',
      'removed',
      'status:offline',
      'status:offline',
      'status:online',
      'card:resident',
    ]);
    expect(statuses.filter((s) => s.state === 'offline').map((s) => s.reason)).toEqual([
      IdCardErrorCode.Disconnected,
      IdCardErrorCode.PortOpenFailed,
    ]);
  });

  it('reports offline within 2 s when a hung reader stops answering (no close event)', async () => {
    collect(service);
    await service.start();
    bench.hung = true;
    await vi.advanceTimersByTimeAsync(1999);
    expect(service.status).toMatchObject({ state: 'offline', reason: IdCardErrorCode.Timeout });
    bench.hung = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(service.status.state).toBe('online');
  });

  it('emits readError for a card that cannot be decoded, at most maxReadAttempts times per placement', async () => {
    const { events } = collect(service);
    await service.start();
    const broken = Buffer.from(' '.repeat(128), 'utf16le');
    Buffer.from('Q', 'utf16le').copy(broken, 248);
    bench.device.placeRawText(broken);
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(['status:online', ...Array(3).fill('readError:IDCARD_UNKNOWN_CARD_TYPE')]);
    // Lifted and replaced by a good card: reading starts afresh.
    bench.device.placeCard(null);
    await vi.advanceTimersByTimeAsync(1000);
    bench.device.placeCard(sampleCards.resident);
    await vi.advanceTimersByTimeAsync(1000);
    expect(events.at(-1)).toBe('card:resident');
  });

  it('never puts card fields in its log', async () => {
    await service.start();
    bench.device.placeCard(sampleCards.resident);
    await vi.advanceTimersByTimeAsync(1000);
    bench.unplug();
    await vi.advanceTimersByTimeAsync(1000);
    const text = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(0);
    for (const v of ['310101', '李秀英', '黄浦', '1948']) expect(text).not.toContain(v);
  });

  it('stop() closes the port and reports disabled; start() again works', async () => {
    await service.start();
    await service.stop();
    expect(service.status).toMatchObject({ state: 'disabled', reason: 'IDCARD_STOPPED' });
    expect(bench.current?.isOpen).toBe(false);
    await service.start();
    expect(service.status.state).toBe('online');
  });

  it('validates options eagerly with TypeError naming the option', () => {
    expect(() => new IdCardReaderService({ path: '' })).toThrow(/path/);
    expect(() => new IdCardReaderService({ path: '/dev/x', pollIntervalMs: -1 })).toThrow(/pollIntervalMs/);
  });
});

describe('DefaultReconnectPolicy', () => {
  it('250 ms, 500 ms, 1 s, 2 s, 4 s, then 5 s, jitter after the first, capped at 5 s', () => {
    const p = new DefaultReconnectPolicy({ random: () => 0.999 });
    const d = [0, 1, 2, 3, 4, 5, 9].map((retryCount) => p.nextRetryDelayInMs({ retryCount, elapsedMs: 0 }));
    expect(d).toEqual([250, 749, 1249, 2249, 4249, 5000, 5000]);
  });

  it('gives up after maxRetries when asked to', () => {
    const p = new DefaultReconnectPolicy({ maxRetries: 2 });
    expect(p.nextRetryDelayInMs({ retryCount: 2, elapsedMs: 0 })).toBeNull();
  });
});
