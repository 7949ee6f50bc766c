/**
 * The one bridge client factory: the renderer's KioskBridge over a transport. Only the contract's
 * channels exist; requests are checked before they leave, answers and events before the renderer
 * sees them; every failure is a BridgeError with a code from the registry (errors.ts).
 */
import {
  bridgeEvents,
  isBridgeEventChannel,
  isBridgeInvokeChannel,
  parseBridgeRequest,
  parseBridgeResponse,
} from './contract';
import type { BridgeEventChannel, KioskBridge } from './contract';
import { BridgeError, BridgeErrorCode } from './errors';
import { isBridgeResult } from './transport';
import type { BridgeTransport } from './transport';

// What the renderer catches: the code leads the message, which survives Electron's contextBridge.
function thrown(err: BridgeError): BridgeError {
  return BridgeError.fromFailure(err.toWire());
}

/** Builds the renderer's bridge over `transport`. */
export function createBridgeClient(transport: BridgeTransport): KioskBridge {
  return {
    async invoke(channel, request) {
      if (!isBridgeInvokeChannel(channel)) throw thrown(BridgeError.badChannel());
      let parsed: unknown;
      try {
        parsed = parseBridgeRequest(channel, request);
      } catch (err) {
        throw thrown(err instanceof BridgeError ? err : BridgeError.internal());
      }
      let result: unknown;
      try {
        result = await transport.invoke(channel, parsed);
      } catch {
        throw thrown(BridgeError.unreachable('the transport failed'));
      }
      if (!isBridgeResult(result)) throw thrown(BridgeError.unreachable('no answer'));
      if (!result.ok) throw BridgeError.fromFailure(result.error);
      try {
        return parseBridgeResponse(channel, result.data);
      } catch {
        throw thrown(BridgeError.internal());
      }
    },
    on(channel, listener) {
      if (!isBridgeEventChannel(channel))
        throw thrown(new BridgeError(BridgeErrorCode.BadChannel, 'That is not a bridge event.'));
      const schema = bridgeEvents[channel as BridgeEventChannel];
      return transport.listen(channel, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as never);
      });
    },
  };
}
