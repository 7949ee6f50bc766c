/**
 * The printer as a kiosk device (issue 10): plain Node, no electron. The host picks a driver with
 * createPrinterDriver (CUPS on Linux, the Windows spooler on win32), prints with printAndWait and
 * reports printerHealth; tests and the demo use FakePrinterDriver.
 */
export type {
  PrinterDriver,
  PrinterInfo,
  PrinterCondition,
  DeviceJobState,
  DeviceJobStatus,
  SubmitOptions,
  PrintProgress,
} from './types';
export { FINAL_DEVICE_JOB_STATES } from './types';
export { PrinterError, PrinterErrorCode, isPrinterError } from './errors';
export { readReason, blockingProblem, realReasons } from './reasons';
export type { ReadReason } from './reasons';
export { createCupsDriver, DEFAULT_CUPS_URL } from './cups-driver';
export type { CupsDriverOptions } from './cups-driver';
export { createWindowsDriver } from './windows-driver';
export type { WindowsDriverOptions, PdfToPrinterModule, CommandRunner } from './windows-driver';
export { FakePrinterDriver } from './fake-driver';
export type { FakePrinterOptions, FakePrinterProblem, FakeJob } from './fake-driver';
export { printAndWait } from './print-and-wait';
export type { PrintAndWaitOptions } from './print-and-wait';
export { createPrinterDriver, printerHealth } from './select-driver';
export type { PrinterDriverOptions, PrinterHealth } from './select-driver';
