/**
 * The one IPC manager: registers an ipcMain handler per bridge invoke channel, drops calls that do
 * not come from the kiosk window's own top frame on app://kiosk/, validates each request against
 * the contract and answers `{ ok, data } | { ok: false, error }`. Host events go to the window,
 * checked against the contract.
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

/** True when the call comes from the window's own top frame showing the app. */
export function isOwnSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  if (event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const FOREIGN: BridgeResult = {
  ok: false,
  error: BridgeError.forbidden('This caller may not use the kiosk bridge.').toWire(),
};

/** Wires the host to the window; returns a function that unwires everything. */
export function setupIpc(
  host: Pick<KioskHost, 'handlers' | 'events'>,
  getWindow: () => BrowserWindow | null,
  logger: { warn(m: string): void; error(m: string): void } = console,
): () => void {
  const channels = Object.keys(bridgeInvokes) as BridgeInvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(invokeChannelName(channel), async (event, request) => {
      if (!isOwnSender(event, getWindow())) {
        logger.warn(`ipc: dropped ${channel} from a foreign sender`);
        return FOREIGN;
      }
      return dispatchBridgeCall(host.handlers, channel, request, logger);
    });
  }

  const stopForwarding = forwardBridgeEvents(
    host.events,
    (channel, payload) => {
      const win = getWindow();
      if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
      win.webContents.send(eventChannelName(channel), payload);
    },
    logger,
  );
  return () => {
    for (const channel of channels) ipcMain.removeHandler(invokeChannelName(channel));
    stopForwarding();
  };
}
