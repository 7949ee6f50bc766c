/** @rvw/kiosk's Node surface for the lead and the tests: the host, the web host and the config loader. */
export {
  createKioskHost,
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
export { startWebHost, BRIDGE_IO_PATH } from './web-host';
export type { WebHost, WebHostOptions } from './web-host';
