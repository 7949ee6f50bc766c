/**
 * The kiosk host: plain Node (no electron) behind the bridge, composed of feature modules. Each
 * feature answers its slice of the bridge contract and emits its slice of the events; this file
 * only wires them. `bootKioskHost` is the one start-up used by the Electron main process, the
 * browser shell and the tests.
 */
import { EventEmitter } from 'node:events';
import { BridgeError } from '@rvw/shared';
import type { BridgeEventMap, BridgeHandlers, BridgeInvokeChannel } from '@rvw/shared';
import type { ReaderService } from '../devices/idcard/types';
import type { KioskConfig } from './config';
import type { EmitBridgeEvent, HostContext, KioskLogger } from './feature';
import { caseLinkFeature } from './features/case-link';
import { demoCardsFeature } from './features/demo-cards';
import { identityCardFeature } from './features/identity-card';
import { runtimeConfigFeature } from './features/runtime-config';
import { serverLinkFeature } from './features/server-link';
import type { ServerLinkOptions } from './features/server-link';
import { openReader } from './open-reader';
import { readerLogTo } from './reader-log';
import { identityUploader } from './server-http';

export type { KioskLogger } from './feature';

/** The host's events: exactly the bridge's event map. */
export type KioskHostEvents = BridgeEventMap;

/** What the host is built from; each has a default fit for production. */
export interface KioskHostDeps extends ServerLinkOptions {
  /** The reader service; null for none (status 'disabled'); default the one `config.idcard` names. */
  reader?: ReaderService | null;
  /** HTTP client; default the global fetch. */
  fetch?: typeof fetch;
  /** Technician log (the reader service's log goes here too); default console. */
  logger?: KioskLogger;
  /** Clock for ages; default `() => new Date()`. */
  now?: () => Date;
  /** Timeout of each HTTP call in ms; default 8000. */
  httpTimeoutMs?: number;
}

/** What bootKioskHost returns: the handlers and events the shells expose to the renderer, and close(). */
export interface KioskHost {
  /** One handler per bridge invoke channel. */
  handlers: BridgeHandlers;
  /** The bridge events, as the features emit them. */
  events: EventEmitter<KioskHostEvents>;
  /** Wipes the held card, stops the reader, leaves the server and detaches. Safe to call twice. */
  close(): Promise<void>;
}

// A wipe must succeed even after close: the renderer's reset must never fail to forget a resident.
const ALWAYS_ALLOWED = new Set<BridgeInvokeChannel>(['identity:wipe']);

/** Opens the reader (unless given), starts every feature and connects to the server. */
export async function bootKioskHost(config: KioskConfig, deps: KioskHostDeps = {}): Promise<KioskHost> {
  const logger = deps.logger ?? console;
  const reader = deps.reader !== undefined ? deps.reader : await openReader(config, readerLogTo(logger));
  const events = new EventEmitter<KioskHostEvents>();
  let closed = false;
  const emit: EmitBridgeEvent = (channel, event) => {
    if (!closed) (events as unknown as NodeJS.EventEmitter).emit(channel, event);
  };
  const ctx: HostContext = {
    config,
    logger,
    emit,
    now: deps.now ?? (() => new Date()),
    fetch: deps.fetch ?? fetch,
    httpTimeoutMs: deps.httpTimeoutMs ?? 8000,
  };
  const upload = identityUploader(config, { fetch: ctx.fetch, timeoutMs: ctx.httpTimeoutMs, logger });
  const serverLink = serverLinkFeature(ctx, deps);
  const features = [
    runtimeConfigFeature(ctx),
    identityCardFeature(ctx, reader, upload),
    serverLink,
    caseLinkFeature(ctx, serverLink.port),
    demoCardsFeature(ctx),
  ] as const;
  const merged: BridgeHandlers = {
    ...features[0].handlers,
    ...features[1].handlers,
    ...features[2].handlers,
    ...features[3].handlers,
    ...features[4].handlers,
  };
  const handlers = Object.fromEntries(
    Object.entries(merged).map(([channel, handler]) => [
      channel,
      async (request: never) => {
        if (closed && !ALWAYS_ALLOWED.has(channel as BridgeInvokeChannel)) throw BridgeError.closed();
        return (handler as (r: never) => Promise<unknown>)(request);
      },
    ]),
  ) as BridgeHandlers;

  return {
    handlers,
    events,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(features.map((f) => f.close()));
      events.removeAllListeners();
    },
  };
}
