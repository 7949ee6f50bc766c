/** The web host: the renderer and the bridge over socket.io on loopback. */
export { startWebHost, BRIDGE_IO_PATH, isLoopbackAddress } from './web-host';
export type { WebHost, WebHostOptions, WebBridgeClientEvents, WebBridgeServerEvents } from './web-host';
