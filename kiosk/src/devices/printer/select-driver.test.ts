/** printerHealth for the kiosk's health report, and the CUPS driver when no cupsd answers. */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCupsDriver } from './cups-driver';
import { PrinterErrorCode } from './errors';
import { FakePrinterDriver } from './fake-driver';
import { printAndWait } from './print-and-wait';
import { printerHealth } from './select-driver';

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('printerHealth', () => {
  it('reports a working printer', async () => {
    const driver = new FakePrinterDriver({ printers: ['A', 'B'] });
    expect(await printerHealth(driver)).toEqual({
      name: 'A',
      condition: 'idle',
      accepting: true,
      problem: null,
      message: null,
    });
    expect((await printerHealth(driver, 'B')).name).toBe('B');
  });

  it('reports the problem in our words', async () => {
    const driver = new FakePrinterDriver();
    driver.setProblem('not-accepting');
    expect(await printerHealth(driver)).toMatchObject({ accepting: false, problem: 'not-accepting' });
    driver.setProblem('stopped');
    expect(await printerHealth(driver)).toMatchObject({ condition: 'stopped', problem: 'stopped' });
  });

  it('reports a missing printer without throwing', async () => {
    expect(await printerHealth(new FakePrinterDriver(), 'Nope')).toEqual({
      name: 'Nope',
      condition: 'absent',
      accepting: false,
      problem: 'no-printer',
      message: 'There is no printer named Nope.',
    });
    expect(await printerHealth(new FakePrinterDriver({ printers: [] }))).toMatchObject({
      name: null,
      problem: 'no-printer',
    });
  });
});

describe('CUPS driver without a cupsd', () => {
  it('says PRINT_SYSTEM_UNREACHABLE, and printAndWait fails with no-printer', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const driver = createCupsDriver({ url });
    await expect(driver.list()).rejects.toMatchObject({ code: PrinterErrorCode.Unreachable });
    expect(await printAndWait(driver, '/tmp/none.pdf', { title: 't' })).toMatchObject({
      state: 'failed',
      reason: 'no-printer',
      jobId: null,
    });
    expect(await printerHealth(driver)).toMatchObject({ condition: 'absent', problem: 'no-printer' });
  });
});
