/** @rvw/kiosk's Node surface for the demo, the simulators and the tests: the host, the browser shell and the config loader. */
export {
  bootKioskHost,
  loadKioskConfig,
  KioskError,
  KioskErrorCode,
  dispatchBridgeCall,
  openReader,
} from './host';
export type {
  KioskHost,
  KioskHostDeps,
  KioskHostEvents,
  KioskLogger,
  KioskConfig,
  IdCardConfig,
} from './host';
export { FakeReader, sampleResidentCard, sampleForeignCard } from './host/fake-reader';
export { DEFAULT_IDLE_POLL_MS, DEFAULT_SERVING_POLL_MS, readerPace } from './host/reader-pace';
export { startBrowserShell } from './browser-shell';
export type { BrowserShell, BrowserShellOptions } from './browser-shell';
