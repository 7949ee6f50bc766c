/** The browser shell: the renderer and the bridge over socket.io on loopback. */
export { startBrowserShell, isLoopbackAddress } from './browser-shell';
export type {
  BrowserShell,
  BrowserShellOptions,
  WebBridgeClientEvents,
  WebBridgeServerEvents,
} from './browser-shell';
