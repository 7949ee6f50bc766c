/**
 * `kiosk-doctor disk`: free space where the kiosk keeps its data (fs.statfs), with a warning under
 * a threshold: less than --min-free-gib (default 1 GiB) or less than --min-free-percent (default 5 %).
 */
import { statfs as fsStatfs } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { kioskDataDir } from '../host/data-dir';
import type { CheckResult } from './check';

/** Exit codes of `kiosk-doctor disk` (added to kiosk-doctor's EXIT). */
export const DISK_EXIT = {
  /** Free space under the threshold. */
  DiskLow: 17,
  /** The folder's file system could not be read. */
  DiskUnreadable: 18,
} as const;

/** What statfs gives that the check uses. */
export interface FsStats {
  bsize: number;
  blocks: number;
  bavail: number;
}

/** Options of the disk check. */
export interface DiskOptions {
  /** The kiosk's data folder (its nearest existing parent is measured when it does not exist yet). */
  path: string;
  /** Warn under this many GiB free; default 1. */
  minFreeGiB?: number;
  /** Warn under this share free, in percent; default 5. */
  minFreePercent?: number;
  /** statfs (tests give a fake). */
  statfs?: (path: string) => Promise<FsStats>;
}

/**
 * The kiosk's data folder: where Electron keeps the app's data (userData of the app "@rvw/kiosk"),
 * or RVW_KIOSK_DATA_DIR; see host/data-dir.ts (one definition for the app, the shell and the doctor).
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home = homedir()): string {
  return kioskDataDir(env, platform, home);
}

const GIB = 1024 ** 3;

function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}

/** Runs the disk check. */
export async function diskCheck(options: DiskOptions): Promise<CheckResult> {
  const minGiB = options.minFreeGiB ?? 1;
  const minPercent = options.minFreePercent ?? 5;
  const statfs = options.statfs ?? ((p: string) => fsStatfs(p));
  let measured = options.path;
  let stats: FsStats | null = null;
  let lastError: unknown = null;
  // A kiosk that never ran has no data folder yet: measure the file system that will hold it.
  for (;;) {
    try {
      stats = await statfs(measured);
      break;
    } catch (err) {
      lastError = err;
      const up = dirname(measured);
      if (up === measured || (err as NodeJS.ErrnoException).code !== 'ENOENT') break;
      measured = up;
    }
  }
  if (!stats) {
    const why = (lastError as NodeJS.ErrnoException | null)?.code ?? String(lastError);
    return {
      check: 'disk',
      status: 'fail',
      exit: DISK_EXIT.DiskUnreadable,
      summary: `无法读取 ${options.path} 所在磁盘的空间（${why}）。 Cannot read the free space of the disk holding ${options.path} (${why}).`,
      details: { path: options.path },
    };
  }
  const free = stats.bavail * stats.bsize;
  const total = stats.blocks * stats.bsize;
  const percent = total > 0 ? (free / total) * 100 : 0;
  const details = {
    path: options.path,
    measured,
    freeBytes: free,
    totalBytes: total,
    freePercent: Math.round(percent * 10) / 10,
    minFreeGiB: minGiB,
    minFreePercent: minPercent,
  };
  const where = `${measured}: ${gib(free)} free of ${gib(total)} (${details.freePercent} %)`;
  if (free < minGiB * GIB || percent < minPercent) {
    return {
      check: 'disk',
      status: 'warn',
      exit: DISK_EXIT.DiskLow,
      summary: `磁盘空间不足 Disk almost full — ${where}; below ${minGiB} GiB or ${minPercent} %: 请清理旧文件或更换更大的磁盘 free some space or fit a larger disk.`,
      details,
    };
  }
  return { check: 'disk', status: 'ok', exit: 0, summary: `磁盘空间充足 Disk space ok — ${where}`, details };
}
