/**
 * CUPS printer-state-reasons -> our PrintFailureReason. A reason keyword may carry a severity
 * suffix (-error, -warning, -report): errors and bare names block printing, warnings and reports
 * do not (except offline-report, which is how CUPS backends say the device is gone).
 */
import type { PrintFailureReason } from '@rvw/shared';

/** Base keyword (no suffix) -> our reason. */
const BASE: Readonly<Record<string, PrintFailureReason>> = {
  'media-empty': 'out-of-paper',
  'media-needed': 'out-of-paper',
  'media-jam': 'jammed',
  offline: 'offline',
  'connecting-to-device': 'offline',
  shutdown: 'offline',
  paused: 'stopped',
  'cover-open': 'cover-open',
  'door-open': 'cover-open',
  'toner-empty': 'out-of-toner',
  'marker-supply-empty': 'out-of-toner',
};

/** Whole keywords that block even though their suffix would not. */
const BLOCKING_REPORTS: Readonly<Record<string, PrintFailureReason>> = {
  'offline-report': 'offline',
};

/** Worst first: a physical problem names what staff must fix; 'stopped' is only the consequence. */
const SEVERITY: readonly PrintFailureReason[] = [
  'offline',
  'jammed',
  'cover-open',
  'out-of-paper',
  'out-of-toner',
  'stopped',
];

/** One reason keyword read: its base, its severity and our reason for it (null when unmapped). */
export interface ReadReason {
  keyword: string;
  base: string;
  severity: 'error' | 'warning' | 'report' | 'bare';
  problem: PrintFailureReason | null;
  blocking: boolean;
}

/** Reads one printer-state-reasons keyword. */
export function readReason(keyword: string): ReadReason {
  const k = keyword.trim().toLowerCase();
  const m = /^(.*)-(error|warning|report)$/.exec(k);
  const base = m ? m[1] : k;
  const severity = m ? (m[2] as 'error' | 'warning' | 'report') : 'bare';
  const special = BLOCKING_REPORTS[k];
  if (special) return { keyword: k, base, severity, problem: special, blocking: true };
  const problem = BASE[base] ?? null;
  const blocking = problem !== null && (severity === 'error' || severity === 'bare');
  return { keyword: k, base, severity, problem, blocking };
}

/** The worst blocking problem among `reasons`, or null when none blocks printing. */
export function blockingProblem(reasons: readonly string[]): PrintFailureReason | null {
  const found = new Set<PrintFailureReason>();
  for (const r of reasons) {
    const read = readReason(r);
    if (read.blocking && read.problem) found.add(read.problem);
  }
  return SEVERITY.find((p) => found.has(p)) ?? null;
}

/** The reasons without CUPS' "none". */
export function realReasons(reasons: readonly string[]): string[] {
  return reasons.map((r) => r.trim()).filter((r) => r !== '' && r !== 'none');
}
