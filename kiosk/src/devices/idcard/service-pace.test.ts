/**
 * The reader service's adjustable pace (issue 13 #5): setPollInterval re-times only the pause
 * between polls; commands stay one at a time on the line and a read in progress always finishes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Ga467Device, sampleCards } from '@rvw/sim';
import { FrameParser, parseRequest } from './codec';
import { FakeTransport } from './fake-transport';
import { IdCardReaderService } from './service';
import type { CardRead } from './types';

/** A reader that answers each request after `delayFor(key)` ms, and notes any overlap. */
class SlowReader {
  readonly device = new Ga467Device();
  /** Requests as `CMD PARA` hex, with the fake clock's time. */
  readonly requests: { key: string; at: number }[] = [];
  outstanding = 0;
  overlaps = 0;
  delayFor: (key: string) => number = (key) => (key === '3001' ? 120 : 2);

  factory = () => {
    const parser = new FrameParser();
    const t: FakeTransport = new FakeTransport({
      respond: (bytes) => {
        for (const ev of parser.push(bytes)) {
          if (ev.type !== 'frame') continue;
          const req = parseRequest(ev.frame);
          const key = ((req.cmd << 8) | req.para).toString(16).padStart(4, '0');
          this.requests.push({ key, at: Date.now() });
          if (this.outstanding > 0) this.overlaps += 1;
          this.outstanding += 1;
          const answer = this.device.handle(req);
          setTimeout(() => {
            this.outstanding -= 1;
            t.inject(answer);
          }, this.delayFor(key));
        }
      },
    });
    return t;
  };

  finds(since = 0): number {
    return this.requests.filter((r) => r.key === '2001' && r.at >= since).length;
  }
}

let reader: SlowReader;
let service: IdCardReaderService;

function make(pollIntervalMs: number): void {
  service = new IdCardReaderService({ path: '/dev/fake', transportFactory: reader.factory, pollIntervalMs });
}

/** Starts the service: its SAM check waits on the fake clock, so the clock runs meanwhile. */
async function start(): Promise<void> {
  let settled = false;
  const started = service.start().then(() => (settled = true));
  for (let i = 0; i < 100 && !settled; i++) await vi.advanceTimersByTimeAsync(5);
  await started;
  expect(service.status.state).toBe('online');
}

beforeEach(() => {
  vi.useFakeTimers();
  reader = new SlowReader();
});

afterEach(async () => {
  await service?.stop();
  vi.useRealTimers();
});

describe('IdCardReaderService.setPollInterval', () => {
  it('polls about every interval: ~16 finds a second at 60 ms, 2 at 500 ms', async () => {
    make(60);
    await start();
    let t0 = Date.now();
    await vi.advanceTimersByTimeAsync(3000);
    const fast = reader.finds(t0);
    service.setPollInterval(500);
    await vi.advanceTimersByTimeAsync(500);
    t0 = Date.now();
    await vi.advanceTimersByTimeAsync(3000);
    const slow = reader.finds(t0);
    // One cycle is the pause plus the find's 2 ms answer.
    expect(fast).toBeGreaterThanOrEqual(45);
    expect(fast).toBeLessThanOrEqual(50);
    expect(slow).toBeGreaterThanOrEqual(5);
    expect(slow).toBeLessThanOrEqual(6);
    expect(service.pollIntervalMs).toBe(500);
  });

  it('a shorter interval cuts a long pause under way short; a longer one stretches it', async () => {
    make(10_000);
    await start();
    const before = reader.finds();
    await vi.advanceTimersByTimeAsync(200);
    expect(reader.finds()).toBe(before);
    // 200 ms of the 10 s pause have gone: at 60 ms, the next find is due at once.
    service.setPollInterval(60);
    await vi.advanceTimersByTimeAsync(3);
    expect(reader.finds()).toBe(before + 1);
    // Stretched right after a poll: nothing for a second, then one find.
    await vi.advanceTimersByTimeAsync(5);
    service.setPollInterval(1000);
    const at = reader.finds();
    await vi.advanceTimersByTimeAsync(990);
    expect(reader.finds()).toBe(at);
    await vi.advanceTimersByTimeAsync(20);
    expect(reader.finds()).toBe(at + 1);
  });

  it('a change during a read neither cuts it short nor sends anything before its answer', async () => {
    make(60);
    const cards: CardRead[] = [];
    service.on('card', (c) => cards.push(c));
    await start();
    reader.device.placeCard(sampleCards.resident);
    // Run until the read (30 01) has been asked.
    for (let i = 0; i < 200 && !reader.requests.some((r) => r.key === '3001'); i++)
      await vi.advanceTimersByTimeAsync(1);
    const readAt = reader.requests.find((r) => r.key === '3001')!.at;
    const sent = reader.requests.length;
    // Mode flips while the 120 ms answer is on its way, shortest last.
    service.setPollInterval(500);
    service.setPollInterval(20);
    await vi.advanceTimersByTimeAsync(60);
    service.setPollInterval(1000);
    service.setPollInterval(20);
    expect(reader.requests.length).toBe(sent);
    await vi.advanceTimersByTimeAsync(200);
    expect(cards.map((c) => c.card.cardType)).toEqual(['resident']);
    // The next request (the appended address, then finds) came only after the read's answer.
    const after = reader.requests.slice(sent);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]!.at).toBeGreaterThanOrEqual(readAt + 120);
    expect(reader.overlaps).toBe(0);
  });

  it('never overlaps commands at the fastest pace, with slow answers and many changes', async () => {
    reader.delayFor = () => 30;
    make(20);
    await start();
    for (let i = 0; i < 40; i++) {
      service.setPollInterval(i % 2 === 0 ? 20 : 700);
      if (i === 10) reader.device.placeCard(sampleCards.resident);
      if (i === 25) reader.device.placeCard(null);
      await vi.advanceTimersByTimeAsync(37);
    }
    expect(reader.requests.length).toBeGreaterThan(20);
    expect(reader.overlaps).toBe(0);
  });

  it('rejects an interval that is not a positive number', () => {
    make(60);
    expect(() => service.setPollInterval(0)).toThrow(/pollIntervalMs/);
    expect(() => service.setPollInterval(Number.NaN)).toThrow(/pollIntervalMs/);
    expect(service.pollIntervalMs).toBe(60);
  });
});
