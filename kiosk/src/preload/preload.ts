/** The preload (dist/main/preload.cjs): exposes ONLY the kiosk bridge to the isolated renderer. */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '@rvw/shared';
import { createPreloadBridge } from './bridge-api';

const bridge = createPreloadBridge(ipcRenderer);
// Plain functions only: the renderer never gets ipcRenderer itself.
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, {
  invoke: (channel: string, request: unknown) => bridge.invoke(channel as never, request as never),
  on: (channel: string, listener: (event: unknown) => void) => bridge.on(channel as never, listener as never),
});
