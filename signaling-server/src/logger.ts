/**
 * Structured JSON logs (pino, used as Fastify's logger). Identity, tokens and passwords are
 * redacted by path, and any string that looks like a full identity number is masked as a last
 * line of defence: a full ID number must never reach a log (PIPL).
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ServerConfig } from './config';

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

// Mainland and HK/Macao/Taiwan residents (18 chars, GB 11643), 2023 foreigner cards (18, begin 9),
// old foreigner cards (3 letters + 12 digits). Surrounding digits/letters excluded to avoid masking
// longer numbers such as timestamps in ms (13 digits: too short anyway).
const idLike = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|[A-Z]{3}\d{12})(?![0-9A-Za-z])/g;

/** Masks anything in a string that looks like a full identity number. */
export function scrubIdNumbers(text: string): string {
  return text.replace(idLike, (m) => m.slice(0, 3) + '*'.repeat(m.length - 7) + m.slice(-4));
}

/** A destination that masks identity-like numbers in every line before passing it on. */
export function scrubbingStream(dest: DestinationStream): DestinationStream {
  return { write: (line: string) => dest.write(scrubIdNumbers(line)) };
}

/** Creates the server's logger: JSON lines to `stream` (default stdout) at the configured level. */
export function createLogger(config: Pick<ServerConfig, 'logLevel'>, stream?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    scrubbingStream(stream ?? pino.destination(1)),
  );
}
