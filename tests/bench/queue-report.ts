/** The queue bench's figures from a replayed day (queue-replay.ts), printed in the benches' style. */
import { percentile } from './stats';
import type { PriorityClass } from './queue-day';
import type { ReplayResult, TicketOutcome } from './queue-replay';

/** The latency goal of a queue operation on SQLite (issue 11 #5). */
export const OP_GOAL_MS = 10;

const s = (n: number) => `${Math.round(n)} s`;
const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : 'n/a');
const ms = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(2)} ms`);

function waitS(o: TicketOutcome): number {
  return o.acceptedS! - o.issuedS;
}

/** The lines to print. */
export function report(r: ReplayResult, maxWaitS: number): string[] {
  const served = r.outcomes.filter((o) => o.acceptedS !== undefined);
  const lines: string[] = [];
  const byCentre = new Map<string, TicketOutcome[]>();
  for (const o of served) byCentre.set(o.arrival.centreId, [...(byCentre.get(o.arrival.centreId) ?? []), o]);
  lines.push(
    `residents: ${r.outcomes.length} tickets (${[...byCentre].map(([c, os]) => `${c} ${os.length}, ${r.modes[c]}`).join('; ')}), ` +
      `${served.length} served, ${r.balked} found every kiosk busy; ${served.filter((o) => o.overflow).length} served by a partner centre (overflow); ` +
      `last served ${clock(r.lastServedS)}`,
  );

  // The estimate the kiosk got with its ticket against the wait that followed.
  const estimated = served.filter((o) => o.estimate.kind === 'minutes' || o.estimate.kind === 'next');
  const err = estimated.map((o) => (o.estimate.kind === 'minutes' ? o.estimate.minutes * 60 : 0) - waitS(o));
  const abs = err.map(Math.abs);
  const rel = estimated.map((o, i) => abs[i]! / Math.max(60, waitS(o)));
  const none = served.filter((o) => o.estimate.kind === 'none');
  const reasons = new Map<string, number>();
  for (const o of none)
    if (o.estimate.kind === 'none') reasons.set(o.estimate.reason, (reasons.get(o.estimate.reason) ?? 0) + 1);
  lines.push(
    '',
    `Wait estimate at issue time vs the actual wait (${estimated.length} tickets with an estimate):`,
  );
  lines.push(
    `  |error|            p50 ${s(percentile(abs, 50))}  p90 ${s(percentile(abs, 90))}  max ${s(Math.max(0, ...abs))}`,
    `  |error| / wait     p50 ${(100 * percentile(rel, 50)).toFixed(0)} %  p90 ${(100 * percentile(rel, 90)).toFixed(0)} %  (wait floored at 60 s)`,
    `  estimate - wait    p10 ${s(percentile(err, 10))}  p50 ${s(percentile(err, 50))}  p90 ${s(percentile(err, 90))}  (positive: the wait was shorter than said)`,
    ...byKind(estimated),
    `  no estimate ${none.length}` +
      (none.length ? ` (${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
  );

  const within = served.filter((o) => waitS(o) <= 60).length;
  lines.push(
    '',
    `First response within 1 minute: ${pct(within, served.length)} (${within} of ${served.length})`,
  );
  for (const [c, os] of byCentre) {
    const w = os.filter((o) => waitS(o) <= 60).length;
    lines.push(
      `  ${c.padEnd(16)} ${pct(w, os.length)}  p50 wait ${s(percentile(os.map(waitS), 50))}, p90 ${s(percentile(os.map(waitS), 90))}`,
    );
  }

  lines.push('', `Longest wait per priority class (maxWaitS ${maxWaitS} s):`);
  const classes: PriorityClass[] = ['plain', 'age80', 'disability', 'appointment'];
  for (const c of classes) {
    const waits = served.filter((o) => o.arrival.priority === c).map(waitS);
    lines.push(
      `  ${c.padEnd(12)} n=${String(waits.length).padEnd(4)} longest ${s(Math.max(0, ...waits)).padEnd(7)} p90 ${s(waits.length ? percentile(waits, 90) : 0).padEnd(7)} p50 ${s(waits.length ? percentile(waits, 50) : 0)}`,
    );
  }
  const over = served.filter((o) => waitS(o) > maxWaitS).length;
  lines.push(`  waited longer than maxWaitS: ${over}`);

  lines.push(
    '',
    `Queue operations on SQLite, in-process through the stores (${r.storeOps.issue.length} rounds after the day; goal p99 <= ${OP_GOAL_MS} ms):`,
  );
  opLines(lines, [
    ['issue (issueTicket)', r.storeOps.issue],
    ['order (picture + every queue)', r.storeOps.order],
    ['accept (acceptTicket)', r.storeOps.accept],
    ['end (endSession)', r.storeOps.end],
  ]);
  lines.push(
    '',
    'The same during the day, as answered on the sockets (handler, pushes to every client, loopback):',
  );
  opLines(lines, [
    ['issue (ticket:request ack)', r.ops.issue],
    ['order (picture + every queue)', r.ops.snapshot],
    ['accept (accept-next ack)', r.ops.acceptNext],
    ['accept (offer:accept ack)', r.ops.offerAccept],
    ['end (session:end ack)', r.ops.end],
  ]);
  if (r.ops.acceptNextEmpty.length)
    lines.push(`  (accept-next with nothing to take: ${r.ops.acceptNextEmpty.length}, not counted above)`);
  lines.push(
    `  offers that moved on before the agent answered: ${r.offersLost}; agents set away by a missed offer: ${r.setAway}`,
  );
  if (r.errors.size)
    lines.push('', `unexpected refusals: ${[...r.errors].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  return lines;
}

/** The error of "next" and of minutes apart: what "next" promised, and how far the minutes were off. */
function byKind(estimated: TicketOutcome[]): string[] {
  const next = estimated.filter((o) => o.estimate.kind === 'next');
  const minutes = estimated.filter((o) => o.estimate.kind === 'minutes');
  const nextLate = next.filter((o) => waitS(o) > 60).length;
  const err = minutes.map((o) =>
    Math.abs((o.estimate.kind === 'minutes' ? o.estimate.minutes * 60 : 0) - waitS(o)),
  );
  return [
    `  said "next": ${next.length}, of whom ${nextLate} waited more than 1 minute (longest ${s(Math.max(0, ...next.map(waitS)))})`,
    `  said minutes: ${minutes.length}, |error| p50 ${s(percentile(err, 50))} p90 ${s(percentile(err, 90))}`,
  ];
}

function opLines(lines: string[], ops: Array<[string, number[]]>): void {
  for (const [label, values] of ops) {
    if (!values.length) continue;
    const p99 = percentile(values, 99);
    lines.push(
      `  ${label.padEnd(30)} n=${String(values.length).padEnd(5)} p50 ${ms(percentile(values, 50)).padEnd(9)} p99 ${ms(p99).padEnd(9)} max ${ms(Math.max(...values)).padEnd(9)} ${p99 <= OP_GOAL_MS ? 'met' : 'NOT met'}`,
    );
  }
}

/** Seconds after 08:30 as a time of day. */
function clock(sAfterOpen: number): string {
  const m = Math.floor(sAfterOpen / 60) + 8 * 60 + 30;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
