/**
 * Readiness before each session (issue 12 #4): before the kiosk offers "call an agent" it checks
 * that a video call can be held. The renderer opens the camera and the microphone (only it can:
 * getUserMedia) and hands its findings to the host (`readiness:check`); the host adds the server,
 * the reader, the printer and, when TURN is configured, a TURN allocation, and answers the verdict.
 * The verdict goes to the server in the next heartbeat (at once), so the fleet view shows why a
 * kiosk cannot call and the agent sees the kiosk's problems before accepting.
 */
import { z } from 'zod';

/** What the renderer found when it opened a capture device. */
export const DeviceProbe = z.object({
  ok: z.boolean(),
  /** The DOMException's name when it failed (NotFoundError, NotAllowedError, NotReadableError…). */
  error: z.string().max(60).optional(),
  /** The device's label, when it opened. */
  label: z.string().max(120).optional(),
});
export type DeviceProbe = z.infer<typeof DeviceProbe>;

/** The parts a readiness check looks at. */
export const ReadinessPart = z.enum(['camera', 'microphone', 'server', 'reader', 'printer', 'turn']);
export type ReadinessPart = z.infer<typeof ReadinessPart>;

/** One part's result: ok, a problem (with a code technicians can look up), or not checked. */
export const ReadinessCheck = z.object({
  part: ReadinessPart,
  result: z.enum(['ok', 'problem', 'skipped']),
  /** A stable code when a problem: e.g. NotFoundError, SERVER_UNREACHABLE, out-of-paper, TURN_FAILED. */
  code: z.string().max(60).optional(),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheck>;

/**
 * The verdict. `canCall` is false when a video call would fail (no camera, no microphone, no
 * server, TURN configured but failing); a reader or printer problem does not stop a call (the
 * agent is told, and the resident can still be served), it only shows in `checks`.
 */
export const Readiness = z.object({
  canCall: z.boolean(),
  checks: z.array(ReadinessCheck).max(6),
  at: z.iso.datetime(),
});
export type Readiness = z.infer<typeof Readiness>;

/** The parts whose problem stops a call. */
export const CALL_CRITICAL_PARTS: readonly ReadinessPart[] = ['camera', 'microphone', 'server', 'turn'];

/** The verdict of a set of checks: a call is possible when no call-critical part has a problem. */
export function readinessVerdict(checks: ReadinessCheck[], at: Date): Readiness {
  const canCall = !checks.some((c) => c.result === 'problem' && CALL_CRITICAL_PARTS.includes(c.part));
  return { canCall, checks, at: at.toISOString() };
}
