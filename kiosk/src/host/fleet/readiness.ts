/**
 * Readiness before a session (issue 12 #4): the renderer's camera and microphone probes, plus what
 * the host knows: the server link, the reader service's status, the printer module's reading, and
 * TURN when it is configured. A reader or printer problem is shown but does not stop a call
 * (readinessVerdict's rule). Fast: the printer is re-read only for as long as `printerWaitMs`, and
 * TURN's outcome is cached (turn-probe.ts); with the server away TURN is not tried at all.
 */
import { readinessVerdict } from '@rvw/shared';
import type { DeviceProbe, Readiness, ReadinessCheck, ReaderStatus } from '@rvw/shared';
import type { KioskHealth, PrinterHealth } from '../health';
import type { TurnOutcome } from './turn-probe';

/** What a readiness check reads. */
export interface ReadinessSources {
  connected: () => boolean;
  health: Pick<KioskHealth, 'snapshot' | 'refreshPrinter'>;
  /** True when this kiosk has no printer by configuration. */
  noPrinter: boolean;
  turn: { check(): Promise<TurnOutcome> };
  now: () => Date;
  /** How long a fresh printer reading may take before the last one is used; default 400 ms. */
  printerWaitMs?: number;
}

/** A renderer probe as a check. */
export function probeCheck(part: 'camera' | 'microphone', probe: DeviceProbe): ReadinessCheck {
  if (probe.ok) return { part, result: 'ok' };
  return { part, result: 'problem', code: (probe.error ?? `${part.toUpperCase()}_FAILED`).slice(0, 60) };
}

/** The reader service's status as a check: a reader not configured is skipped, not a problem. */
export function readerCheck(status: ReaderStatus): ReadinessCheck {
  if (status.state === 'online') return { part: 'reader', result: 'ok' };
  if (status.state === 'disabled') return { part: 'reader', result: 'skipped' };
  return {
    part: 'reader',
    result: 'problem',
    code: (status.reason ?? `reader-${status.state}`).slice(0, 60),
  };
}

/** The printer's reading as a check. */
export function printerCheck(printer: PrinterHealth | null, noPrinter: boolean): ReadinessCheck {
  if (noPrinter || printer === null) return { part: 'printer', result: 'skipped' };
  if (printer.problem) return { part: 'printer', result: 'problem', code: printer.problem };
  if (printer.condition === 'absent') return { part: 'printer', result: 'problem', code: 'absent' };
  return { part: 'printer', result: 'ok' };
}

async function freshPrinter(sources: ReadinessSources): Promise<PrinterHealth | null> {
  if (sources.noPrinter) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), sources.printerWaitMs ?? 400)));
  const read = await Promise.race([sources.health.refreshPrinter().catch(() => null), late]);
  clearTimeout(timer);
  return read ?? sources.health.snapshot().printer;
}

/** Runs the checks and gives the verdict. */
export async function checkReadiness(
  probes: { camera: DeviceProbe; microphone: DeviceProbe },
  sources: ReadinessSources,
): Promise<Readiness> {
  const connected = sources.connected();
  const [printer, turn] = await Promise.all([
    freshPrinter(sources),
    connected ? sources.turn.check() : Promise.resolve<TurnOutcome | null>(null),
  ]);
  const checks: ReadinessCheck[] = [
    probeCheck('camera', probes.camera),
    probeCheck('microphone', probes.microphone),
    connected
      ? { part: 'server', result: 'ok' }
      : { part: 'server', result: 'problem', code: 'SERVER_UNREACHABLE' },
    readerCheck(sources.health.snapshot().idcard),
    printerCheck(printer, sources.noPrinter),
    turn === null
      ? { part: 'turn', result: 'skipped' }
      : { part: 'turn', result: turn.result, ...(turn.code ? { code: turn.code } : {}) },
  ];
  return readinessVerdict(checks, sources.now());
}
