/** The printer contract against the in-memory fake. */
import { FakePrinterDriver } from './fake-driver';
import { printerContract } from './printer-contract';

printerContract('in-memory fake', async () => {
  const driver = new FakePrinterDriver({ printers: ['RVW_Fake', 'RVW_Other'] });
  return {
    driver,
    printer: 'RVW_Fake',
    pollMs: 1,
    async setFault(fault) {
      driver.setProblem(fault, 'RVW_Fake');
    },
    async printedCount() {
      return driver.printed.length;
    },
    async printedBytes(index) {
      return driver.printed[index].bytes;
    },
    async close() {},
  };
});
