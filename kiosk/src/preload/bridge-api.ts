/** The renderer's KioskBridge over Electron's ipcRenderer: the shared bridge client on an IPC transport. */
import { createBridgeClient } from '@rvw/shared';
import type { BridgeTransport, KioskBridge } from '@rvw/shared';
import type { IpcRendererEvent } from 'electron';
import { eventChannelName, invokeChannelName } from '../ipc-channels';

type IpcListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** The part of ipcRenderer the bridge uses (Electron's ipcRenderer satisfies it; tests pass a fake). */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** The IPC transport: one ipcMain.handle channel per invoke, one webContents.send channel per event. */
export function ipcTransport(ipc: BridgeIpc): BridgeTransport {
  return {
    invoke: (channel, request) => ipc.invoke(invokeChannelName(channel as never), request),
    listen(channel, deliver) {
      const name = eventChannelName(channel as never);
      const listener: IpcListener = (_event, payload) => deliver(payload);
      ipc.on(name, listener);
      return () => {
        ipc.removeListener(name, listener);
      };
    },
  };
}

/** The bridge over one ipcRenderer. */
export function createPreloadBridge(ipc: BridgeIpc): KioskBridge {
  return createBridgeClient(ipcTransport(ipc));
}
