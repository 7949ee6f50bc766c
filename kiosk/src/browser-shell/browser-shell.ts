/**
 * The browser shell: serves the renderer build and exposes the kiosk host's bridge over socket.io
 * (path /bridge-io), so that the resident screens run in a plain browser for tests, development
 * and the demo, where Electron cannot. GET /health answers the kiosk's health snapshot (reader,
 * printer). Loopback only: it refuses other bind addresses, other
 * peers and pages from other origins.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { BRIDGE_IO_PATH, MATERIAL_MAX_BYTES } from '@rvw/shared';
import type { BridgeEventChannel, BridgeResult } from '@rvw/shared';
import { dispatchBridgeCall } from '../host/dispatch';
import { forwardBridgeEvents } from '../host/forward-events';
import type { KioskHost } from '../host/kiosk-host';
import { serveStatic } from './static-files';

/** Bridge socket events: the renderer invokes; the host pushes contract events. */
export interface WebBridgeClientEvents {
  invoke: (channel: string, request: unknown, ack: (result: BridgeResult) => void) => void;
}
/** Events the browser shell pushes to the page. */
export interface WebBridgeServerEvents {
  event: (channel: BridgeEventChannel, payload: unknown) => void;
}

/** Options of the browser shell. */
export interface BrowserShellOptions {
  /** The bridge handlers and events to expose, and the health snapshot GET /health answers (404 without). */
  kioskHost: Pick<KioskHost, 'handlers' | 'events'> & Partial<Pick<KioskHost, 'health'>>;
  /** Directory of the built renderer (kiosk/dist/renderer). */
  rendererDir: string;
  /** Bind address; must be loopback; default 127.0.0.1. */
  host?: string;
  /** Port; default 0 (any free port). */
  port?: number;
}

/** A started browser shell: the page's URL and close(). */
export interface BrowserShell {
  /** e.g. http://127.0.0.1:5173 */
  url: string;
  /** Stops serving and disconnects every page. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || /^127\./.test(a);
}

/** Starts the browser shell; rejects with a TypeError for a non-loopback `host`. */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const bindHost = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(bindHost))
    throw new TypeError(
      `options.host must be a loopback address (127.0.0.1, ::1 or localhost), not "${bindHost}"`,
    );
  const { kioskHost, rendererDir } = options;

  const http = createServer((req, res) => {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      res.writeHead(403).end();
      return;
    }
    if (req.url === '/health' && req.method === 'GET' && kioskHost.health) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(kioskHost.health()));
      return;
    }
    serveStatic(rendererDir, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, bindHost, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}`;

  const io = new Server<WebBridgeClientEvents, WebBridgeServerEvents>(http, {
    path: BRIDGE_IO_PATH,
    serveClient: false,
    // Room for the largest message: a captured picture (MATERIAL_MAX_BYTES as base64) with its envelope.
    maxHttpBufferSize: Math.ceil(MATERIAL_MAX_BYTES / 3) * 4 + 64 * 1024,
    // The bridge can share the held identity: only this host's own page, from this machine, may use it.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const sameOrigin = origin === undefined || isOwnOrigin(origin, address.port);
      callback(null, isLoopbackAddress(req.socket.remoteAddress) && sameOrigin);
    },
  });

  io.on('connection', (socket) => {
    socket.on('invoke', (channel, request, ack) => {
      if (typeof ack !== 'function') return;
      void dispatchBridgeCall(kioskHost.handlers, channel, request, console).then(ack);
    });
  });

  // A card taken away while no page is open belongs to nobody any more: forget it now rather than at
  // the next page's start (which checks the reader too: a page never greets a card that is gone).
  const onRemoved = (): void => {
    if (io.of('/').sockets.size === 0) void kioskHost.handlers['identity:wipe']({}).catch(() => undefined);
  };
  kioskHost.events.on('idcard:removed', onRemoved);

  const stopForwarding = forwardBridgeEvents(
    kioskHost.events,
    (channel, payload) => io.emit('event', channel, payload),
    console,
  );

  let closed = false;
  return {
    url,
    async close() {
      if (closed) return;
      closed = true;
      kioskHost.events.off('idcard:removed', onRemoved);
      stopForwarding();
      // io.close() also closes the HTTP server it is attached to.
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

function isOwnOrigin(origin: string, port: number): boolean {
  try {
    const u = new URL(origin);
    return (
      u.protocol === 'http:' &&
      LOOPBACK_HOSTS.has(u.hostname.replace(/^\[|\]$/g, '')) &&
      Number(u.port) === port
    );
  } catch {
    return false;
  }
}
