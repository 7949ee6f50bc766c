/**
 * Builds the renderer's KioskBridge from ipcRenderer, derived from the contract: only the contract's
 * channels exist, requests are checked before they leave, events are checked before listeners see them.
 */
import { bridgeEvents, isBridgeInvokeChannel, parseBridgeRequest } from '@rvw/shared';
import type { BridgeEventChannel, KioskBridge } from '@rvw/shared';
import type { IpcRendererEvent } from 'electron';
import { eventChannelName, invokeChannelName } from '../ipc-channels';

type IpcListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** The part of ipcRenderer the bridge uses (Electron's ipcRenderer satisfies it; tests pass a fake). */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** An error the renderer can read a code from: across contextBridge only the message survives, so it leads with the code. */
export function bridgeFailure(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The bridge over one ipcRenderer. */
export function createPreloadBridge(ipc: BridgeIpc): KioskBridge {
  const bridge: KioskBridge = {
    async invoke(channel, request) {
      if (!isBridgeInvokeChannel(channel))
        throw bridgeFailure('BAD_CHANNEL', 'That is not a bridge channel.');
      let parsed: unknown;
      try {
        parsed = parseBridgeRequest(channel, request);
      } catch (err) {
        throw bridgeFailure('BAD_PAYLOAD', (err as Error).message);
      }
      const result = (await ipc.invoke(invokeChannelName(channel), parsed)) as
        { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } } | undefined;
      if (!result || typeof result !== 'object') throw bridgeFailure('INTERNAL', 'The kiosk gave no answer.');
      if (!result.ok) throw bridgeFailure(result.error.code, result.error.message);
      return result.data as never;
    },
    on(channel, listener) {
      if (!Object.hasOwn(bridgeEvents, channel))
        throw bridgeFailure('BAD_CHANNEL', 'That is not a bridge event.');
      const schema = bridgeEvents[channel as BridgeEventChannel];
      const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as never);
      };
      const name = eventChannelName(channel);
      ipc.on(name, wrapped as IpcListener);
      return () => {
        ipc.removeListener(name, wrapped as IpcListener);
      };
    },
  };
  return bridge;
}
