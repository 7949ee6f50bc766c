/**
 * A data folder that cannot be used stops the real server process with exit code 78 and one
 * sentence naming RVW_DATA_DIR and the path, like any bad configuration (no stack trace).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from './testing/server-process';
import { canMount, mountSmallDisk, type SmallDisk } from './testing/tmpfs';

async function refusedStart(dataDir: string): Promise<{ code: number | null; err: string }> {
  const p = startServerProcess(['serve'], { RVW_DATA_DIR: dataDir, RVW_ADMIN_PASSWORD: 'correct horse 1' });
  const timer = setTimeout(() => void p.kill(), 30_000);
  const code = await p.exited;
  clearTimeout(timer);
  return { code, err: p.err() };
}

function expectConfigSentence(r: { code: number | null; err: string }, path: string): void {
  expect(r.code).toBe(78);
  expect(r.err).toContain('RVW_DATA_DIR');
  expect(r.err).toContain(path);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err.trim().split('\n')).toHaveLength(1);
}

describe('a data folder that cannot be used', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rvw-datadir-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('under a file (its parent is not a folder): exit 78 naming RVW_DATA_DIR', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const path = join(file, 'data');
    expectConfigSentence(await refusedStart(path), path);
  }, 40_000);

  describe.skipIf(!canMount())('on a read-only filesystem', () => {
    let disk: SmallDisk;
    beforeAll(() => {
      disk = mountSmallDisk(256);
      disk.setReadOnly(true);
    });
    afterAll(() => disk?.unmount());

    it('a read-only folder: exit 78 naming RVW_DATA_DIR', async () => {
      expectConfigSentence(await refusedStart(disk.dir), disk.dir);
    }, 40_000);

    it('a missing parent that cannot be created: exit 78 naming RVW_DATA_DIR', async () => {
      const path = join(disk.dir, 'missing', 'data');
      expectConfigSentence(await refusedStart(path), path);
    }, 40_000);
  });
});
