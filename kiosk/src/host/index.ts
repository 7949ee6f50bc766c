/** The kiosk host: feature modules behind the bridge, composed by bootKioskHost. */
export { bootKioskHost } from './kiosk-host';
export type { KioskHost, KioskHostDeps, KioskHostEvents, KioskLogger } from './kiosk-host';
export type { HostContext, HostFeature } from './feature';
export { loadKioskConfig } from './config';
export type { KioskConfig, IdCardConfig } from './config';
export { KioskError, KioskErrorCode } from './errors';
export { dispatchBridgeCall } from './dispatch';
export { forwardBridgeEvents, bridgeEventChannels } from './forward-events';
export { openReader } from './open-reader';
export { summarizeCard, familyNameOf } from './card-summary';
