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

// What is masked, wherever it stands (glued to letters, CJK, punctuation or other digits):
// - any run of 15 or more digits, optionally ending in X: 18-char resident numbers (GB 11643, also
//   HK/Macao/Taiwan residents and 2023 foreigner cards), 15-digit pre-1999 numbers, and a number
//   glued to further digits. A longer run may be another number (an SDP session id, say); it is
//   masked anyway, because the scrubber cannot tell "a number + a digit" from "a long number",
//   and a masked harmless number costs less than a leaked identity.
// - 3 letters followed by 12 or more digits: old foreigner cards, also glued to other text.
// Times in ms (13 digits) and UUIDs (hex runs shorter than 15 digits) stay readable.
const idLike = /\d{14,}[\dXx]|[A-Za-z]{3}\d{12,}/g;

/** Masks anything in a string that looks like a full identity number (first 3 and last 4 kept). */
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
