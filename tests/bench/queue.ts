/**
 * `npm run bench:queue` (issue 11 #5): replays one day of two partner centres (08:30–17:00) through
 * the real server on a real SQLite file — arrivals (Poisson, peaks in the morning and afternoon),
 * needs, priorities (80+, disability, appointments), handling times (log-normal) and agents with
 * skills and breaks, all drawn from a seeded distribution (queue-day.ts; RVW_BENCH_SEED to replay or
 * vary it, RVW_BENCH_LOAD to scale the arrival rate) — and prints the wait estimate's error at issue
 * time, the share of first responses within 1 minute, the longest wait per priority class and the
 * queue operations' latency (goal p99 <= 10 ms). The first centre pulls, the second offers (as the
 * demo sets them). Prints figures; asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { DEFAULT_ROUTING } from '@rvw/shared';
import { HANDLING, planDay, SHARES } from './queue-day';
import { OFFER_ANSWER_S, replayDay, WRAP_UP_S } from './queue-replay';
import { report } from './queue-report';

const seed = Number(process.env.RVW_BENCH_SEED ?? 20261123);
if (!Number.isInteger(seed) || seed < 0) throw new Error('RVW_BENCH_SEED must be a non-negative integer');
const rounds = Number(process.env.RVW_BENCH_ROUNDS ?? 300);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10_000)
  throw new Error('RVW_BENCH_ROUNDS must be 1..10000');
const load = Number(process.env.RVW_BENCH_LOAD ?? 1);
if (!Number.isFinite(load) || load <= 0 || load > 5) throw new Error('RVW_BENCH_LOAD must be in (0, 5]');

// Yesterday in Shanghai: the accounts are signed in now, and their tokens must be valid all day.
const date = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
const day = planDay(seed, load);
const modes = { [day.centres[0]!.id]: 'pull', [day.centres[1]!.id]: 'offer' } as const;
console.log(
  `queue bench: seed ${seed} (RVW_BENCH_SEED), load x${load} (RVW_BENCH_LOAD), ${day.arrivals.length} residents, ` +
    `${day.agents.length} agents in ${day.centres.length} centres, day ${date} 08:30-17:00 (Asia/Shanghai)`,
);
console.log(
  `agents: wrap-up ${WRAP_UP_S} s after each session; in the pull centre an idle agent takes the next ticket as soon as one is there for them, in the offer centre answers an offer in ${OFFER_ANSWER_S} s; ` +
    `kiosks: ${day.centres.map((c) => `${c.kiosks} in ${c.id}`).join(', ')}; shares: 80+ ${SHARES.age80}, disability ${SHARES.disability}, appointment ${SHARES.appointment}; ` +
    `handling log-normal, median ${HANDLING.medianS} s, sigma ${HANDLING.sigma}`,
);
const started = Date.now();
const result = await replayDay(day, date, modes, rounds);
console.log(
  `\nOne day through the real server (SQLite file, WAL; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}; replayed in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
for (const line of report(result, DEFAULT_ROUTING.maxWaitS)) console.log(line);
