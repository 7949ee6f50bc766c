import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventMap } from '@rvw/shared';
import { Ga467Device, sampleCards } from '@rvw/sim';
import { FrameParser, parseRequest } from '../devices/idcard/codec';
import { FakeTransport } from '../devices/idcard/fake-transport';
import { IdCardReaderService } from '../devices/idcard/service';
import type { ReaderServiceEvents } from '../devices/idcard/types';
import { busyTracker } from './busy-state';
import { greetingWith, ticketPosition as position } from './features/test-greeting';
import { DEFAULT_READER_PACE, readerPace } from './reader-pace';

/** A reader that only records the intervals it is given. */
class PaceProbe extends EventEmitter<ReaderServiceEvents> {
  readonly intervals: number[] = [];
  setPollInterval(ms: number): void {
    this.intervals.push(ms);
  }
}

function setup() {
  const events = new EventEmitter<BridgeEventMap>();
  const busy = busyTracker(events);
  const reader = new PaceProbe();
  const pace = readerPace(reader, busy, { idleMs: 60, servingMs: 500 });
  return { events, busy, reader, pace };
}

const card = { card: sampleCards.resident, samId: 'sam' };

describe('readerPace', () => {
  it('is fast while idle on welcome, and slow while a ticket waits or is served', () => {
    const { events, reader, pace } = setup();
    expect(pace.mode()).toBe('idle');
    expect(reader.intervals).toEqual([60]);
    events.emit('ticket:update', position('waiting'));
    expect(pace.mode()).toBe('serving');
    events.emit('ticket:update', position('serving'));
    events.emit('ticket:update', position('done'));
    expect(pace.mode()).toBe('idle');
    // Told only on a change, not for each event.
    expect(reader.intervals).toEqual([60, 500, 60]);
  });

  it('is slow while a session is open, also when a reconnect tells it by kiosk:state', () => {
    const { events, reader, pace } = setup();
    events.emit('kiosk:state', greetingWith('s1'));
    expect(pace.mode()).toBe('serving');
    events.emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: '2026-01-01T00:05:00.000Z' });
    expect(pace.mode()).toBe('idle');
    events.emit('session:opened', greetingWith('s2').session!);
    expect(reader.intervals).toEqual([60, 500, 60, 500]);
  });

  it('is slow while a card lies on the reader, and until both the card and the ticket are gone', () => {
    const { events, reader, pace } = setup();
    reader.emit('card', card);
    expect(pace.mode()).toBe('serving');
    events.emit('ticket:update', position('waiting'));
    reader.emit('removed');
    expect(pace.mode()).toBe('serving');
    events.emit('ticket:update', position('cancelled'));
    expect(pace.mode()).toBe('idle');
    expect(reader.intervals).toEqual([60, 500, 60]);
  });

  it('close() stops following: the reader keeps its last interval', () => {
    const { events, reader, pace } = setup();
    pace.close();
    events.emit('ticket:update', position('waiting'));
    reader.emit('card', card);
    expect(reader.intervals).toEqual([60]);
  });

  it('the defaults are 60 ms idle and 500 ms serving', () => {
    expect(DEFAULT_READER_PACE).toEqual({ idleMs: 60, servingMs: 500 });
  });
});

describe('readerPace driving the real reader service', () => {
  afterEach(() => vi.useRealTimers());

  it('a ticket taken in the middle of a read: the read finishes once, then polling slows down', async () => {
    vi.useFakeTimers();
    const device = new Ga467Device();
    const finds: number[] = [];
    let outstanding = 0;
    let overlaps = 0;
    let readAsked = false;
    const parser = new FrameParser();
    const transport: FakeTransport = new FakeTransport({
      respond: (bytes) => {
        for (const ev of parser.push(bytes)) {
          if (ev.type !== 'frame') continue;
          const req = parseRequest(ev.frame);
          if (req.cmd === 0x20 && req.para === 0x01) finds.push(Date.now());
          if (req.cmd === 0x30) readAsked = true;
          if (outstanding++ > 0) overlaps += 1;
          const answer = device.handle(req);
          // The 1,295-byte read takes ~115 ms at 115200 baud; the rest ~2 ms.
          setTimeout(
            () => {
              outstanding -= 1;
              transport.inject(answer);
            },
            req.cmd === 0x30 ? 115 : 2,
          );
        }
      },
    });
    const service = new IdCardReaderService({
      path: '/x',
      transportFactory: () => transport,
      pollIntervalMs: 60,
    });
    const events = new EventEmitter<BridgeEventMap>();
    const busy = busyTracker(events);
    const pace = readerPace(service, busy, { idleMs: 60, servingMs: 500 });
    const cards: string[] = [];
    service.on('card', (c) => cards.push(c.card.cardType));
    let online = false;
    const started = service.start().then(() => (online = true));
    for (let i = 0; i < 100 && !online; i++) await vi.advanceTimersByTimeAsync(5);
    await started;
    expect(service.pollIntervalMs).toBe(60);

    device.placeCard(sampleCards.resident);
    for (let i = 0; i < 200 && !readAsked; i++) await vi.advanceTimersByTimeAsync(1);
    expect(readAsked).toBe(true);
    // The mode changes while the read is on the wire.
    events.emit('ticket:update', position('waiting'));
    expect(pace.mode()).toBe('serving');
    await vi.advanceTimersByTimeAsync(300);
    expect(cards).toEqual(['resident']);
    expect(service.pollIntervalMs).toBe(500);
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(3000);
    const slow = finds.filter((t) => t >= t0).length;
    expect(slow).toBeGreaterThanOrEqual(5);
    expect(slow).toBeLessThanOrEqual(6);
    // The ticket done and the card lifted: fast again.
    events.emit('ticket:update', position('done'));
    device.placeCard(null);
    await vi.advanceTimersByTimeAsync(1500);
    expect(pace.mode()).toBe('idle');
    expect(service.pollIntervalMs).toBe(60);
    expect(overlaps).toBe(0);
    pace.close();
    busy.close();
    await service.stop();
  });
});
