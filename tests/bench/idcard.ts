/**
 * bench:idcard — card placed on the (simulated) reader -> decoded 'card' event from the reader
 * service, over the real serialport library on a socat pty pair at 115200 baud. A pty ignores
 * baud, so the simulator paces its writes to 10 bits per byte; the figures are honest about the
 * wire, not about a real reader's RF time. Prints figures; asserts nothing.
 *   npm run bench:idcard [-- --reads 50 --poll 300]
 */
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { IdCardReaderService } from '@rvw/kiosk/idcard';
import { sampleCards, startSimulatedReaderLine } from '@rvw/sim';
import { ensureDebian } from '../../scripts/setup.mjs';
import { percentile } from './stats';

// The simulated line is a socat pty pair.
if (!ensureDebian(['socat'])) process.exit(1);

const { values } = parseArgs({
  options: { reads: { type: 'string', default: '50' }, poll: { type: 'string', default: '300' } },
});
const reads = Math.max(1, Number(values.reads));
const pollIntervalMs = Math.max(10, Number(values.poll));
const baudRate = 115200;
const wireMs = (bytes: number) => (bytes * 10 * 1000) / baudRate;

/** Bytes on the wire for one read: find, select, read text+photo, appended address (91). */
const sequence = [
  ['find', 10, 7 + 3 + 4 + 1],
  ['select', 10, 7 + 3 + 8 + 1],
  ['read', 10, 1295],
  ['appended address', 10, 7 + 3 + 1],
] as const;
const readFloorMs = wireMs(1295);
const sequenceFloorMs = wireMs(sequence.reduce((n, [, req, res]) => n + req + res, 0));

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const { pair, sim, dispose } = await startSimulatedReaderLine({ baudRate, pace: true });
const service = new IdCardReaderService({ path: pair.kioskPath, baudRate, pollIntervalMs });

let placedAt = 0;
let foundAt = 0;
sim.onRequest = (key, at) => {
  // The first find after the placement is the one that sees the card.
  if (key === '2001' && placedAt > 0 && foundAt === 0) foundAt = at;
};
let resolveCard: ((at: number) => void) | null = null;
let resolveRemoved: (() => void) | null = null;
service.on('card', () => resolveCard?.(performance.now()));
service.on('removed', () => resolveRemoved?.());

try {
  await service.start();
  if (service.status.state !== 'online')
    throw new Error(`reader not online: ${JSON.stringify(service.status)}`);
  const total: number[] = [];
  const readPath: number[] = [];
  const cards = Object.values(sampleCards);
  for (let i = 0; i < reads; i++) {
    // Place at a random phase of the poll cycle, as a person would.
    await delay(Math.random() * pollIntervalMs);
    const got = new Promise<number>((r) => (resolveCard = r));
    foundAt = 0;
    placedAt = performance.now();
    sim.placeCard(cards[i % cards.length]!);
    const at = await got;
    total.push(at - placedAt);
    readPath.push(at - foundAt);
    placedAt = 0;
    const removed = new Promise<void>((r) => (resolveRemoved = r));
    sim.placeCard(null);
    await removed;
  }
  total.sort((a, b) => a - b);
  readPath.sort((a, b) => a - b);
  const line = (name: string, xs: number[]) =>
    `${name.padEnd(34)} p50 ${fmt(percentile(xs, 50)).padStart(9)}   p95 ${fmt(percentile(xs, 95)).padStart(9)}   ` +
    `min ${fmt(xs[0]!).padStart(9)}   max ${fmt(xs.at(-1)!).padStart(9)}   p50/floor ${(percentile(xs, 50) / readFloorMs).toFixed(2)}x`;
  console.log(`bench:idcard — ${reads} reads, all four card kinds in turn, ${baudRate} baud 8N1 over socat`);
  console.log(
    `  the simulator paces its writes to ${baudRate} baud (10 bits/byte): a pty alone ignores baud`,
  );
  console.log(`  poll interval ${pollIntervalMs} ms; placement at a random phase of the poll cycle`);
  console.log(
    `  wire floor: 1,295-byte read response = ${fmt(readFloorMs)}; whole find+select+read+address sequence = ${fmt(sequenceFloorMs)}`,
  );
  console.log(line('placed -> card event', total));
  console.log(line('find request -> card event', readPath));
  console.log(
    `  (read path / sequence floor at p50: ${(percentile(readPath, 50) / sequenceFloorMs).toFixed(2)}x)`,
  );
} finally {
  await service.stop();
  await dispose();
}
