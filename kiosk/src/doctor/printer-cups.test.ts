/**
 * `kiosk-doctor printer` against a real CUPS (a private cupsd from @rvw/sim/cups): the test page
 * reaches the queue with its Chinese text readable (pdftotext) and drawn (pdftoppm). Needs root,
 * cups and cups-filters; without them this file fails with a sentence naming what is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, rasterDarkPixels, startCupsHarness } from '@rvw/sim/cups';
import type { CupsHarness, CupsQueue } from '@rvw/sim/cups';
import { EXIT, runDoctor } from './cli';
import { TEST_PAGE_TEXT } from './test-page';

describe('kiosk-doctor printer (real CUPS)', () => {
  let cups: CupsHarness;
  let queue: CupsQueue;
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDoctor(
      ['printer', '--cups-url', cups.url, ...args],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      { env: {}, pollMs: 100 },
    );
    return { code, out, err };
  };

  beforeAll(async () => {
    cups = await startCupsHarness();
    queue = cups.addQueue('RVW_Doctor', { isDefault: true });
    cups.addQueue('RVW_Doctor_Other');
  });
  afterAll(async () => {
    await cups?.stop();
  });

  it('lists both queues and marks the default', async () => {
    const r = await run([]);
    expect(r.code).toBe(EXIT.Ok);
    expect(r.out.join('\n')).toMatch(/✔ RVW_Doctor \(Generic PDF Printer\) \(默认 default, ← 本机使用/);
    expect(r.out.join('\n')).toContain('RVW_Doctor_Other');
  });

  it('--test-page prints Chinese text that extracts and draws', async () => {
    const r = await run(['--test-page', '--json']);
    expect(r.code).toBe(EXIT.Ok);
    expect(JSON.parse(r.out[0]).testPage).toMatchObject({ state: 'done', printer: 'RVW_Doctor' });
    const [file] = await queue.waitForOutput(1);
    const text = await pdfText(file);
    expect(text).toContain(TEST_PAGE_TEXT.title);
    expect(text).toContain(TEST_PAGE_TEXT.check);
    expect(await rasterDarkPixels(file, 1)).toBeGreaterThan(1000);
  });

  it('--test-page on a printer out of paper: exit 9, out-of-paper, nothing printed', async () => {
    const before = queue.outputs().length;
    queue.setFault('out-of-paper');
    const r = await run(['--test-page', '--json', '--printer', 'RVW_Doctor']);
    queue.setFault(null);
    expect(r.code).toBe(EXIT.PrinterProblem);
    expect(JSON.parse(r.out[0]).testPage).toMatchObject({ state: 'failed', reason: 'out-of-paper' });
    expect(queue.outputs()).toHaveLength(before);
  });
});
