/**
 * How the bridge travels. The renderer-side client (client.ts) works over any BridgeTransport:
 * Electron's ipcRenderer in the preload, or the browser shell's socket.io in a plain browser.
 */
import type { BridgeFailure } from './errors';

/** What every bridge invoke answers on the wire: the data, or a failure. Handlers never throw across. */
export type BridgeResult = { ok: true; data: unknown } | { ok: false; error: BridgeFailure };

/** The socket.io path on which the browser shell serves the bridge to its page. */
export const BRIDGE_IO_PATH = '/bridge-io';

/** One way for the renderer to reach the host: send an invoke, hear events. */
export interface BridgeTransport {
  /** Sends a checked request and resolves with the host's wire answer (anything: the client checks it). */
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Delivers every payload the host pushes on `channel`; returns the unsubscribe function. */
  listen(channel: string, deliver: (payload: unknown) => void): () => void;
}

/** True when `value` has the shape of a BridgeResult. */
export function isBridgeResult(value: unknown): value is BridgeResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}
