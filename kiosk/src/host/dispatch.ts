/**
 * One way to answer a bridge call, shared by the Electron IPC manager and the web host: the channel
 * and request are checked against the contract, the handler runs, and the answer is always
 * `{ ok: true, data }` or `{ ok: false, error: { code, message } }` — a handler never throws across.
 */
import { bridgeEvents, bridgeInvokes, isBridgeInvokeChannel, parseBridgeRequest } from '@rvw/shared';
import type { BridgeError, BridgeEventChannel, BridgeHandlers, BridgeInvokeChannel } from '@rvw/shared';
import { KioskError, KioskErrorCode, toBridgeError } from './errors';

/** What a bridge call answers. */
export type BridgeResult = { ok: true; data: unknown } | { ok: false; error: BridgeError };

/** Logger the dispatcher reports unexpected failures to (codes and channels only). */
export interface DispatchLogger {
  error(message: string): void;
}

/** Validates and runs one bridge call; never rejects. */
export async function dispatchBridgeCall(
  handlers: BridgeHandlers,
  channel: unknown,
  request: unknown,
  logger?: DispatchLogger,
): Promise<BridgeResult> {
  if (!isBridgeInvokeChannel(channel)) {
    return {
      ok: false,
      error: { code: KioskErrorCode.BadChannel, message: 'That is not a bridge channel.' },
    };
  }
  try {
    const parsed = parseBridgeRequest(channel, request);
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    const data = await handler(parsed);
    // The answer crosses into the renderer: hold it to the contract so a handler bug cannot leak extra fields.
    const checked = (
      bridgeInvokes[channel as BridgeInvokeChannel].response as { parse(v: unknown): unknown }
    ).parse(data);
    return { ok: true, data: checked };
  } catch (err) {
    const error = toBridgeError(err);
    if (error.code === KioskErrorCode.Internal)
      logger?.error(`bridge ${channel} failed unexpectedly: ${err instanceof Error ? err.name : typeof err}`);
    return { ok: false, error };
  }
}

/** Checks an event against the contract before it is pushed to a renderer; returns the parsed payload. */
export function checkBridgeEvent(channel: BridgeEventChannel, payload: unknown): unknown {
  const result = bridgeEvents[channel].safeParse(payload);
  if (!result.success)
    throw new KioskError(KioskErrorCode.Internal, `Event ${channel} does not match the contract.`);
  return result.data;
}

/** Every event channel of the contract, for forwarding loops. */
export const bridgeEventChannels = Object.keys(bridgeEvents) as BridgeEventChannel[];
