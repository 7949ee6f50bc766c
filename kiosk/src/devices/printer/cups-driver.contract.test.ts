/**
 * The printer contract against a real CUPS: a private cupsd with the test backend (@rvw/sim/cups).
 * Needs root and Debian's cups and cups-filters; without them this file fails with a sentence
 * naming what is missing (npm test installs them).
 */
import { readFile } from 'node:fs/promises';
import { startCupsHarness } from '@rvw/sim/cups';
import { createCupsDriver } from './cups-driver';
import { printerContract } from './printer-contract';

printerContract('CUPS (private cupsd, test backend)', async () => {
  const cups = await startCupsHarness();
  const queue = cups.addQueue('RVW_Contract', { isDefault: true });
  // A second queue, so that the default is not merely the only one.
  cups.addQueue('RVW_Contract_Other');
  return {
    driver: createCupsDriver({ url: cups.url }),
    printer: queue.name,
    pollMs: 100,
    async setFault(fault) {
      if (fault === 'not-accepting') queue.reject();
      else if (fault === 'stopped') queue.disable();
      else if (fault === null) {
        queue.setFault(null);
        queue.enable();
      } else queue.setFault(fault);
    },
    async printedCount() {
      return queue.outputs().length;
    },
    async printedBytes(index) {
      return readFile(queue.outputs()[index]);
    },
    close: () => cups.stop(),
  };
});
