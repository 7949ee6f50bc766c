/**
 * Remote diagnostics (issue 12 #5): from the fleet view an admin asks a kiosk for its recent log
 * lines (scrubbed of identity numbers and names on the kiosk before they leave it), to run its checks
 * (reader, printer, cameras, network), or to restart its app, which the kiosk does only between
 * sessions (else it answers `deferred` and restarts when the resident has gone). The server records
 * each request with who asked, relays it to the kiosk (`diagnostics:request`), and stores the answer
 * (`diagnostics:result`).
 */
import { z } from 'zod';

export const DiagnosticKind = z.enum(['logs', 'checks', 'restart']);
export type DiagnosticKind = z.infer<typeof DiagnosticKind>;

/** The most log lines a kiosk sends, and the longest line. */
export const MAX_DIAGNOSTIC_LOG_LINES = 200;
export const MAX_DIAGNOSTIC_LINE_CHARS = 500;

/** One check's outcome, as kiosk-doctor reports it (its exit code; 0 is OK). */
export const DiagnosticCheck = z.object({
  name: z.enum(['reader', 'printer', 'cameras', 'network', 'disk']),
  ok: z.boolean(),
  exitCode: z.number().int().min(0).max(255),
  /** The check's summary line, for people. */
  summary: z.string().max(500),
});
export type DiagnosticCheck = z.infer<typeof DiagnosticCheck>;

/** What a kiosk answers. */
export const DiagnosticResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('logs'),
    lines: z.array(z.string().max(MAX_DIAGNOSTIC_LINE_CHARS)).max(MAX_DIAGNOSTIC_LOG_LINES),
  }),
  z.object({ kind: z.literal('checks'), checks: z.array(DiagnosticCheck).max(8) }),
  /** `restarting` now (between sessions), or `deferred` until the resident present has gone. */
  z.object({ kind: z.literal('restart'), outcome: z.enum(['restarting', 'deferred']) }),
]);
export type DiagnosticResult = z.infer<typeof DiagnosticResult>;

/** A request as the server records it. */
export const DiagnosticRequest = z.object({
  id: z.string(),
  kioskId: z.string(),
  kind: DiagnosticKind,
  /** The account that asked (its id and display name). */
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  requestedAt: z.string(),
  /** sent: relayed, awaiting the kiosk; done: answered; failed: the kiosk refused or errored;
   * expired: no answer in time (offline kiosk). */
  state: z.enum(['sent', 'done', 'failed', 'expired']),
  result: DiagnosticResult.nullable(),
  /** An error code when failed or expired. */
  error: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type DiagnosticRequest = z.infer<typeof DiagnosticRequest>;
