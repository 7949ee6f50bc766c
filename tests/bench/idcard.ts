/**
 * bench:idcard (issue 13 #5) — a card placed on the (simulated) reader → the greeting on the kiosk's
 * screen, at the old fixed poll (300 ms) and with adaptive polling (60 ms idle on welcome, 500 ms
 * serving), and the load each puts on the serial line.
 *
 * 1. Driver: placed → decoded `card` event of the reader service alone (as before), at each idle
 *    interval, over the real serialport library on a socat pty pair at 115200 baud.
 * 2. On screen (tests/bench/idcard-screen.ts): the kiosk stack (simulator on socat, kiosk host with
 *    its reader service, web host) and the kiosk renderer in Chromium against a test server:
 *    placed → the host's `idcard:card`, placed → greeting in the DOM and in a painted frame; in
 *    the order old, adaptive, adaptive, old (half the reads each), so that drifting load hits both.
 * 3. Line load from the simulator's own byte and request counts, in three states: idle on welcome,
 *    a card on the reader (greeting), a ticket waiting without a card.
 *
 * A pty ignores baud, so the simulator paces its writes to 10 bits per byte; the figures are honest
 * about the wire, not about a real reader's RF time. Prints figures; asserts nothing.
 *   npm run bench:idcard [-- --reads 30 --old 300 --idle 60 --serving 500 --load 5]
 *   RVW_BENCH_READS (default 30, 1..500) sets --reads; RVW_BENCH_LOAD_SECONDS (default 5) sets --load.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { IdCardReaderService } from '@rvw/kiosk/idcard';
import { DEFAULT_IDLE_POLL_MS, DEFAULT_SERVING_POLL_MS } from '@rvw/kiosk';
import { startTestServer } from '@rvw/signaling-server/testing';
import { sampleCards, startSimulatedReaderLine } from '@rvw/sim';
import { launchChromium } from '@rvw/sim/browser';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';
import { measureOnScreen, type Pace, type ScreenFigures } from './idcard-screen';
import { percentile } from './stats';

if (!ensureDebian(['socat', 'chromium'])) process.exit(1);

const { values } = parseArgs({
  options: {
    reads: { type: 'string', default: process.env.RVW_BENCH_READS ?? '30' },
    old: { type: 'string', default: '300' },
    idle: { type: 'string', default: String(DEFAULT_IDLE_POLL_MS) },
    serving: { type: 'string', default: String(DEFAULT_SERVING_POLL_MS) },
    load: { type: 'string', default: process.env.RVW_BENCH_LOAD_SECONDS ?? '5' },
  },
});
const bounded = (name: string, v: string | undefined, min: number, max: number): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be ${min}..${max}`);
  return n;
};
const reads = Math.round(bounded('reads (RVW_BENCH_READS)', values.reads, 1, 500));
const loadSeconds = bounded('load (RVW_BENCH_LOAD_SECONDS)', values.load, 1, 60);
const oldPace: Pace = {
  label: 'old fixed',
  idleMs: bounded('old', values.old, 20, 10_000),
  servingMs: bounded('old', values.old, 20, 10_000),
};
const newPace: Pace = {
  label: 'adaptive',
  idleMs: bounded('idle', values.idle, 20, 10_000),
  servingMs: bounded('serving', values.serving, 20, 10_000),
};
const baudRate = 115200;
const wireMs = (bytes: number) => (bytes * 10 * 1000) / baudRate;
const readFloorMs = wireMs(1295);
/** Bytes on the wire for one read: find, select, read text+photo, appended address (91). */
const sequenceFloorMs = wireMs(10 + 15 + 10 + 19 + 10 + 1295 + 10 + 11);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9);
const line = (name: string, xs: number[]) =>
  xs.length === 0
    ? `  ${name.padEnd(40)} (no reads)`
    : `  ${name.padEnd(40)} p50 ${fmt(percentile(xs, 50))}   p95 ${fmt(percentile(xs, 95))}   ` +
      `min ${fmt(Math.min(...xs))}   max ${fmt(Math.max(...xs))}   n=${xs.length}`;

/** Placed → `card` event from the reader service alone, polling every `pollIntervalMs`. */
async function driverReads(pollIntervalMs: number): Promise<{ total: number[]; readPath: number[] }> {
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
  const total: number[] = [];
  const readPath: number[] = [];
  try {
    await service.start();
    if (service.status.state !== 'online')
      throw new Error(`reader not online: ${JSON.stringify(service.status)}`);
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
  } finally {
    await service.stop();
    await dispose();
  }
  return { total, readPath };
}

console.log(
  `bench:idcard — ${new Date().toISOString()}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `  ${reads} reads per case, the four card kinds in turn, ${baudRate} baud 8N1 over socat (the simulator paces`,
);
console.log(
  `  its writes to 10 bits/byte: a pty alone ignores baud); placements at a random phase of the poll cycle`,
);
console.log(
  `  wire floor: 1,295-byte read response = ${fmt(readFloorMs).trim()}; find+select+read+address = ${fmt(sequenceFloorMs).trim()}`,
);

console.log(`\n1. Driver alone: placed -> card event of the reader service`);
for (const ms of [oldPace.idleMs, newPace.idleMs]) {
  const { total, readPath } = await driverReads(ms);
  console.log(line(`poll ${ms} ms: placed -> card event`, total));
  console.log(line(`poll ${ms} ms: find request -> card event`, readPath));
}

ensureBuilds({ only: ['kiosk'] });
const server = await startTestServer();
const browser = await launchChromium();
// In the order old, adaptive, adaptive, old (half the reads each time), so that a machine whose
// load drifts during the run weighs on both alike. The line load is from the first of each.
const results: ScreenFigures[] = [];
try {
  const half = [Math.ceil(reads / 2), Math.max(1, Math.floor(reads / 2))];
  for (const [pace, n] of [
    [oldPace, half[0]!],
    [newPace, half[0]!],
    [newPace, half[1]!],
    [oldPace, half[1]!],
  ] as const) {
    const got = await measureOnScreen(server, browser, pace, n, loadSeconds);
    const seen = results.find((r) => r.pace === pace);
    if (!seen) results.push(got);
    else {
      for (const key of ['onScreen', 'inDom', 'cardEvent', 'readPath'] as const) seen[key].push(...got[key]);
      seen.failed += got.failed;
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\n2. On screen: kiosk stack + renderer in Chromium (placed -> greeting)`);
for (const r of results) {
  const name = `${r.pace.label} (idle ${r.pace.idleMs} / serving ${r.pace.servingMs} ms)`;
  console.log(`  ${name}${r.failed ? `: ${r.failed} read(s) not on screen within 10 s` : ''}`);
  console.log(line('placed -> greeting on screen (frame)', r.onScreen));
  console.log(line('placed -> greeting in the DOM', r.inDom));
  console.log(line('placed -> card event (host)', r.cardEvent));
  console.log(line('find request -> card event (host)', r.readPath));
}

console.log(`\n3. Line load (both directions; ${loadSeconds} s windows; line capacity 11,520 bytes/s)`);
for (const r of results) {
  console.log(`  ${r.pace.label} (idle ${r.pace.idleMs} / serving ${r.pace.servingMs} ms)`);
  for (const l of r.load)
    console.log(
      `    ${l.state.padEnd(34)} ${l.requestsPerSecond.toFixed(1).padStart(5)} requests/s ` +
        `${l.bytesPerSecond.toFixed(0).padStart(6)} bytes/s  (${(l.share * 100).toFixed(1)}% of the line)`,
    );
}
