/** The web host: the renderer and the bridge over socket.io on loopback. */
export { startWebHost, isLoopbackAddress } from './web-host';
export type { WebHost, WebHostOptions, WebBridgeClientEvents, WebBridgeServerEvents } from './web-host';
