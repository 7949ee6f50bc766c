/**
 * What a feature of the kiosk host is: a module that contributes the handlers of its slice of the
 * bridge contract, emits its slice of the events, and releases what it holds on close. The host
 * (kiosk-host.ts) only composes features; a new device (printer, document camera) or service
 * (fleet reporter) is a new feature file plus a new slice in shared/src/bridge/.
 */
import type { BridgeEvent, BridgeEventChannel, HandlersOf, InvokeSlice } from '@rvw/shared';
import type { KioskConfig } from './config';

/** Where the host writes technician logs. Only codes and states go here, never card data or the token. */
export interface KioskLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Pushes one bridge event to every renderer (checked against the contract by the forwarder). */
export type EmitBridgeEvent = <C extends BridgeEventChannel>(channel: C, event: BridgeEvent<C>) => void;

/** What every feature is given by the host. */
export interface HostContext {
  config: KioskConfig;
  logger: KioskLogger;
  emit: EmitBridgeEvent;
  /** Clock for ages and logs. */
  now: () => Date;
  /** HTTP client. */
  fetch: typeof fetch;
  /** Timeout of each HTTP call in ms. */
  httpTimeoutMs: number;
}

/** One feature: its handlers (one per channel of its slice) and its clean-up. */
export interface HostFeature<S extends InvokeSlice> {
  handlers: HandlersOf<S>;
  /** Releases what the feature holds (reader, socket, card data). Called once, on host close. */
  close(): Promise<void>;
}
