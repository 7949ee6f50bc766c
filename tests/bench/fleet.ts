/**
 * `npm run bench:fleet` (issue 12 #9): does a flood of heartbeats from one kiosk slow anyone else?
 *
 * A real server (SQLite in its data folder) and two kiosks on real sockets. Kiosk B takes a number
 * and withdraws it (`ticket:request` + `ticket:cancel`, the database work a resident causes), N times
 * (default 200, RVW_BENCH_ROUNDS, 1..2000; one round per 60 ms at most), first on a quiet server, then while kiosk A floods
 * `kiosk:heartbeat` with 32 in flight at all times (each report a valid one that changes, so that
 * every accepted one would be stored). Prints B's round trips (p50, p95, max) in both phases and what
 * became of A's flood (accepted, RATE_LIMITED, per second). Asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  connectKiosk,
  createTestKiosk,
  healthyReport,
  okData,
  startTestServer,
  type TestClient,
} from '@rvw/signaling-server/testing';
import { percentile } from './stats';

const rounds = Number(process.env.RVW_BENCH_ROUNDS ?? 200);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 2000)
  throw new Error('RVW_BENCH_ROUNDS must be 1..2000');
const IN_FLIGHT = 32;
/** One round (two messages) at most every 60 ms. */
const PACE_MS = 60;

const server = await startTestServer();
const a = await connectKiosk(server.url, (await createTestKiosk(server.server, { name: 'A' })).token);
const b = await connectKiosk(server.url, (await createTestKiosk(server.server, { name: 'B' })).token);

/** B's round trips, ms: a number taken and withdrawn, `rounds` times. */
async function residentRounds(kiosk: TestClient): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const { ticket } = okData(await kiosk.request('ticket:request', {}));
    okData(await kiosk.request('ticket:cancel', { ticketId: ticket.id }));
    const took = performance.now() - t0;
    times.push(took);
    // Paced as a busy kiosk would be, inside the server's per-socket limit (RVW_SOCKET_RATE_LIMIT).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, PACE_MS - took)));
  }
  return times;
}

const line = (label: string, ms: number[]) =>
  `${label.padEnd(34)} n=${ms.length}  p50=${percentile(ms, 50).toFixed(1)} ms  p95=${percentile(ms, 95).toFixed(1)} ms  max=${Math.max(...ms).toFixed(1)} ms`;

const quiet = await residentRounds(b);

let flooding = true;
const outcomes = new Map<string, number>();
let sent = 0;
async function flood(): Promise<void> {
  while (flooding) {
    sent += 1;
    const report = healthyReport({ uptimeS: sent, at: new Date().toISOString() });
    const ack = await a.request('kiosk:heartbeat', report);
    const key = ack.ok ? 'accepted' : ack.error.code;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
}
const floodStarted = performance.now();
const floods = Array.from({ length: IN_FLIGHT }, () => flood());
const loud = await residentRounds(b);
flooding = false;
await Promise.all(floods);
const floodSeconds = (performance.now() - floodStarted) / 1000;

console.log(`fleet bench: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}, ${rounds} rounds`);
console.log(line('B: take + withdraw, quiet', quiet));
console.log(line('B: take + withdraw, A flooding', loud));
console.log(
  `A's flood: ${sent} heartbeats in ${floodSeconds.toFixed(1)} s (${(sent / floodSeconds).toFixed(0)}/s): ` +
    [...outcomes].map(([k, n]) => `${k} ${n}`).join(', '),
);
a.close();
b.close();
await server.close();
