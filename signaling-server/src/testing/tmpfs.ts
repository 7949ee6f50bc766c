/**
 * A real small filesystem for tests of a full disk: a tmpfs mounted on a fresh temp folder (needs
 * root, as on the build machines), a filler file that takes every free byte, and cleanup. Not
 * exported from the testing index: only the server's own tests mount filesystems.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A mounted tmpfs; `fill()` makes it full, `free()` deletes the filler. */
export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk answers ENOSPC. */
  fill(): void;
  /** Deletes the filler: space returns. */
  free(): void;
  /** Remounts read-only (or read-write again). */
  setReadOnly(readOnly: boolean): void;
  /** Unmounts and deletes the mount point. */
  unmount(): void;
}

/** True when this process may mount filesystems (root on Linux). */
export function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    const disk = mountSmallDisk(256);
    disk.unmount();
    return true;
  } catch {
    return false;
  }
}

/** Mounts a tmpfs of `sizeKb` KiB on a new temp folder. */
export function mountSmallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'rvw-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 1);
      try {
        // Bounded: the disk is small, so this ends with ENOSPC long before the bound.
        for (let i = 0; i < 1_000_000; i++) writeSync(fd, chunk);
        throw new Error('the small disk never filled up');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        // A last partial block may still fit: take single bytes until nothing does.
        try {
          for (let i = 0; i < 8192; i++) writeSync(fd, Buffer.alloc(1));
        } catch {
          // full
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    setReadOnly(readOnly) {
      execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir]);
    },
    unmount() {
      try {
        execFileSync('umount', ['-l', dir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
