/**
 * The real-CUPS harness: a private cupsd, the rvw-test backend and its faults, read back with
 * pdftotext and pdftoppm. Needs root, cups and cups-filters: without them this file fails with a
 * sentence naming what is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKEND_DIR,
  BACKEND_SCHEME,
  minimalPdf,
  pdfText,
  rasterDarkPixels,
  startCupsHarness,
} from './index';
import type { CupsHarness } from './index';

/** `lpstat -h HOST args…` output. */
function lpstat(cups: CupsHarness, args: string[]): string {
  return spawnSync('lpstat', ['-h', cups.host, ...args], { encoding: 'utf8' }).stdout;
}

/** Submits with lp (the harness is independent of the kiosk's driver); returns the job's number. */
function lp(cups: CupsHarness, queue: string, file: string): number {
  const r = spawnSync('lp', ['-h', cups.host, '-d', queue, file], { encoding: 'utf8' });
  const id = /request id is \S+-(\d+)/.exec(r.stdout)?.[1];
  if (!id) throw new Error(`lp failed: ${r.stderr}`);
  return Number(id);
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('CUPS harness', () => {
  let cups: CupsHarness;
  let file: string;

  beforeAll(async () => {
    cups = await startCupsHarness();
    file = join(cups.dir, 'in.pdf');
    writeFileSync(file, minimalPdf('RVW harness'));
  });
  afterAll(async () => {
    await cups?.stop();
  });

  it('runs a private cupsd on loopback with the backend installed 0700', () => {
    expect(cups.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cups.pid).toBeGreaterThan(0);
    const backend = join(BACKEND_DIR, BACKEND_SCHEME);
    expect(statSync(backend).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(cups.dir, 'etc/cupsd.conf'), 'utf8')).toContain(`Listen ${cups.host}`);
  });

  it('prints to the output folder; pdftotext and pdftoppm read it back', async () => {
    const q = cups.addQueue('H_Print', { isDefault: true });
    expect(lpstat(cups, ['-d'])).toContain('H_Print');
    lp(cups, 'H_Print', file);
    const [out] = await q.waitForOutput(1);
    expect(await pdfText(out)).toContain('RVW harness');
    expect(await rasterDarkPixels(out, 1)).toBeGreaterThan(50);
    await expect(q.waitForOutput(2, 300)).rejects.toThrow(/printed 1 of 2 jobs/);
  });

  it('out of paper: the job waits with media-empty-error and prints once the fault clears', async () => {
    const q = cups.addQueue('H_Paper');
    q.setFault('out-of-paper');
    lp(cups, 'H_Paper', file);
    await until('media-empty-error', () =>
      lpstat(cups, ['-l', '-p', 'H_Paper']).includes('media-empty-error'),
    );
    expect(q.outputs()).toEqual([]);
    q.setFault(null);
    expect(await q.waitForOutput(1)).toHaveLength(1);
  });

  it('offline: the job is aborted and the queue keeps accepting', async () => {
    const q = cups.addQueue('H_Offline');
    q.setFault('offline');
    const id = lp(cups, 'H_Offline', file);
    await until('the job to end', () => !lpstat(cups, ['-o', 'H_Offline']).includes(`H_Offline-${id}`));
    expect(lpstat(cups, ['-W', 'completed', '-o', 'H_Offline'])).toContain(`H_Offline-${id}`);
    expect(lpstat(cups, ['-p', 'H_Offline'])).not.toContain('disabled');
    expect(q.outputs()).toEqual([]);
  });

  it('jammed: CUPS stops the queue; enable() resumes it and the job prints', async () => {
    const q = cups.addQueue('H_Jam');
    q.setFault('jammed');
    lp(cups, 'H_Jam', file);
    await until('the queue to stop', () => lpstat(cups, ['-p', 'H_Jam']).includes('disabled'));
    q.setFault(null);
    q.enable();
    expect(await q.waitForOutput(1)).toHaveLength(1);
  });

  it('removes a queue', () => {
    const q = cups.addQueue('H_Gone');
    q.remove();
    expect(lpstat(cups, ['-p'])).not.toContain('H_Gone');
    expect(() => cups.queue('H_Gone')).toThrow(/No queue/);
  });

  it('refuses unsafe queue names and output folders', () => {
    expect(() => cups.addQueue('bad name')).toThrow(/letters, digits/);
    expect(() => cups.addQueue('Ok', { outDir: '/tmp/has space' })).toThrow(/absolute path/);
  });

  it('stop() ends its cupsd and removes its folder', async () => {
    const other = await startCupsHarness();
    const pid = other.pid;
    expect(pid).not.toBeNull();
    await other.stop();
    expect(other.pid).toBeNull();
    expect(existsSync(other.dir)).toBe(false);
    expect(() => process.kill(pid!, 0)).toThrow();
  });
});
