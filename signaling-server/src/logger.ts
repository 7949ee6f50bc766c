/**
 * Structured JSON logs (pino, used as Fastify's logger). Identity, tokens and passwords are
 * redacted by path, and any string that looks like a full identity number is masked as a last
 * line of defence: a full ID number must never reach a log (PIPL).
 */
import { pino, type DestinationStream, type Logger } from 'pino';
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

// What is masked, wherever it stands (glued to letters, CJK, punctuation or other digits):
// - any run of 15 or more digits, optionally ending in X: 18-char resident numbers (GB 11643, also
//   HK/Macao/Taiwan residents and 2023 foreigner cards), 15-digit pre-1999 numbers, and a number
//   glued to further digits. A longer run may be another number (an SDP session id, say); it is
//   masked anyway, because the scrubber cannot tell "a number + a digit" from "a long number",
//   and a masked harmless number costs less than a leaked identity.
// - 3 letters followed by 12 or more digits: old foreigner cards, also glued to other text.
// Times in ms (13 digits) and UUIDs (hex runs shorter than 15 digits) stay readable.
// A final X is taken as a check character unless it starts an old foreigner number glued on
// (…0009XAA000000000000): then both numbers are masked, each by its own pattern.
const idLike = /\d{14,}(?:\d|[Xx](?![A-Za-z]{2}\d{12}))|[A-Za-z]{3}\d{12,}/g;

/** Masks anything in a string that looks like a full identity number (first 3 and last 4 kept). */
export function scrubIdNumbers(text: string): string {
  return text.replace(idLike, (m) => m.slice(0, 3) + '*'.repeat(m.length - 7) + m.slice(-4));
}

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
