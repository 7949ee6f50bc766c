/**
 * The kiosk bridge contract: everything the renderer may ask of the host (the Electron main process
 * or, in a browser, the browser shell that stands in for it) and every event it may receive. Each
 * area contributes a slice from its own file; this file merges them into one map per direction.
 * The preload API, the web bridge and the host's handler types are all derived from these maps,
 * and each request, answer and event is validated with these schemas where it arrives.
 */
import type { z } from 'zod';
import { caseBridgeEvents, caseInvokes } from './case';
import { configEvents, configInvokes } from './config';
import { demoEvents, demoInvokes } from './demo';
import { BridgeError } from './errors';
import { enrolmentInvokes, fleetBridgeEvents, fleetInvokes } from './fleet';
import { idcardEvents, idcardInvokes } from './idcard';
import { paperBridgeEvents, paperInvokes } from './paper';
import { routingBridgeEvents, routingInvokes } from './routing';
import { serverBridgeEvents, serverInvokes } from './server';
import type { EventMapOf, EventSlice, HandlersOf, InvokeSlice } from './spec';

/** Request/response channels (renderer -> host, answered), all areas merged. */
export const bridgeInvokes = {
  ...configInvokes,
  ...idcardInvokes,
  ...serverInvokes,
  ...caseInvokes,
  ...paperInvokes,
  ...routingInvokes,
  ...fleetInvokes,
  ...enrolmentInvokes,
  ...demoInvokes,
} as const satisfies InvokeSlice;

/** Events (host -> renderer), all areas merged. */
export const bridgeEvents = {
  ...configEvents,
  ...idcardEvents,
  ...serverBridgeEvents,
  ...caseBridgeEvents,
  ...paperBridgeEvents,
  ...routingBridgeEvents,
  ...fleetBridgeEvents,
  ...demoEvents,
} as const satisfies EventSlice;

export type BridgeInvokeChannel = keyof typeof bridgeInvokes;
export type BridgeEventChannel = keyof typeof bridgeEvents;
export type BridgeRequest<C extends BridgeInvokeChannel> = z.infer<(typeof bridgeInvokes)[C]['request']>;
export type BridgeResponse<C extends BridgeInvokeChannel> = z.infer<(typeof bridgeInvokes)[C]['response']>;
export type BridgeEvent<C extends BridgeEventChannel> = z.infer<(typeof bridgeEvents)[C]>;

/** The host side: one handler per invoke channel. */
export type BridgeHandlers = HandlersOf<typeof bridgeInvokes>;
/** The host's events as an EventEmitter map: exactly the bridge's event map. */
export type BridgeEventMap = EventMapOf<typeof bridgeEvents>;

/** The API the renderer sees as `window.kioskBridge` (exposed by the preload or the web bridge). */
export interface KioskBridge {
  invoke<C extends BridgeInvokeChannel>(channel: C, request: BridgeRequest<C>): Promise<BridgeResponse<C>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<C extends BridgeEventChannel>(channel: C, listener: (event: BridgeEvent<C>) => void): () => void;
}

/** The global name under which the bridge is exposed to the renderer. */
export const BRIDGE_GLOBAL = 'kioskBridge';

/** True when `channel` names an invoke channel of the contract. */
export function isBridgeInvokeChannel(channel: unknown): channel is BridgeInvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(bridgeInvokes, channel);
}

/** True when `channel` names an event channel of the contract. */
export function isBridgeEventChannel(channel: unknown): channel is BridgeEventChannel {
  return typeof channel === 'string' && Object.hasOwn(bridgeEvents, channel);
}

/** Validates a request for a channel; throws a BAD_CHANNEL or BAD_PAYLOAD BridgeError. */
export function parseBridgeRequest<C extends BridgeInvokeChannel>(
  channel: C,
  request: unknown,
): BridgeRequest<C> {
  if (!isBridgeInvokeChannel(channel)) throw BridgeError.badChannel();
  const result = bridgeInvokes[channel].request.safeParse(request ?? {});
  if (!result.success)
    throw BridgeError.badPayload(
      `Malformed request on ${channel}: ${result.error.issues[0]?.message ?? 'invalid'}`,
    );
  return result.data as BridgeRequest<C>;
}

/** Holds a handler's answer to the contract, so that a handler bug cannot leak extra fields. */
export function parseBridgeResponse<C extends BridgeInvokeChannel>(
  channel: C,
  data: unknown,
): BridgeResponse<C> {
  const result = bridgeInvokes[channel].response.safeParse(data);
  if (!result.success) throw BridgeError.internal();
  return result.data as BridgeResponse<C>;
}

/** Checks an event payload against the contract; returns the parsed payload or null when it does not match. */
export function parseBridgeEvent<C extends BridgeEventChannel>(
  channel: C,
  payload: unknown,
): BridgeEvent<C> | null {
  const result = bridgeEvents[channel].safeParse(payload);
  return result.success ? (result.data as BridgeEvent<C>) : null;
}
