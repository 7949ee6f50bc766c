/**
 * `npm run bench:chaos` (issue 13 #2): trials of real network faults on one live call, on the chaos
 * rig (tests/support/chaos/: server, kiosk and agent in network namespaces of their own). Each
 * trial waits a random moment into the call (the agent edits the form first), then either cuts the
 * kiosk's link for a random 1–45 s (its veth down, or every packet dropped) with agent edits every
 * 5 s during the cut, or (every tenth trial: the 5th, 15th, …) restarts the server (SIGTERM, down
 * 1–5 s, started again on the same port and data folder). After the link (or the server) is back it measures when video decodes again on
 * both sides and checks the session (same, open) and every edit (on the server, and on the kiosk
 * at the latest revision). A trial that does not recover within 30 s is counted, and the call is set
 * up again from scratch. Prints recovered n/N, p50 and p95 of the video-back time, edits lost.
 *
 * RVW_CHAOS_TRIALS (default 100, at most 1000), RVW_CHAOS_MAX_MINUTES (default 90: no new trial
 * starts after it), RVW_CHAOS_SEED (the random sequence, printed, to replay a run). Needs root.
 */
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';
import { ChaosCall, type Recovery } from '../support/chaos/chaos-call';
import { startChaosStack, type ChaosStack } from '../support/chaos/chaos-stack';
import { NetnsRig, type CutMode } from '../support/chaos/netns-rig';
import { percentile, summaryLine } from './stats';

if (!ensureDebian(['chromium', 'iptables'])) process.exit(1);
ensureBuilds({ only: ['console', 'kiosk'] });

const trials = Number(process.env.RVW_CHAOS_TRIALS ?? 100);
if (!Number.isInteger(trials) || trials < 1 || trials > 1000)
  throw new Error('RVW_CHAOS_TRIALS must be 1..1000');
const maxMinutes = Number(process.env.RVW_CHAOS_MAX_MINUTES ?? 90);
if (!(maxMinutes > 0 && maxMinutes <= 600)) throw new Error('RVW_CHAOS_MAX_MINUTES must be in (0, 600]');
const seed = Number(process.env.RVW_CHAOS_SEED ?? Date.now() % 1_000_000);
const RECOVERY_LIMIT_MS = 30_000;

/** mulberry32: a small seeded generator, so that a run can be replayed. */
let state = seed >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Trial {
  i: number;
  kind: 'cut' | 'restart';
  mode: CutMode | 'sigterm';
  faultMs: number;
  videoBackMs: number | null;
  recovered: boolean;
  lost: number;
  problems: string[];
}

let rig: NetnsRig;
try {
  rig = NetnsRig.create();
} catch (e) {
  console.error(`bench:chaos cannot run: ${(e as Error).message}`);
  process.exit(1);
}
console.log(
  `bench:chaos: ${trials} trials (at most ${maxMinutes} min), seed ${seed}, subnet ${rig.subnet}0/24, ` +
    `server grace 60 s, recovery bound ${RECOVERY_LIMIT_MS / 1000} s`,
);

const started = Date.now();
const results: Trial[] = [];
const lostEdits = new Set<string>();
let stack = null as ChaosStack | null;
let call = null as ChaosCall | null;
let calls = 0;

async function freshCall(): Promise<void> {
  await stack?.close();
  stack = await startChaosStack(rig, { graceSeconds: 60 });
  call = new ChaosCall(stack);
  calls += 1;
  await call.setUp();
}

async function runTrial(i: number): Promise<Trial> {
  const c = call!;
  const s = stack!;
  await sleep(between(500, 8000));
  await c.edit();
  let restoredAt: number;
  let kind: Trial['kind'];
  let mode: Trial['mode'];
  let faultMs: number;
  // Every tenth trial (the 5th, 15th, …) restarts the server; the others cut the kiosk's link.
  if (i % 10 === 5) {
    kind = 'restart';
    mode = 'sigterm';
    faultMs = between(1000, 5000);
    restoredAt = (await s.restartServer(faultMs)).readyAt;
  } else {
    kind = 'cut';
    mode = random() < 0.3 ? 'drop' : 'down';
    faultMs = between(1000, 45_000);
    const cutAt = Date.now();
    rig.cut('kiosk', mode);
    try {
      for (let at = 1000; at < faultMs - 500; at += 5000) {
        await sleep(Math.max(0, cutAt + at - Date.now()));
        await c.edit();
      }
      await sleep(Math.max(0, cutAt + faultMs - Date.now()));
    } finally {
      rig.restore('kiosk');
    }
    restoredAt = Date.now();
  }
  const r: Recovery = await c.checkRecovery(restoredAt, RECOVERY_LIMIT_MS);
  for (const e of r.lostOnServer) lostEdits.add(`${calls}:${e.n}`);
  const back =
    r.kioskBackMs !== null && r.consoleBackMs !== null ? Math.max(r.kioskBackMs, r.consoleBackMs) : null;
  return {
    i,
    kind,
    mode,
    faultMs,
    videoBackMs: back,
    recovered: r.problems.length === 0,
    lost: r.lostOnServer.length,
    problems: r.problems,
  };
}

try {
  await freshCall();
  for (let i = 1; i <= trials; i++) {
    if (Date.now() - started > maxMinutes * 60_000) {
      console.log(`stopped after ${i - 1} trials: the ${maxMinutes}-minute bound`);
      break;
    }
    let t: Trial;
    try {
      t = await runTrial(i);
    } catch (e) {
      t = {
        i,
        kind: 'cut',
        mode: 'down',
        faultMs: 0,
        videoBackMs: null,
        recovered: false,
        lost: 0,
        problems: [],
      };
      t.problems.push(`trial threw: ${(e as Error).message.split('\n')[0]}`);
    }
    results.push(t);
    console.log(
      `#${String(i).padStart(3)} ${t.kind.padEnd(7)} ${t.mode.padEnd(7)} ${String(t.faultMs).padStart(6)} ms  ` +
        `video back ${t.videoBackMs ?? '—'} ms  ${t.recovered ? 'recovered' : `NOT RECOVERED: ${t.problems.join('; ')}`}`,
    );
    if (!t.recovered) {
      if (stack) console.log(stack.diagnostics());
      await freshCall();
    }
  }
} finally {
  await stack?.close().catch(() => undefined);
  rig.teardown();
}

const n = results.length;
const recovered = results.filter((t) => t.recovered).length;
const backs = results.flatMap((t) => (t.videoBackMs === null ? [] : [t.videoBackMs]));
const cutBacks = results
  .filter((t) => t.kind === 'cut')
  .flatMap((t) => (t.videoBackMs === null ? [] : [t.videoBackMs]));
console.log('');
console.log(
  `recovered ${recovered}/${n} (calls set up: ${calls}; ${((Date.now() - started) / 60_000).toFixed(1)} min)`,
);
if (backs.length) {
  console.log(summaryLine('video back after the link', backs));
  if (cutBacks.length) console.log(summaryLine('  of which link cuts', cutBacks));
  console.log(`video back within 5 s: ${backs.filter((b) => b <= 5000).length}/${n}`);
  console.log(`p50 ${percentile(backs, 50)} ms, p95 ${percentile(backs, 95)} ms`);
}
console.log(`edits lost: ${lostEdits.size} (goal 0)`);
process.exit(recovered === n && lostEdits.size === 0 ? 0 : 1);
