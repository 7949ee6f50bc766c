/**
 * The displays of a heartbeat, from what Electron's `screen` module lists (the main process passes
 * `displays: () => displayReports(screen.getAllDisplays(), screen.getPrimaryDisplay().id)` to
 * bootKioskHost). Kept free of Electron so that it can be tested here.
 */
import type { DisplayReport } from '@rvw/shared';

/** The part of Electron's Display this reads. */
export interface ElectronDisplayLike {
  id: number;
  /** In device-independent pixels, as Electron's `size`. */
  bounds: { width: number; height: number };
  touchSupport?: 'available' | 'unavailable' | 'unknown';
}

/** The report's displays (at most 8), the primary marked. */
export function displayReports(
  displays: readonly ElectronDisplayLike[],
  primaryId: number | null,
): DisplayReport[] {
  return displays
    .filter((d) => d.bounds.width > 0 && d.bounds.height > 0)
    .slice(0, 8)
    .map((d) => ({
      id: String(d.id).slice(0, 40),
      width: Math.min(20_000, Math.round(d.bounds.width)),
      height: Math.min(20_000, Math.round(d.bounds.height)),
      primary: d.id === primaryId,
      touch: d.touchSupport === 'available' ? true : d.touchSupport === 'unavailable' ? false : null,
    }));
}
