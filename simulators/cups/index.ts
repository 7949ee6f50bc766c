/**
 * @rvw/sim/cups: a private CUPS for tests, benchmarks and the demo (issue 10). See harness.ts.
 */
export { startCupsHarness, installBackend, tempOutDir, BACKEND_SCHEME, BACKEND_DIR } from './harness';
export type { CupsHarness, CupsQueue, CupsQueueOptions, CupsFault } from './harness';
export { startCupsd, cupsMissing, freePort, GENERIC_PDF_PPD } from './cupsd';
export type { Cupsd, CupsdOptions } from './cupsd';
export { pdfText, rasterDarkPixels, pgmPixels } from './output';
export { minimalPdf } from './sample-pdf';
export { startDemoPrinter, DEMO_QUEUE } from './demo-printer';
export type { DemoPrinter } from './demo-printer';
