/**
 * The fleet view's rules, pure: which kiosks a filter keeps, the order (red first, then amber, then
 * by name), the counts per level, the centres the list spans, whether a version is behind, and how
 * long ago a kiosk was seen, in words.
 */
import type { FleetKiosk, HealthLevel } from '@rvw/shared';

/** What the supervisor filters by; null: everything. */
export interface FleetFilter {
  centreId: string | null;
  level: HealthLevel | null;
  /** Words in the kiosk's name or location (or its id); empty or absent: any. */
  query?: string;
}

export const NO_FILTER: FleetFilter = { centreId: null, level: null, query: '' };

/** True when the kiosk's name, location or id holds every word of `query` (case-insensitive). */
export function matchesQuery(k: FleetKiosk, query: string | undefined): boolean {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = `${k.kiosk.name} ${k.kiosk.location} ${k.kiosk.id}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

const RANK: Record<HealthLevel, number> = { red: 0, amber: 1, green: 2 };

/** Red first, then amber, then green; within a level by name (Chinese collation), then by id. */
export function sortFleet(kiosks: readonly FleetKiosk[]): FleetKiosk[] {
  const collator = new Intl.Collator('zh-CN');
  return [...kiosks].sort(
    (a, b) =>
      RANK[a.level] - RANK[b.level] ||
      collator.compare(a.kiosk.name, b.kiosk.name) ||
      a.kiosk.id.localeCompare(b.kiosk.id),
  );
}

/** The kiosks the filter keeps, sorted. */
export function visibleFleet(kiosks: readonly FleetKiosk[], filter: FleetFilter): FleetKiosk[] {
  return sortFleet(
    kiosks.filter(
      (k) =>
        (filter.centreId === null || k.kiosk.centreId === filter.centreId) &&
        (filter.level === null || k.level === filter.level) &&
        matchesQuery(k, filter.query),
    ),
  );
}

/** Counts per level of the kiosks of the chosen centre (the level filter's own numbers). */
export function levelCounts(
  kiosks: readonly FleetKiosk[],
  centreId: string | null,
): Record<HealthLevel, number> & { all: number } {
  const counts = { green: 0, amber: 0, red: 0, all: 0 };
  for (const k of kiosks) {
    if (centreId !== null && k.kiosk.centreId !== centreId) continue;
    counts[k.level] += 1;
    counts.all += 1;
  }
  return counts;
}

/** The centres the list spans with how many kiosks each, by id. */
export function centresOf(kiosks: readonly FleetKiosk[]): { centreId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const k of kiosks) counts.set(k.kiosk.centreId, (counts.get(k.kiosk.centreId) ?? 0) + 1);
  return [...counts]
    .map(([centreId, count]) => ({ centreId, count }))
    .sort((a, b) => a.centreId.localeCompare(b.centreId));
}

/** The list with `next` in place of the kiosk of the same id (or added): a live update. */
export function mergeKiosk(kiosks: readonly FleetKiosk[], next: FleetKiosk): FleetKiosk[] {
  const at = kiosks.findIndex((k) => k.kiosk.id === next.kiosk.id);
  if (at < 0) return [...kiosks, next];
  const copy = [...kiosks];
  copy[at] = next;
  return copy;
}

function parts(version: string): { nums: number[]; pre: string | null } {
  const [core = '', pre] = version.split('-', 2);
  return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre: pre ?? null };
}

/** Semver order: negative when `a` is older than `b`. A pre-release is older than its release. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i += 1) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === null) return 1;
  if (pb.pre === null) return -1;
  return pa.pre.localeCompare(pb.pre);
}

/** True when the kiosk runs an older version than the latest (or the server says it is behind). */
export function versionBehind(kiosk: FleetKiosk, latestVersion: string | null): boolean {
  if (kiosk.problems.some((p) => p.code === 'version-behind')) return true;
  const version = kiosk.report?.appVersion;
  return Boolean(version && latestVersion && compareVersions(version, latestVersion) < 0);
}

/** How long ago, as a unit and a number: seconds under a minute, minutes under an hour, and so on. */
export function agoParts(sinceIso: string, nowMs: number): { unit: 's' | 'm' | 'h' | 'd'; n: number } | null {
  const t = Date.parse(sinceIso);
  if (!Number.isFinite(t)) return null;
  const s = Math.max(0, Math.floor((nowMs - t) / 1000));
  if (s < 60) return { unit: 's', n: s };
  if (s < 3600) return { unit: 'm', n: Math.floor(s / 60) };
  if (s < 86_400) return { unit: 'h', n: Math.floor(s / 3600) };
  return { unit: 'd', n: Math.floor(s / 86_400) };
}

/** Free share of a disk, whole percent; null when unknown. */
export function freePercent(disk: { freeBytes: number; totalBytes: number } | null): number | null {
  if (!disk || disk.totalBytes <= 0) return null;
  return Math.round((disk.freeBytes / disk.totalBytes) * 100);
}

/** Bytes in GB or MB, one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}
