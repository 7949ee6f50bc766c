/**
 * The fleet's pure rules (issue 12 #2, #3): what is wrong with a kiosk from its latest report, the
 * alert rules and the stable channel's version; whether it is offline; its level; which of its
 * problems are alerts now. No I/O: the store reads, these decide.
 */
import {
  FLEET_PROBLEMS,
  worstLevel,
  type AlertRules,
  type FleetProblem,
  type FleetProblemCode,
  type HealthLevel,
  type HealthReport,
} from '@rvw/shared';

// Asia/Shanghai has had no daylight saving time since 1991.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The problems a resident at the kiosk is affected by (agents see them in the queue). */
export const RESIDENT_PROBLEMS: ReadonlySet<FleetProblemCode> = new Set<FleetProblemCode>([
  'offline',
  'reader-fault',
  'reader-disabled',
  'printer-out-of-paper',
  'printer-problem',
  'printer-absent',
  'no-camera',
  'no-microphone',
  'cannot-call',
]);

/** The alert rules' names, as the `rvw_fleet_alerts` metric labels them. */
export const ALERT_RULE_NAMES = [
  'offline',
  'reader-fault',
  'printer',
  'disk-low',
  'version-behind',
  'cannot-call',
] as const;
export type AlertRuleName = (typeof ALERT_RULE_NAMES)[number];

const problem = (code: FleetProblemCode, detail: string | null = null): FleetProblem => ({
  code,
  level: FLEET_PROBLEMS[code].level,
  detail: detail === null ? null : detail.slice(0, 300),
});

/**
 * Compares two versions (semver: major.minor.patch, a pre-release sorts before its release);
 * negative when a < b. A version that is not semver compares as 0.0.0.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): { nums: number[]; pre: string | null } => {
    const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(v.trim());
    return m ? { nums: [+m[1]!, +m[2]!, +m[3]!], pre: m[4] ?? null } : { nums: [0, 0, 0], pre: null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i]! - y.nums[i]!;
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  const xs = x.pre.split('.');
  const ys = y.pre.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const p = xs[i];
    const q = ys[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * What is wrong according to the report (not `offline`, which depends on the connection and the
 * clock: see isOffline). `latestVersion` is the stable channel's version, or null when none is set.
 */
export function reportProblems(
  report: HealthReport,
  rules: AlertRules,
  latestVersion: string | null,
): FleetProblem[] {
  const out: FleetProblem[] = [];
  const r = report.reader;
  const readerDetail = r.reason ?? r.message ?? null;
  if (r.state === 'fault' || r.state === 'offline')
    out.push(problem('reader-fault', readerDetail ?? r.state));
  else if (r.state === 'disabled') out.push(problem('reader-disabled', readerDetail));

  const p = report.printer;
  if (p?.state === 'problem') {
    const detail = p.message ?? p.problem;
    out.push(problem(p.problem === 'out-of-paper' ? 'printer-out-of-paper' : 'printer-problem', detail));
  } else if (p?.state === 'absent') out.push(problem('printer-absent', p.message));
  // `none`: a kiosk configured without a printer; null: no reading yet. Neither is a problem.

  // Where the system lists no capture devices (Windows, a browser shell) the renderer's own probe
  // is the witness: a device it opened at the last readiness check is present.
  const opened = (part: 'camera' | 'microphone') =>
    report.readiness?.checks.some((c) => c.part === part && c.result === 'ok') ?? false;
  if (report.cameras.length === 0 && !opened('camera')) out.push(problem('no-camera'));
  if (report.microphones.length === 0 && !opened('microphone')) out.push(problem('no-microphone'));
  if (report.readiness && !report.readiness.canCall) {
    const failed = report.readiness.checks
      .filter((c) => c.result === 'problem')
      .map((c) => (c.code ? `${c.part}: ${c.code}` : c.part));
    out.push(problem('cannot-call', failed.join(', ') || null));
  }

  const d = report.disk;
  if (d && d.totalBytes > 0 && (d.freeBytes / d.totalBytes) * 100 < rules.diskFreeMinPercent) {
    out.push(problem('disk-low', `${Math.round((d.freeBytes / d.totalBytes) * 1000) / 10}% free`));
  }
  if (latestVersion !== null && compareVersions(report.appVersion, latestVersion) < 0) {
    out.push(problem('version-behind', `${report.appVersion} < ${latestVersion}`));
  }
  return out;
}

/**
 * True when the kiosk counts as offline: no socket connected and not heard for at least
 * `offlineAfterS` (or never heard at all).
 */
export function isOffline(online: boolean, lastSeenMs: number | null, now: Date, rules: AlertRules): boolean {
  if (online) return false;
  return lastSeenMs === null || now.getTime() - lastSeenMs >= rules.offlineAfterS * 1000;
}

/** True when `now` falls in the opening hours (ISO weekday and [from, to) in Asia/Shanghai). */
export function inOpeningHours(now: Date, rules: AlertRules): boolean {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const isoDay = ((local.getUTCDay() + 6) % 7) + 1;
  if (!rules.openingHours.days.includes(isoDay)) return false;
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return minutes >= at(rules.openingHours.from) && minutes < at(rules.openingHours.to);
}

/** The alert rule a problem falls under, or null when it never alerts (reader-disabled). */
export function ruleOf(code: FleetProblemCode): AlertRuleName | null {
  switch (code) {
    case 'offline':
      return 'offline';
    case 'reader-fault':
      return 'reader-fault';
    case 'printer-out-of-paper':
    case 'printer-problem':
    case 'printer-absent':
      return 'printer';
    case 'disk-low':
      return 'disk-low';
    case 'version-behind':
      return 'version-behind';
    case 'no-camera':
    case 'no-microphone':
    case 'cannot-call':
      return 'cannot-call';
    case 'reader-disabled':
      return null;
  }
}

/** Whether a rule is switched on (offline and disk-low are always on; their thresholds tune them). */
function ruleOn(rule: AlertRuleName, rules: AlertRules): boolean {
  switch (rule) {
    case 'reader-fault':
      return rules.readerFault;
    case 'printer':
      return rules.printerProblem;
    case 'version-behind':
      return rules.versionBehind;
    case 'cannot-call':
      return rules.cannotCall;
    default:
      return true;
  }
}

/** The problems that are alerts now: their rule is on, and `offline` only in opening hours. */
export function alertsOf(
  problems: readonly FleetProblem[],
  rules: AlertRules,
  now: Date,
): FleetProblemCode[] {
  const open = inOpeningHours(now, rules);
  return problems
    .filter((p) => {
      const rule = ruleOf(p.code);
      if (rule === null || !ruleOn(rule, rules)) return false;
      return rule !== 'offline' || open;
    })
    .map((p) => p.code);
}

/** A kiosk's state now: its problems (with `offline` when it is), level and alerts. */
export interface KioskHealthNow {
  problems: FleetProblem[];
  level: HealthLevel;
  alerts: FleetProblemCode[];
  offline: boolean;
}

/** Combines the stored report problems with the connection and the clock. */
export function healthNow(
  stored: readonly FleetProblem[],
  facts: { online: boolean; lastSeenMs: number | null; now: Date; rules: AlertRules },
): KioskHealthNow {
  const offline = isOffline(facts.online, facts.lastSeenMs, facts.now, facts.rules);
  const problems = offline ? [problem('offline'), ...stored] : [...stored];
  return {
    problems,
    level: worstLevel(problems),
    alerts: alertsOf(problems, facts.rules, facts.now),
    offline,
  };
}

/** The problems an agent sees in the queue (what the resident is affected by). */
export function residentProblems(problems: readonly FleetProblem[]): FleetProblem[] {
  return problems.filter((p) => RESIDENT_PROBLEMS.has(p.code));
}

/** The 5-minute bucket of an instant (history keeps at most one unchanged point per bucket). */
export const HISTORY_BUCKET_MS = 5 * 60_000;
/** How long history is kept (7 days). */
export const HISTORY_KEEP_MS = 7 * 24 * 3_600_000;

/** Whether a history point is due: the level or problems changed, or a new bucket started. */
export function historyDue(
  last: { at: string; level: HealthLevel; problems: readonly FleetProblemCode[] } | null,
  next: { at: Date; level: HealthLevel; problems: readonly FleetProblemCode[] },
): boolean {
  if (!last) return true;
  if (last.level !== next.level) return true;
  if ([...last.problems].sort().join() !== [...next.problems].sort().join()) return true;
  return (
    Math.floor(Date.parse(last.at) / HISTORY_BUCKET_MS) !== Math.floor(next.at.getTime() / HISTORY_BUCKET_MS)
  );
}
