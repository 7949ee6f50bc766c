/**
 * The kiosk host: plain Node (no electron) behind the bridge, composed of feature modules. Each
 * feature answers its slice of the bridge contract and emits its slice of the events; this file
 * only wires them. `bootKioskHost` is the one start-up used by the Electron main process, the
 * browser shell and the tests.
 */
import { EventEmitter } from 'node:events';
import { BridgeError } from '@rvw/shared';
import type { BridgeEventMap, BridgeHandlers, BridgeInvokeChannel, ReaderStatus } from '@rvw/shared';
import type { ReaderService } from '../devices/idcard/types';
import { createPrinterDriver, printAndWait, printerHealth } from '../devices/printer';
import type { PrintAndWaitOptions, PrinterDriver } from '../devices/printer';
import { busyTracker } from './busy-state';
import { DEFAULT_PRINTER_CONFIG, type KioskConfig } from './config';
import { fileCredentialStore, type CredentialStore } from './credential-store';
import { kioskDataDir } from './data-dir';
import type { EmitBridgeEvent, HostContext, KioskLogger } from './feature';
import { appointmentHttp, appointmentLinkFeature } from './features/appointment-link';
import { caseLinkFeature } from './features/case-link';
import { demoCardsFeature } from './features/demo-cards';
import { enrolmentLinkFeature } from './features/enrolment-link';
import { fleetReporterFeature, type FleetHostOptions } from './features/fleet-reporter';
import { identityCardFeature } from './features/identity-card';
import { materialLinkFeature } from './features/material-link';
import { printLinkFeature, type PrintOutcome } from './features/print-link';
import { runtimeConfigFeature } from './features/runtime-config';
import { serverLinkFeature } from './features/server-link';
import type { ServerLinkOptions } from './features/server-link';
import { errorRecorder, recordingErrors } from './fleet/last-error';
import { heldNamesOf, logRing } from './fleet/log-ring';
import { openReader } from './open-reader';
import { readerLogTo } from './reader-log';
import { DEFAULT_READER_PACE, readerPace } from './reader-pace';
import { kioskHealth, type KioskHealthSnapshot } from './health';
import { paperHttp } from './paper-http';
import { removeStalePrintFolders } from './print-files';
import { identityUploader } from './server-http';

export type { KioskLogger } from './feature';

/** The host's events: exactly the bridge's event map. */
export type KioskHostEvents = BridgeEventMap;

/** What the host is built from; each has a default fit for production. */
export interface KioskHostDeps extends ServerLinkOptions, FleetHostOptions {
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
  /** The print system; default the platform's (CUPS at `config.printer.cupsUrl`, or the Windows spooler). */
  printerDriver?: PrinterDriver;
  /** How printAndWait follows a job (tests poll faster); default its own (250 ms, 120 s). */
  printWait?: Pick<PrintAndWaitOptions, 'pollMs' | 'timeoutMs' | 'staleGraceMs'>;
  /** Where print jobs' private folders go (and stale ones are removed at start); default the OS temp folder. */
  printTempDir?: string;
  /** How often the health snapshot re-reads the printer, in ms; default 60000. */
  healthIntervalMs?: number;
  /** The kiosk's credential (issue 12 #1); default a file store without cipher in the data folder. */
  credentials?: CredentialStore & { clear?(): Promise<void> };
}

/** What bootKioskHost returns: the handlers and events the shells expose to the renderer, and close(). */
export interface KioskHost {
  /** One handler per bridge invoke channel. */
  handlers: BridgeHandlers;
  /** The bridge events, as the features emit them. */
  events: EventEmitter<KioskHostEvents>;
  /** The kiosk's health now: the ID reader's and the printer's state (the browser shell's GET /health). */
  health(): KioskHealthSnapshot;
  /** Wipes the held card, stops the reader, leaves the server and detaches. Safe to call twice. */
  close(): Promise<void>;
}

// A wipe must succeed even after close: the renderer's reset must never fail to forget a resident.
const ALWAYS_ALLOWED = new Set<BridgeInvokeChannel>(['identity:wipe']);

/** Opens the reader (unless given), starts every feature and connects to the server. */
export async function bootKioskHost(given: KioskConfig, deps: KioskHostDeps = {}): Promise<KioskHost> {
  // The token: configured, else stored; held in this copy, which enrolment and rotation update.
  const credentials = deps.credentials ?? fileCredentialStore(kioskDataDir());
  const config = { ...given, kioskToken: given.kioskToken || ((await credentials.load()) ?? '') };
  // The technician log, with a scrubbed copy of its last lines for remote diagnostics.
  const ring = logRing(deps.logger ?? console, { now: deps.now });
  const logger = ring.logger;
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
  const printerConfig = config.printer ?? DEFAULT_PRINTER_CONFIG;
  const printerName = printerConfig.name ?? undefined;
  const driver =
    deps.printerDriver ??
    createPrinterDriver({ platform: process.platform, cupsUrl: printerConfig.cupsUrl, printer: printerName });
  // A crash must not leave a resident's paper on disk.
  const stale = await removeStalePrintFolders(deps.printTempDir);
  if (stale > 0) logger.warn(`print: removed ${stale} print folder(s) an earlier run left behind`);

  const serverLink = serverLinkFeature(ctx, deps);
  const identity = identityCardFeature(ctx, reader, upload);
  ring.setHeldNames(() => heldNamesOf(identity.heldCard()));
  events.on('idcard:card', () => ring.cardHeld());
  const busy = busyTracker(events);
  // Adaptive polling: fast while idle on welcome, slow while a resident is served (reader-pace.ts).
  const pace = reader
    ? readerPace(reader, busy, {
        idleMs: config.idcard?.pollIdleMs ?? DEFAULT_READER_PACE.idleMs,
        servingMs: config.idcard?.pollServingMs ?? DEFAULT_READER_PACE.servingMs,
      })
    : null;
  const errors = errorRecorder(ctx.now);
  let readerStatus: ReaderStatus | null = null;
  events.on('idcard:status', (status) => (readerStatus = status));
  readerStatus ??= await identity.handlers['idcard:status']({});
  // A machine without a printer (RVW_KIOSK_PRINTER=none, the door-to-door profile): not a fault.
  const noPrinter = printerConfig.none === true;
  const health = kioskHealth({
    readPrinter: noPrinter
      ? async () => ({
          name: 'none',
          condition: 'absent' as const,
          accepting: false,
          problem: null,
          message: 'no printer on this machine (RVW_KIOSK_PRINTER=none)',
        })
      : () => printerHealth(driver, printerName),
    readerStatus: () => readerStatus!,
    logger,
    now: ctx.now,
    intervalMs: deps.healthIntervalMs,
  });
  const http = paperHttp(config, { fetch: ctx.fetch, timeoutMs: ctx.httpTimeoutMs });
  const printing = printLinkFeature(ctx, serverLink.port, {
    http,
    tempRoot: deps.printTempDir,
    // printAndWait resolves with the final step only (done or failed), never `printing`.
    print: async (file, { title, onProgress }) =>
      (await printAndWait(driver, file, {
        ...deps.printWait,
        printer: printerName,
        title,
        onProgress,
      })) as PrintOutcome,
    onJobEnd: () => void health.refreshPrinter(),
    noPrinter,
  });
  const features = [
    runtimeConfigFeature(ctx),
    identity,
    serverLink,
    caseLinkFeature(ctx, serverLink.port),
    printing,
    materialLinkFeature(ctx, serverLink.port, http),
    appointmentLinkFeature(ctx, {
      heldCard: identity.heldCard,
      http: appointmentHttp(config, { fetch: ctx.fetch, timeoutMs: ctx.httpTimeoutMs }),
    }),
    demoCardsFeature(ctx),
    fleetReporterFeature(ctx, {
      ...deps,
      port: serverLink.port,
      events,
      health,
      busy,
      errors,
      logLines: ring.lines,
      noPrinter,
    }),
    enrolmentLinkFeature(ctx, {
      credentials,
      link: serverLink,
      onServerStatus: (listener) => events.on('server:status', listener),
      tokenFromConfig: given.kioskToken !== '',
    }),
  ] as const;
  const merged: BridgeHandlers = {
    ...features[0].handlers,
    ...features[1].handlers,
    ...features[2].handlers,
    ...features[3].handlers,
    ...features[4].handlers,
    ...features[5].handlers,
    ...features[6].handlers,
    ...features[7].handlers,
    ...features[8].handlers,
    ...features[9].handlers,
  };
  const handlers = Object.fromEntries(
    Object.entries(recordingErrors(merged, errors)).map(([channel, handler]) => [
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
    health: () => health.snapshot(),
    async close() {
      if (closed) return;
      closed = true;
      health.close();
      pace?.close();
      busy.close();
      await Promise.all(features.map((f) => f.close()));
      events.removeAllListeners();
    },
  };
}
