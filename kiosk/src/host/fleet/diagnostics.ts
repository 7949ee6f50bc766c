/**
 * Remote diagnostics on the kiosk (issue 12 #5): the server relays an admin's request
 * (`diagnostics:request`) and the kiosk answers (`diagnostics:result`) with its recent log lines
 * (already scrubbed by the log ring), its checks (reader, printer, cameras, network, disk, each as
 * kiosk-doctor words and exit codes it), or a restart, which waits while a resident is at the kiosk
 * (`deferred`, then done when idle) and happens at once otherwise (`restarting`).
 */
import { ErrorCode } from '@rvw/shared';
import type { DiagnosticCheck, DiagnosticKind, DiagnosticResult, ReaderStatus } from '@rvw/shared';
import { camerasCheck } from '../../doctor/cameras';
import { diskCheck } from '../../doctor/disk';
import { NETWORK_EXIT } from '../../doctor/network';
import { PRINTER_EXIT } from '../../doctor/printer';
import type { BusyTracker } from '../busy-state';
import type { KioskLogger } from '../feature';
import type { ServerLinkPort } from '../features/server-link';
import type { KioskHealth, PrinterHealth } from '../health';
import type { TurnOutcome } from './turn-probe';

/** kiosk-doctor's exit codes for the reader (cli.ts's EXIT; not imported: it opens serial ports). */
const READER_EXIT = { PortUnavailable: 3, NoReader: 4, SamFault: 5 } as const;

/** What the checks read. */
export interface CheckSources {
  health: Pick<KioskHealth, 'snapshot' | 'refreshPrinter'>;
  noPrinter: boolean;
  connected: () => boolean;
  rttMs: () => number | null;
  turn: { check(): Promise<TurnOutcome> };
  platform?: NodeJS.Platform;
  /** Root of /sys, /proc and /dev for the camera listing; default `/`. */
  root?: string;
  dataDir: string;
}

const line = (s: string): string => s.slice(0, 500);

/** The reader service's status, as kiosk-doctor idcard would judge it (without opening the port the service holds). */
export function readerDiagnostic(status: ReaderStatus): DiagnosticCheck {
  const why = [status.reason, status.message].filter(Boolean).join(': ');
  if (status.state === 'online')
    return { name: 'reader', ok: true, exitCode: 0, summary: '身份证读卡器在线 ID card reader online' };
  if (status.state === 'disabled')
    return {
      name: 'reader',
      ok: false,
      exitCode: READER_EXIT.PortUnavailable,
      summary: line(`未配置读卡器 No ID card reader configured (RVW_IDCARD_PORT)${why ? ` — ${why}` : ''}`),
    };
  const reason = status.reason ?? '';
  const exitCode = /SAM/.test(reason)
    ? READER_EXIT.SamFault
    : /PORT_OPEN|DISCONNECTED/.test(reason)
      ? READER_EXIT.PortUnavailable
      : READER_EXIT.NoReader;
  return {
    name: 'reader',
    ok: false,
    exitCode,
    summary: line(
      `身份证读卡器${status.state === 'fault' ? '故障' : '离线'} ID card reader ${status.state}${why ? ` — ${why}` : ''}`,
    ),
  };
}

/** A fresh printer reading as a check. */
export function printerDiagnostic(printer: PrinterHealth | null, noPrinter: boolean): DiagnosticCheck {
  if (noPrinter)
    return {
      name: 'printer',
      ok: true,
      exitCode: 0,
      summary: '本机不配打印机 No printer on this machine (RVW_KIOSK_PRINTER=none)',
    };
  const queue = printer?.name ?? 'the default printer';
  if (!printer || printer.condition === 'absent')
    return {
      name: 'printer',
      ok: false,
      exitCode: PRINTER_EXIT.NoPrinter,
      summary: line(
        `找不到打印机 No printer found (${queue})${printer?.message ? `: ${printer.message}` : ''}`,
      ),
    };
  if (printer.problem)
    return {
      name: 'printer',
      ok: false,
      exitCode: PRINTER_EXIT.PrinterProblem,
      summary: line(
        `打印机不能打印 ${queue} cannot print: ${printer.problem}${printer.message ? ` (${printer.message})` : ''}`,
      ),
    };
  return { name: 'printer', ok: true, exitCode: 0, summary: line(`打印机就绪 ${queue} is ready`) };
}

/** The server link and TURN as a check. */
export function networkDiagnostic(
  connected: boolean,
  rttMs: number | null,
  turn: TurnOutcome | null,
): DiagnosticCheck {
  if (!connected)
    return {
      name: 'network',
      ok: false,
      exitCode: NETWORK_EXIT.ServerUnreachable,
      summary:
        '未连接服务器 Not connected to the server: 请检查网络 check the network and the server address',
    };
  const rtt = rttMs === null ? 'no round trip yet' : `round trip ${rttMs} ms`;
  const turnText = turn ? ` ; ${turn.summary}` : '';
  const failed = turn?.result === 'problem';
  return {
    name: 'network',
    ok: !failed,
    exitCode: failed ? NETWORK_EXIT.TurnFailed : 0,
    summary: line(`已连接服务器 Connected to the server, ${rtt}${turnText}`),
  };
}

/** Runs every check (each bounded by the module it comes from). */
export async function runChecks(sources: CheckSources): Promise<DiagnosticCheck[]> {
  const connected = sources.connected();
  const [printer, cameras, turn, disk] = await Promise.all([
    sources.noPrinter ? Promise.resolve(null) : sources.health.refreshPrinter().catch(() => null),
    camerasCheck(sources.platform ?? process.platform, sources.root ?? '/'),
    connected ? sources.turn.check() : Promise.resolve(null),
    diskCheck({ path: sources.dataDir }),
  ]);
  return [
    readerDiagnostic(sources.health.snapshot().idcard),
    printerDiagnostic(printer, sources.noPrinter),
    { name: 'cameras', ok: cameras.status === 'ok', exitCode: cameras.exit, summary: line(cameras.summary) },
    networkDiagnostic(connected, sources.rttMs(), turn),
    { name: 'disk', ok: disk.status === 'ok', exitCode: disk.exit, summary: line(disk.summary) },
  ];
}

/** What the diagnostics answerer needs. */
export interface DiagnosticsOptions extends CheckSources {
  port: Pick<ServerLinkPort, 'on' | 'request'>;
  /** The scrubbed recent log lines. */
  logLines: () => string[];
  busy: Pick<BusyTracker, 'busy' | 'whenIdle'>;
  /** Restarts the kiosk app (the shell's); the host only asks. */
  restart: () => void;
  logger: KioskLogger;
}

/** Answers `diagnostics:request`s until closed. */
export function diagnosticsAnswerer(options: DiagnosticsOptions): { close(): void } {
  const { port, logger } = options;
  let closed = false;
  let pendingRestart: (() => void) | null = null;

  const restartNow = (): void => {
    if (closed) return;
    logger.warn('fleet: restarting the kiosk app (asked from the fleet view)');
    options.restart();
  };
  const answer = async (kind: DiagnosticKind): Promise<DiagnosticResult> => {
    switch (kind) {
      case 'logs':
        return { kind, lines: options.logLines() };
      case 'checks':
        return { kind, checks: await runChecks(options) };
      case 'restart':
        return { kind, outcome: options.busy.busy() ? 'deferred' : 'restarting' };
    }
  };

  port.on('diagnostics:request', ({ requestId, kind }) => {
    if (closed) return;
    logger.info(`fleet: diagnostic asked (${kind})`);
    void (async () => {
      let payload: { requestId: string; result: DiagnosticResult | null; error?: string };
      try {
        payload = { requestId, result: await answer(kind) };
      } catch {
        payload = { requestId, result: null, error: ErrorCode.Internal };
      }
      if (closed) return;
      await port.request('diagnostics:result', payload).catch((err: unknown) => {
        logger.warn(
          `fleet: diagnostic answer not taken (${String((err as { code?: unknown }).code ?? 'UNKNOWN')})`,
        );
      });
      const result = payload.result;
      if (result?.kind !== 'restart') return;
      pendingRestart?.();
      pendingRestart = null;
      if (result.outcome === 'deferred') logger.info('fleet: restart deferred until the resident has gone');
      // At once when still idle; should a resident have arrived meanwhile, once they have gone.
      const cancel = options.busy.whenIdle(() => {
        pendingRestart = null;
        restartNow();
      });
      if (options.busy.busy()) pendingRestart = cancel;
    })();
  });

  return {
    close() {
      closed = true;
      pendingRestart?.();
      pendingRestart = null;
    },
  };
}
