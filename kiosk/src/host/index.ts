/** The kiosk host: bridge handlers over the reader, the held card and the server's identity API. */
export { createKioskHost } from './kiosk-host';
export type { KioskHost, KioskHostDeps, KioskHostEvents, KioskLogger } from './kiosk-host';
export { loadKioskConfig } from './config';
export type { KioskConfig, IdCardConfig } from './config';
export { KioskError, KioskErrorCode, toBridgeError } from './errors';
export { dispatchBridgeCall, checkBridgeEvent, bridgeEventChannels } from './dispatch';
export type { BridgeResult } from './dispatch';
export { openReader } from './open-reader';
export { summarizeCard, familyNameOf } from './card-summary';
