/** The demo printer behind npm start: a real private cupsd whose output lands in the data folder. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCupsDriver, printAndWait } from '@rvw/kiosk/printer';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_QUEUE, startDemoPrinter } from './demo-printer';
import { minimalPdf } from './sample-pdf';

const dataDir = mkdtempSync(join(tmpdir(), 'rvw-demo-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('demo printer', () => {
  it('gives the kiosk its CUPS URL and queue; a print lands in the data folder; stop ends cupsd', async () => {
    const printer = await startDemoPrinter({ dataDir });
    try {
      expect(printer.env).toEqual({
        RVW_KIOSK_CUPS_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        RVW_KIOSK_PRINTER: DEMO_QUEUE,
      });
      expect(printer.line).toContain(join(dataDir, 'printed'));
      const file = join(dataDir, 'in.pdf');
      writeFileSync(file, minimalPdf('demo'));
      const driver = createCupsDriver({ url: printer.env.RVW_KIOSK_CUPS_URL });
      const result = await printAndWait(driver, file, { printer: DEMO_QUEUE, title: 'demo', pollMs: 100 });
      expect(result.state).toBe('done');
      if (result.state === 'done') {
        expect(existsSync(join(dataDir, 'printed', `job-${result.jobId}.pdf`))).toBe(true);
      }
    } finally {
      const pid = printer.pid;
      await printer.stop();
      expect(printer.pid).toBeNull();
      expect(() => process.kill(pid!, 0)).toThrow();
    }
  });

  it('where CUPS cannot run: one line naming why, no settings, and stop is harmless', async () => {
    const printer = await startDemoPrinter({
      dataDir,
      check: () => 'A private CUPS cannot run here: missing root.',
    });
    expect(printer.env).toEqual({});
    expect(printer.line.split('\n')).toHaveLength(1);
    expect(printer.line).toContain('missing root');
    await printer.stop();
  });
});
