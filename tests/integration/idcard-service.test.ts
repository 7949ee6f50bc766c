/**
 * The reader service over a real serial line: the serialport library on a socat pty pair, the
 * GA 467 simulator on the other end (its writes paced to 115200 baud).
 */
import type { ReaderStatus } from '@rvw/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DefaultReconnectPolicy, IdCardReaderService, type CardRead } from '@rvw/kiosk/idcard';
import {
  residentWithAppendedAddress,
  sampleCards,
  startSimulatedReaderLine,
  type Ga467Simulator,
  type PtyPair,
  type SimulatedReaderLine,
} from '@rvw/sim';

let line: SimulatedReaderLine | undefined;
let pair: PtyPair;
let sim: Ga467Simulator;
let service: IdCardReaderService | null = null;

beforeAll(async () => {
  line = await startSimulatedReaderLine();
  ({ pair, sim } = line);
});

afterAll(async () => {
  await line?.dispose();
});

afterEach(async () => {
  await service?.stop();
  service = null;
  sim.placeCard(null);
  sim.clearFaults();
  sim.setSamSelfTestFailed(false);
});

/** Starts a service on the kiosk end and records everything it says. */
async function startService(pollIntervalMs = 100) {
  const s = new IdCardReaderService({
    path: pair.kioskPath,
    pollIntervalMs,
    reconnectPolicy: new DefaultReconnectPolicy({ delays: [100, 200, 400], maxJitterMs: 50 }),
  });
  service = s;
  const log: string[] = [];
  const cards: CardRead[] = [];
  const statuses: ReaderStatus[] = [];
  s.on('card', (c) => {
    cards.push(c);
    log.push(`card:${c.card.cardType}`);
  });
  s.on('removed', () => log.push('removed'));
  s.on('status', (st) => {
    statuses.push(st);
    log.push(`status:${st.state}`);
  });
  await s.start();
  return { s, log, cards, statuses };
}

/** Resolves when `check` holds, polling; rejects with `what` after `ms` (a hang guard, not a timing check). */
async function until(check: () => boolean, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('IdCardReaderService on a socat pty pair', () => {
  it('reads every card kind once per placement, and notices each removal', async () => {
    const { cards, log } = await startService();
    expect(service?.status).toEqual({ state: 'online' });
    for (const card of Object.values(sampleCards)) {
      const before = cards.length;
      sim.placeCard(card);
      await until(() => cards.length === before + 1, `a ${card.cardType} card`);
      // Several more polls while the card stays: no repeat.
      await new Promise((r) => setTimeout(r, 400));
      sim.placeCard(null);
      await until(() => log.at(-1) === 'removed', 'removal');
    }
    expect(cards.map((c) => c.card)).toEqual(Object.values(sampleCards));
    expect(cards.every((c) => c.samId === '05.01-20101111-0000012345-1234567890')).toBe(true);
    expect(log.filter((l) => l.startsWith('card:'))).toHaveLength(4);
  });

  it('reads the appended address', async () => {
    const { cards } = await startService();
    sim.placeCard(residentWithAppendedAddress);
    await until(() => cards.length === 1, 'the card');
    expect(cards[0]!.card.appendedAddress).toBe(residentWithAppendedAddress.appendedAddress);
  });

  it('reads through line noise before responses and noise between them', async () => {
    const { cards } = await startService();
    sim.setFaults({ garbageBeforeResponse: 37 });
    await sim.injectNoise(Buffer.from('\x00\xff\x13garbage after plug-in\x96\x69'));
    sim.placeCard(sampleCards.resident);
    await until(() => cards.length === 1, 'the card');
    expect(cards[0]!.card).toEqual(sampleCards.resident);
  });

  it('reads responses written byte by byte (slow) and in pieces (split)', async () => {
    const { cards, log } = await startService();
    sim.setFaults({ slowWriteDelayMs: 1 });
    sim.placeCard(sampleCards['hk-macao-taiwan']);
    await until(() => cards.length === 1, 'the slow card', 15_000);
    sim.placeCard(null);
    await until(() => log.at(-1) === 'removed', 'removal', 15_000);
    sim.clearFaults();
    sim.setFaults({ splitWrites: 9 });
    sim.placeCard(sampleCards['foreign-permanent']);
    await until(() => cards.length === 2, 'the split card');
    expect(cards.map((c) => c.card)).toEqual([
      sampleCards['hk-macao-taiwan'],
      sampleCards['foreign-permanent'],
    ]);
  });

  it('recovers from responses with bad checksums by retrying', async () => {
    const { cards, statuses } = await startService();
    const reads = () => sim.requests.filter((r) => r === '3001').length;
    const readsBefore = reads();
    sim.placeCard(sampleCards.resident);
    // Corrupt the next two responses whatever they are (find, select or the read itself).
    sim.setFaults({ checksumErrors: 2 });
    await until(() => cards.length === 1, 'the card');
    expect(cards[0]!.card).toEqual(sampleCards.resident);
    expect(sim.currentFaults.checksumErrors).toBe(0);
    expect(reads() - readsBefore).toBeGreaterThanOrEqual(1);
    expect(statuses.map((s) => s.state)).toEqual(['online']);
  });

  it('reports a failed SAM self-test as fault with its reason, then online once it passes', async () => {
    sim.setSamSelfTestFailed(true);
    const { statuses } = await startService();
    expect(service?.status).toMatchObject({ state: 'fault', reason: 'IDCARD_SAM_SELFTEST_FAILED' });
    sim.setSamSelfTestFailed(false);
    await until(() => service?.status.state === 'online', 'online');
    expect(statuses.map((s) => s.state)).toEqual(['fault', 'online']);
  });

  it('reports a hung reader as offline (timeouts) and comes back when it answers again', async () => {
    const { statuses } = await startService();
    sim.setFaults({ silent: true });
    await until(() => service?.status.state === 'offline', 'offline');
    expect(service?.status.reason).toBe('IDCARD_TIMEOUT');
    sim.clearFaults();
    await until(() => service?.status.state === 'online', 'online again');
    expect(statuses.map((s) => s.state)).toEqual(['online', 'offline', 'online']);
  });

  it('unplug (kill socat) -> offline; replug (restart socat) -> online and reads a card, no restart', async () => {
    const { cards, log, statuses } = await startService();
    sim.placeCard(sampleCards.resident);
    await until(() => cards.length === 1, 'the first card');

    await pair.stop();
    await until(() => service?.status.state === 'offline', 'offline');
    expect(['IDCARD_DISCONNECTED', 'IDCARD_TIMEOUT']).toContain(
      statuses.find((s) => s.state === 'offline')?.reason,
    );
    // The card could not be vouched for while the reader was away.
    expect(log).toContain('removed');

    await pair.restart();
    await sim.reopen();
    await until(() => service?.status.state === 'online', 'online after replug');
    await until(() => cards.length === 2, 'the card read after replug');
    expect(cards[1]!.card).toEqual(sampleCards.resident);
    expect(log.filter((l) => l === 'status:online').length).toBe(2);
  });
});
