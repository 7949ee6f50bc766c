/** `kiosk-doctor disk` with a fake statfs, and once on the real file system. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runDoctor } from './cli';
import { defaultDataDir } from './disk';
import type { FsStats } from './disk';

const GIB = 1024 ** 3;

async function doctor(args: string[], statfs?: (p: string) => Promise<FsStats>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctor(
    ['disk', ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    {},
    { ...(statfs ? { statfs } : {}), platform: 'linux', env: {} },
  );
  return { code, out, err };
}

/** A disk of `totalGiB` with `freeGiB` free, that exists only at `/data`. */
function disk(totalGiB: number, freeGiB: number) {
  const asked: string[] = [];
  const statfs = async (p: string) => {
    asked.push(p);
    if (p !== '/data') throw Object.assign(new Error('no such folder'), { code: 'ENOENT' });
    return { bsize: 4096, blocks: (totalGiB * GIB) / 4096, bavail: (freeGiB * GIB) / 4096 };
  };
  return { statfs, asked };
}

describe('kiosk-doctor disk', () => {
  it('enough space: exit 0; a data folder not made yet is measured at its nearest parent', async () => {
    const d = disk(100, 40);
    const r = await doctor(['--path', '/data/rvw/kiosk', '--json'], d.statfs);
    expect(r.code).toBe(EXIT.Ok);
    expect(d.asked).toEqual(['/data/rvw/kiosk', '/data/rvw', '/data']);
    expect(JSON.parse(r.out[0]!)).toMatchObject({
      status: 'ok',
      details: { measured: '/data', freeBytes: 40 * GIB, freePercent: 40 },
    });
  });

  it('under 1 GiB free: exit 17, WARN', async () => {
    const r = await doctor(['--path', '/data'], disk(100, 0.5).statfs);
    expect(r.code).toBe(EXIT.DiskLow);
    expect(r.err[0]).toMatch(/^WARN: 磁盘空间不足 Disk almost full — \/data: 0.5 GiB free of 100.0 GiB/);
  });

  it('under 5 % free though more than 1 GiB: exit 17; the thresholds are options', async () => {
    expect((await doctor(['--path', '/data'], disk(1000, 40).statfs)).code).toBe(EXIT.DiskLow);
    expect((await doctor(['--path', '/data', '--min-free-percent', '3'], disk(1000, 40).statfs)).code).toBe(
      EXIT.Ok,
    );
    expect((await doctor(['--path', '/data', '--min-free-gib', '50'], disk(100, 40).statfs)).code).toBe(
      EXIT.DiskLow,
    );
  });

  it('an unreadable file system: exit 18; a bad threshold: exit 2', async () => {
    const denied = async () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    };
    const r = await doctor(['--path', '/data'], denied);
    expect(r.code).toBe(EXIT.DiskUnreadable);
    expect(r.err[0]).toContain('EACCES');
    expect((await doctor(['--min-free-gib', 'lots'])).code).toBe(EXIT.Usage);
  });

  it('measures a real folder with fs.statfs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-disk-'));
    try {
      const r = await doctor([
        '--path',
        dir,
        '--json',
        '--min-free-gib',
        '0.001',
        '--min-free-percent',
        '0.001',
      ]);
      const json = JSON.parse(r.out[0]!);
      expect(json.details.totalBytes).toBeGreaterThan(0);
      expect(json.details.measured).toBe(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defaults to the Electron data folder of the kiosk app', () => {
    expect(defaultDataDir('linux', {}, '/home/k')).toBe('/home/k/.config/@rvw/kiosk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, 'C:\\Users\\k')).toContain(
      'kiosk',
    );
  });
});
