/** IPC channel names shared by the Electron main process and the preload: one per bridge channel. */
import type { BridgeEventChannel, BridgeInvokeChannel } from '@rvw/shared';

/** The ipcMain.handle channel of a bridge invoke, e.g. `bridge:config:get`. */
export function invokeChannelName(channel: BridgeInvokeChannel): string {
  return `bridge:${channel}`;
}

/** The webContents.send channel of a bridge event, e.g. `bridge-event:idcard:card`. */
export function eventChannelName(channel: BridgeEventChannel): string {
  return `bridge-event:${channel}`;
}
