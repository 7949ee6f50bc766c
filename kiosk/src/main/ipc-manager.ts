/**
 * The one IPC manager: registers an ipcMain handler per bridge invoke channel, drops calls that do
 * not come from a kiosk window's own top frame on app://kiosk/, validates each request against
 * the contract and answers `{ ok, data } | { ok: false, error }`. Host events go to every kiosk
 * window (the dual-screen machine has two, on one host), checked against the contract.
 */
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { BridgeError, bridgeInvokes } from '@rvw/shared';
import type { BridgeInvokeChannel, BridgeResult } from '@rvw/shared';
import { dispatchBridgeCall } from '../host/dispatch';
import { forwardBridgeEvents } from '../host/forward-events';
import type { KioskHost } from '../host/kiosk-host';
import { eventChannelName, invokeChannelName } from '../ipc-channels';
import { isAppUrl } from './app-protocol';

/** True when the call comes from one of the kiosk windows' own top frame showing the app. */
export function isOwnSender(event: IpcMainInvokeEvent, windows: readonly BrowserWindow[]): boolean {
  const win = windows.find((w) => !w.isDestroyed() && event.sender === w.webContents);
  if (!win) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const FOREIGN: BridgeResult = {
  ok: false,
  error: BridgeError.forbidden('This caller may not use the kiosk bridge.').toWire(),
};

/** Wires the host to the kiosk windows (as they are at each call); returns a function that unwires everything. */
export function setupIpc(
  host: Pick<KioskHost, 'handlers' | 'events'>,
  getWindows: () => readonly BrowserWindow[],
  logger: { warn(m: string): void; error(m: string): void } = console,
): () => void {
  const channels = Object.keys(bridgeInvokes) as BridgeInvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(invokeChannelName(channel), async (event, request) => {
      if (!isOwnSender(event, getWindows())) {
        logger.warn(`ipc: dropped ${channel} from a foreign sender`);
        return FOREIGN;
      }
      return dispatchBridgeCall(host.handlers, channel, request, logger);
    });
  }

  const stopForwarding = forwardBridgeEvents(
    host.events,
    (channel, payload) => {
      for (const win of getWindows()) {
        if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
        win.webContents.send(eventChannelName(channel), payload);
      }
    },
    logger,
  );
  return () => {
    for (const channel of channels) ipcMain.removeHandler(invokeChannelName(channel));
    stopForwarding();
  };
}
