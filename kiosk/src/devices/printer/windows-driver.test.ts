/**
 * The Windows driver cannot run here: a fake pdf-to-printer and a fake command runner check what
 * it would run (PowerShell with an argument array, inputs in the environment, never a shell
 * string holding the path) and how it reads the spooler's answers.
 */
import { describe, expect, it, vi } from 'vitest';
import { PrinterErrorCode } from './errors';
import { printAndWait } from './print-and-wait';
import { createPrinterDriver } from './select-driver';
import type { CommandRunner, PdfToPrinterModule } from './windows-driver';
import { createWindowsDriver, jobStateOf, POWERSHELL, SCRIPTS, statusReasons } from './windows-driver';

const PATH = "C:\\Users\\kiosk\\AppData\\Local\\Temp\\rvw print\\a'; Remove-Item C:\\ -Recurse; '.pdf";

/** `printerStatus` is the printer's status; `statusAfter` its status once the file is spooled. */
function fakes(jobsAfter: string, printerStatus = 'Normal', statusAfter = printerStatus) {
  const module: PdfToPrinterModule = {
    print: vi.fn(async () => {}),
    getPrinters: vi.fn(async () => [{ name: 'HP LaserJet' }, { name: 'Microsoft Print to PDF' }]),
    getDefaultPrinter: vi.fn(async () => ({ name: 'HP LaserJet' })),
  };
  let printed = false;
  vi.mocked(module.print).mockImplementation(async () => {
    printed = true;
  });
  const calls: { file: string; args: string[]; env: Record<string, string> }[] = [];
  const run: CommandRunner = vi.fn(async (file, args, env) => {
    calls.push({ file, args, env });
    const script = args[args.length - 1];
    if (script === SCRIPTS.printers) {
      return JSON.stringify([
        { Name: 'HP LaserJet', Status: printed ? statusAfter : printerStatus },
        { Name: 'Microsoft Print to PDF', Status: 'Normal' },
      ]);
    }
    if (script === SCRIPTS.jobs) return printed ? jobsAfter : '';
    return '';
  });
  return { module, run, calls, driver: createWindowsDriver({ pdfToPrinter: module, run }) };
}

describe('Windows driver', () => {
  it('is chosen on win32 only', () => {
    expect(createPrinterDriver({ platform: 'win32' }).kind).toBe('windows');
    expect(createPrinterDriver({ platform: 'linux' }).kind).toBe('cups');
    expect(createPrinterDriver({ platform: 'darwin', cupsUrl: 'http://127.0.0.1:6310' }).kind).toBe('cups');
  });

  it('spools through pdf-to-printer with the path as one argument, never through PowerShell', async () => {
    const f = fakes(
      JSON.stringify({ Id: 12, DocumentName: "a'; Remove-Item C:\\ -Recurse; '.pdf", Status: 'Spooling' }),
    );
    const job = await f.driver.submit(PATH, { printer: 'HP LaserJet', title: 'receipt' });
    expect(job).toEqual({ jobId: '12', printer: 'HP LaserJet' });
    expect(f.module.print).toHaveBeenCalledWith(PATH, { printer: 'HP LaserJet', silent: true });
    for (const c of f.calls) {
      expect(c.file).toBe(POWERSHELL);
      expect(c.args.slice(0, 5)).toEqual([
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-Command',
      ]);
      expect(c.args.join(' ')).not.toContain('Remove-Item');
      expect(c.args.join(' ')).not.toContain('HP LaserJet');
    }
    expect(f.calls.find((c) => c.args.at(-1) === SCRIPTS.jobs)?.env).toEqual({ RVW_PRINTER: 'HP LaserJet' });
  });

  it('uses the default printer when none is named', async () => {
    const f = fakes('[{"Id":3,"DocumentName":"x.pdf","Status":""}]');
    expect(await f.driver.submit('C:\\t\\x.pdf', { title: 'receipt' })).toEqual({
      jobId: '3',
      printer: 'HP LaserJet',
    });
    expect((await f.driver.describe()).name).toBe('HP LaserJet');
    await expect(f.driver.describe('Nope')).rejects.toMatchObject({ code: PrinterErrorCode.NoPrinter });
  });

  it('lists printers with their spooler status read as reasons', async () => {
    const f = fakes('', 'PaperOut');
    const list = await f.driver.list();
    expect(list[0]).toMatchObject({
      name: 'HP LaserJet',
      isDefault: true,
      reasons: ['media-empty-error'],
      problem: 'out-of-paper',
      accepting: true,
    });
    expect(list[1]).toMatchObject({ name: 'Microsoft Print to PDF', condition: 'idle', problem: null });
  });

  it('cancels with Remove-PrintJob, the id and name in the environment', async () => {
    const f = fakes('');
    await f.driver.cancel('12', 'HP LaserJet');
    expect(f.calls.at(-1)).toEqual({
      file: POWERSHELL,
      args: expect.arrayContaining([SCRIPTS.cancel]),
      env: { RVW_PRINTER: 'HP LaserJet', RVW_JOB_ID: '12' },
    });
    // A job id that is not a number never reaches PowerShell.
    const n = f.calls.length;
    await f.driver.cancel('12; Stop-Computer', 'HP LaserJet');
    expect(f.calls.length).toBe(n);
  });

  it('maps spooler job states, and a job gone from the queue is completed', async () => {
    expect(jobStateOf('')).toBe('pending');
    expect(jobStateOf('Spooling')).toBe('processing');
    expect(jobStateOf('Printing, Retained')).toBe('processing');
    expect(jobStateOf('Error, Printing')).toBe('stopped');
    expect(jobStateOf('Paused')).toBe('held');
    expect(jobStateOf('Deleting, Printing')).toBe('canceled');
    expect(jobStateOf('Printed')).toBe('completed');
    expect(statusReasons('PaperJam')).toEqual(['media-jam-error']);
    expect(statusReasons('Offline')).toEqual(['offline-report']);
    expect(statusReasons('Normal')).toEqual([]);
    const f = fakes('');
    const status = await f.driver.job('99', 'HP LaserJet');
    expect(status.state).toBe('completed');
  });

  it('printAndWait over the spooler: out of paper cancels the job', async () => {
    // The printer reports paper out once the job is there.
    const f = fakes('[{"Id":5,"DocumentName":"r.pdf","Status":"Printing"}]', 'Normal', 'PaperOut');
    const result = await printAndWait(f.driver, 'C:\\t\\r.pdf', { title: 'receipt', sleep: async () => {} });
    expect(result).toMatchObject({ state: 'failed', reason: 'out-of-paper', detail: 'PaperOut', jobId: '5' });
    expect(f.calls.at(-1)).toMatchObject({ env: { RVW_PRINTER: 'HP LaserJet', RVW_JOB_ID: '5' } });
    expect(f.calls.at(-1)?.args.at(-1)).toBe(SCRIPTS.cancel);
  });

  it('a spooler that cannot be asked is PRINT_SYSTEM_UNREACHABLE', async () => {
    const driver = createWindowsDriver({
      pdfToPrinter: fakes('').module,
      run: async () => {
        throw new Error('powershell.exe not found');
      },
    });
    await expect(driver.list()).rejects.toMatchObject({ code: PrinterErrorCode.Unreachable });
  });
});
