/**
 * One way to answer a bridge call, shared by the Electron IPC manager and the browser shell: the
 * channel and request are checked against the contract, the handler runs, its answer is held to
 * the contract, and the result is always a BridgeResult — a handler never throws across.
 */
import {
  BridgeError,
  BridgeErrorCode,
  isBridgeInvokeChannel,
  parseBridgeRequest,
  parseBridgeResponse,
  toBridgeFailure,
} from '@rvw/shared';
import type { BridgeHandlers, BridgeResult } from '@rvw/shared';

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
  if (!isBridgeInvokeChannel(channel)) return { ok: false, error: BridgeError.badChannel().toWire() };
  try {
    const parsed = parseBridgeRequest(channel, request);
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    // The answer crosses into the renderer: hold it to the contract so a handler bug cannot leak extra fields.
    return { ok: true, data: parseBridgeResponse(channel, await handler(parsed)) };
  } catch (err) {
    const error = toBridgeFailure(err);
    if (error.code === BridgeErrorCode.Internal)
      logger?.error(`bridge ${channel} failed unexpectedly: ${err instanceof Error ? err.name : typeof err}`);
    return { ok: false, error };
  }
}
