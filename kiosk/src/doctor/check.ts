/**
 * One check's result as `kiosk-doctor all` shows it: a status a technician reads (OK / WARN / FAIL /
 * SKIPPED), the exit code the check alone would give, one sentence, and the details for --json.
 */

/** How a check came out. `skipped`: not run (not configured, or not checked on this system). */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** One check's result. */
export interface CheckResult {
  /** The command's name: ports, idcard, printer, cameras, network, disk. */
  check: string;
  status: CheckStatus;
  /** The exit code of the check alone (0 for ok; skipped checks keep theirs, e.g. 12 for cameras). */
  exit: number;
  /** One line in words (zh + en). */
  summary: string;
  /** What --json carries besides. */
  details?: Record<string, unknown>;
}

/** How bad each status is: FAIL over WARN; OK and SKIPPED do not count. */
const SEVERITY: Record<CheckStatus, number> = { ok: 0, skipped: 0, warn: 1, fail: 2 };

/**
 * The exit code of `all`: the exit code of the most severe check (FAIL before WARN), the first in
 * the order the checks ran when several are as bad; 0 when every check is OK or SKIPPED.
 */
export function worstExit(results: readonly CheckResult[]): number {
  let worst: CheckResult | null = null;
  for (const r of results) {
    if (SEVERITY[r.status] > (worst ? SEVERITY[worst.status] : 0)) worst = r;
  }
  return worst?.exit ?? 0;
}

/** The word a technician reads for a status. */
export const STATUS_WORD: Record<CheckStatus, string> = {
  ok: 'OK',
  warn: 'WARN',
  fail: 'FAIL',
  skipped: 'SKIPPED',
};

/** The summary table of `all`: one line per check, then the overall line. */
export function summaryTable(results: readonly CheckResult[]): string[] {
  const width = Math.max(...results.map((r) => r.check.length), 'check'.length);
  const lines = results.map(
    (r) => `${r.check.padEnd(width)}  ${STATUS_WORD[r.status].padEnd(7)}  ${r.summary}`,
  );
  const exit = worstExit(results);
  const bad = results.find((r) => r.exit === exit && SEVERITY[r.status] > 0);
  lines.push(
    bad
      ? `总体 Overall: ${STATUS_WORD[bad.status]} — exit ${exit} (${bad.check})`
      : '总体 Overall: OK — exit 0',
  );
  return lines;
}

/** Prints one result as its own command does: the sentence (to stderr unless ok) or the JSON object. */
export function printResult(
  r: CheckResult,
  json: boolean,
  io: { out: (l: string) => void; err: (l: string) => void },
): number {
  if (json) io.out(JSON.stringify(r));
  else if (r.status === 'ok') io.out(r.summary);
  else io.err(`${STATUS_WORD[r.status]}: ${r.summary}`);
  return r.exit;
}

/** A bad command line in one of the check commands (exit 2). */
export class DoctorUsageError extends Error {}

/** Where kiosk-doctor's commands write. */
export interface CheckIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What the system checks read instead of the real machine (tests). */
export interface SystemDeps {
  /** Default process.platform. */
  platform?: NodeJS.Platform;
  /** Root of the /sys and /proc tree the cameras check reads; default `/`. */
  root?: string;
  /** Default process.env (RVW_SERVER_URL, RVW_IDCARD_PORT, RVW_KIOSK_PRINTER…). */
  env?: NodeJS.ProcessEnv;
  /** fs.statfs for the disk check. */
  statfs?: (path: string) => Promise<{ bsize: number; blocks: number; bavail: number }>;
}

/** A positive number option, or a usage error naming it. */
export function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new DoctorUsageError(`--${name} must be a positive number, got "${value}".`);
  return n;
}
