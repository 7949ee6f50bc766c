/**
 * The command lines of `kiosk-doctor cameras`, `network` and `disk`: options, defaults from the
 * kiosk's settings, and the result printed as one sentence or one JSON object.
 */
import { parseArgs } from 'node:util';
import { camerasCheck } from './cameras';
import { DoctorUsageError, positive, printResult } from './check';
import type { CheckIo, SystemDeps } from './check';
import { defaultDataDir, diskCheck } from './disk';
import { networkCheck } from './network';
import { TURN_ARG_OPTIONS, turnConfig } from './turn/turn-config';

/** `kiosk-doctor cameras [--json]`. */
export async function camerasCommand(args: string[], io: CheckIo, deps: SystemDeps = {}): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const r = await camerasCheck(deps.platform ?? process.platform, deps.root ?? '/');
  return printResult(r, values.json, io);
}

/** Checks a server URL given on the command line or in RVW_SERVER_URL. */
export function serverUrl(value: string | undefined): string {
  if (!value || !/^https?:\/\/[^\s/]+/.test(value)) {
    throw new DoctorUsageError(`--server must look like https://host[:port], got "${value ?? ''}".`);
  }
  return value;
}

/**
 * `kiosk-doctor network [--server URL] [--max-skew S] [--timeout S]
 * [--turn turn:host:port[?transport=udp|tcp] --turn-username U --turn-credential P] [--json]`.
 */
export async function networkCommand(args: string[], io: CheckIo, deps: SystemDeps = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      server: { type: 'string' },
      'max-skew': { type: 'string' },
      timeout: { type: 'string' },
      ...TURN_ARG_OPTIONS,
      json: { type: 'boolean', default: false },
    },
  });
  const env = deps.env ?? process.env;
  const r = await networkCheck({
    server: serverUrl(values.server ?? (env.RVW_SERVER_URL || undefined)),
    maxSkewS: positive('max-skew', values['max-skew'], 5),
    timeoutS: positive('timeout', values.timeout, 10),
    turn: turnConfig(values, env),
  });
  return printResult(r, values.json, io);
}

/** `kiosk-doctor disk [--path DIR] [--min-free-gib N] [--min-free-percent N] [--json]`. */
export async function diskCommand(args: string[], io: CheckIo, deps: SystemDeps = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      path: { type: 'string' },
      'min-free-gib': { type: 'string' },
      'min-free-percent': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const r = await diskCheck({
    path: values.path ?? defaultDataDir(deps.platform ?? process.platform, deps.env ?? process.env),
    minFreeGiB: positive('min-free-gib', values['min-free-gib'], 1),
    minFreePercent: positive('min-free-percent', values['min-free-percent'], 5),
    ...(deps.statfs ? { statfs: deps.statfs } : {}),
  });
  return printResult(r, values.json, io);
}
