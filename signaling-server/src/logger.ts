/**
 * Structured JSON logs (pino, used as Fastify's logger). Identity, tokens and passwords are
 * redacted by path, and any string that looks like a full identity number is masked as a last
 * line of defence: a full ID number must never reach a log (PIPL).
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { scrubIdNumbers } from '@rvw/shared';
import type { ServerConfig } from './config';
import type { LogSampler } from './log-sampler';

/** Paths pino replaces with "[redacted]". */
export const redactPaths = [
  'idNumber',
  '*.idNumber',
  '*.*.idNumber',
  'identity',
  '*.identity',
  '*.*.identity',
  'token',
  '*.token',
  'password',
  '*.password',
  'auth',
  '*.auth',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** A destination that masks identity-like numbers in every line before passing it on. */
export function scrubbingStream(dest: DestinationStream): DestinationStream {
  return { write: (line: string) => dest.write(scrubIdNumbers(line)) };
}

// Lines a client can cause at will (a refused event, a rate limit) carry the wire code and the
// client; these are sampled per code and client. Lines naming no client are never sampled.
const sampledLevels = new Set([30, 40, 50]);

function sampleKey(obj: Record<string, unknown>): { key: string; what: string } | null {
  if (typeof obj.code !== 'string' || 'repeated' in obj) return null;
  const who =
    typeof obj.kioskId === 'string'
      ? `kiosk ${obj.kioskId}`
      : typeof obj.agentId === 'string'
        ? `agent ${obj.agentId}`
        : typeof obj.kind === 'string' && typeof obj.id === 'string'
          ? `${obj.kind} ${obj.id}`
          : typeof obj.socketId === 'string'
            ? `socket ${obj.socketId}`
            : null;
  if (!who) return null;
  return { key: `${obj.code}:${who}`, what: `${obj.code} from ${who}` };
}

/**
 * Creates the server's logger: JSON lines to `stream` (default stdout) at the configured level.
 * With a sampler, every info, warning or error line that carries a wire `code` (RATE_LIMITED, …)
 * and names a client is sampled per code and client: the first is written, the rest counted into
 * one summary line per window.
 */
export function createLogger(
  config: Pick<ServerConfig, 'logLevel'>,
  stream?: DestinationStream,
  sampler?: LogSampler,
): Logger {
  const log = pino(
    {
      level: config.logLevel,
      redact: { paths: redactPaths, censor: '[redacted]' },
      hooks: {
        logMethod(args, method, level) {
          const [first] = args as unknown[];
          if (sampler && sampledLevels.has(level) && typeof first === 'object' && first !== null) {
            const k = sampleKey(first as Record<string, unknown>);
            const lvl = level === 50 ? 'error' : level === 40 ? 'warn' : 'info';
            if (k && !sampler.admit(lvl, k.key, k.what, first as Record<string, unknown>)) return;
          }
          method.apply(this, args);
        },
      },
    },
    scrubbingStream(stream ?? pino.destination(1)),
  );
  if (sampler) sampler.log = log;
  return log;
}
