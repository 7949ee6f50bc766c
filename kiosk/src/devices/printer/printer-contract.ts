/**
 * The printer contract: what every PrinterDriver must do, with printAndWait on top. Run by
 * fake-driver.contract.test.ts (the in-memory fake) and cups-driver.contract.test.ts (a real
 * cupsd from @rvw/sim/cups). Test support: imported only by test files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- test support, imported only by *.test.ts files
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- test support, imported only by *.test.ts files
import { minimalPdf } from '@rvw/sim/cups';
import { PrinterErrorCode } from './errors';
import { printAndWait } from './print-and-wait';
import type { PrinterDriver, PrintProgress } from './types';

/** The faults a contract target can be given. */
export type ContractFault = 'out-of-paper' | 'offline' | 'jammed' | 'not-accepting' | 'stopped';

/** One print system under test, with one queue that is also its default. */
export interface ContractTarget {
  driver: PrinterDriver;
  /** The queue under test (the system default). */
  printer: string;
  /** Gives the queue a fault; null fixes it (clears the fault, resumes and accepts). */
  setFault(fault: ContractFault | null): Promise<void>;
  /** How many jobs have come out on paper so far. */
  printedCount(): Promise<number>;
  /** The bytes of the n-th printed job (0-based). */
  printedBytes(index: number): Promise<Buffer>;
  /** How often printAndWait polls here, in ms. */
  pollMs: number;
  close(): Promise<void>;
}

/** Registers the contract suite for the target `make` creates (once, before all tests). */
export function printerContract(name: string, make: () => Promise<ContractTarget>): void {
  describe(`printer contract: ${name}`, () => {
    let t: ContractTarget;
    let dir: string;
    let pdf: string;

    beforeAll(async () => {
      t = await make();
      dir = mkdtempSync(join(tmpdir(), 'rvw-contract-'));
      pdf = join(dir, 'contract.pdf');
      writeFileSync(pdf, minimalPdf());
    });
    afterAll(async () => {
      await t?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      await t.setFault(null);
    });

    const print = async (): Promise<{ result: PrintProgress; steps: PrintProgress[] }> => {
      const steps: PrintProgress[] = [];
      const result = await printAndWait(t.driver, pdf, {
        printer: t.printer,
        title: 'contract test page',
        pollMs: t.pollMs,
        timeoutMs: 30_000,
        onProgress: (p) => steps.push(p),
      });
      return { result, steps };
    };

    it('lists its printer as idle, accepting and without a problem', async () => {
      const all = await t.driver.list();
      const mine = all.find((p) => p.name === t.printer);
      expect(mine).toMatchObject({ condition: 'idle', accepting: true, problem: null, isDefault: true });
    });

    it('describes the printer by name and as the default', async () => {
      expect((await t.driver.describe(t.printer)).name).toBe(t.printer);
      expect((await t.driver.describe()).name).toBe(t.printer);
    });

    it('says NO_PRINTER for a printer that does not exist', async () => {
      await expect(t.driver.describe('RVW_No_Such_Queue')).rejects.toMatchObject({
        code: PrinterErrorCode.NoPrinter,
      });
    });

    it('says BAD_FILE for a file it cannot read', async () => {
      await expect(
        t.driver.submit(join(dir, 'missing.pdf'), { printer: t.printer, title: 'missing' }),
      ).rejects.toMatchObject({ code: PrinterErrorCode.BadFile });
    });

    it('prints a PDF: printing, then done, and the paper comes out', async () => {
      const before = await t.printedCount();
      const { result, steps } = await print();
      expect(steps.map((s) => s.state)).toEqual(['printing', 'done']);
      expect(result.state).toBe('done');
      expect(await t.printedCount()).toBe(before + 1);
      // The generic PDF driver may wrap the PDF in a PJL header: the PDF starts within it.
      expect((await t.printedBytes(before)).subarray(0, 1024).toString('latin1')).toContain('%PDF-');
      if (result.state === 'done') {
        expect((await t.driver.job(result.jobId, result.printer)).state).toBe('completed');
      }
    });

    it('out of paper: fails with out-of-paper, cancels the job, and it never prints later', async () => {
      const before = await t.printedCount();
      await t.setFault('out-of-paper');
      const { result } = await print();
      expect(result).toMatchObject({ state: 'failed', reason: 'out-of-paper' });
      if (result.state !== 'failed' || result.jobId === null) throw new Error('expected a submitted job');
      expect((await t.driver.job(result.jobId, t.printer)).state).toBe('canceled');
      await t.setFault(null);
      // The next job prints; the canceled one stays canceled and never comes out.
      expect((await print()).result.state).toBe('done');
      expect(await t.printedCount()).toBe(before + 1);
      expect((await t.driver.job(result.jobId, t.printer)).state).toBe('canceled');
    });

    it('offline: fails with offline and the job never prints', async () => {
      const before = await t.printedCount();
      await t.setFault('offline');
      const { result } = await print();
      expect(result).toMatchObject({ state: 'failed', reason: 'offline' });
      if (result.state !== 'failed' || result.jobId === null) throw new Error('expected a submitted job');
      // Canceled on seeing offline-report, or aborted by the queue's error policy first.
      expect(['canceled', 'aborted']).toContain((await t.driver.job(result.jobId, t.printer)).state);
      await t.setFault(null);
      expect((await print()).result.state).toBe('done');
      expect(await t.printedCount()).toBe(before + 1);
    });

    it('jammed: fails with jammed and the job never prints; fixed, the printer prints again', async () => {
      const before = await t.printedCount();
      await t.setFault('jammed');
      const { result } = await print();
      expect(result).toMatchObject({ state: 'failed', reason: 'jammed' });
      if (result.state !== 'failed' || result.jobId === null) throw new Error('expected a submitted job');
      expect(['canceled', 'aborted']).toContain((await t.driver.job(result.jobId, t.printer)).state);
      await t.setFault(null);
      expect((await print()).result.state).toBe('done');
      expect(await t.printedCount()).toBe(before + 1);
      expect(['canceled', 'aborted']).toContain((await t.driver.job(result.jobId, t.printer)).state);
    });

    it('a problem an earlier job left on the printer: each jam in a row is named a jam', async () => {
      const before = await t.printedCount();
      for (let i = 0; i < 2; i++) {
        await t.setFault('jammed');
        expect((await print()).result).toMatchObject({ state: 'failed', reason: 'jammed' });
        await t.setFault(null);
      }
      await t.setFault('out-of-paper');
      expect((await print()).result).toMatchObject({ state: 'failed', reason: 'out-of-paper' });
      await t.setFault(null);
      expect((await print()).result.state).toBe('done');
      expect(await t.printedCount()).toBe(before + 1);
    });

    it('stopped: a stopped printer is refused before anything is sent', async () => {
      const before = await t.printedCount();
      await t.setFault('stopped');
      const info = await t.driver.describe(t.printer);
      expect(info).toMatchObject({ condition: 'stopped', problem: 'stopped' });
      const { result, steps } = await print();
      expect(result).toMatchObject({ state: 'failed', reason: 'stopped', jobId: null });
      expect(steps.map((s) => s.state)).toEqual(['failed']);
      await t.setFault(null);
      expect((await print()).result.state).toBe('done');
      expect(await t.printedCount()).toBe(before + 1);
    });

    it('not accepting: fails with not-accepting and sends nothing', async () => {
      const before = await t.printedCount();
      await t.setFault('not-accepting');
      expect((await t.driver.describe(t.printer)).accepting).toBe(false);
      const { result, steps } = await print();
      expect(result).toMatchObject({ state: 'failed', reason: 'not-accepting', jobId: null });
      expect(steps.map((s) => s.state)).toEqual(['failed']);
      // Submitted anyway (a race with the check), the system itself refuses it.
      await expect(t.driver.submit(pdf, { printer: t.printer, title: 'refused' })).rejects.toMatchObject({
        code: PrinterErrorCode.NotAccepting,
      });
      expect(await t.printedCount()).toBe(before);
    });

    it('says NO_JOB for a job it does not know', async () => {
      await expect(t.driver.job('987654', t.printer)).rejects.toMatchObject({ code: PrinterErrorCode.NoJob });
    });
  });
}
