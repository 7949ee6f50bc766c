/**
 * The one event forwarder: every host event, checked against the contract, goes to a sink (the
 * Electron window's webContents, or every page of the browser shell).
 */
import { bridgeEvents, parseBridgeEvent } from '@rvw/shared';
import type { BridgeEventChannel } from '@rvw/shared';
import type { KioskHost } from './kiosk-host';

/** Every event channel of the contract. */
export const bridgeEventChannels = Object.keys(bridgeEvents) as BridgeEventChannel[];

/** Receives a checked event; `channel` is the contract's name. */
export type BridgeEventSink = (channel: BridgeEventChannel, payload: unknown) => void;

/** Forwards every host event to `sink`; drops (and logs) payloads that break the contract. Returns the detacher. */
export function forwardBridgeEvents(
  events: KioskHost['events'],
  sink: BridgeEventSink,
  logger: { error(message: string): void },
): () => void {
  const emitter = events as unknown as NodeJS.EventEmitter;
  const listeners = bridgeEventChannels.map((channel) => {
    const listener = (payload: unknown): void => {
      const checked = parseBridgeEvent(channel, payload);
      if (checked === null) {
        logger.error(`bridge: dropped an event on ${channel} that does not match the contract`);
        return;
      }
      sink(channel, checked);
    };
    emitter.on(channel, listener);
    return { channel, listener };
  });
  return () => {
    for (const { channel, listener } of listeners) emitter.off(channel, listener);
  };
}
