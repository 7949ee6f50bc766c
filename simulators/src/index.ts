/**
 * @rvw/sim: the GA 467 ID-card reader simulated on a real serial line (a socat pty pair), its
 * loopback control API and the sample cards it can hold. Subpaths: `@rvw/sim/browser` (Chromium
 * with a fake camera and microphone) and `@rvw/sim/kiosk-stack` (a whole kiosk on these parts).
 */
export { Ga467Device, DEFAULT_SAM_ID } from './ga467/device';
export type { Ga467DeviceOptions } from './ga467/device';
export { Ga467Simulator } from './ga467/simulator';
export type { Ga467Faults, Ga467SimulatorOptions } from './ga467/simulator';
export { startControlServer } from './ga467/control-server';
export type { ControlServer } from './ga467/control-server';
export { startSimulatedReaderLine } from './ga467/line';
export type { SimulatedReaderLine } from './ga467/line';
export { startPtyPair } from './pty-pair';
export type { PtyPair, PtyPairOptions } from './pty-pair';
export { sampleCards, residentWithAppendedAddress, encodeCardText, encodeAppendedAddress } from './cards';
