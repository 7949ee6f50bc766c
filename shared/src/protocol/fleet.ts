/**
 * The fleet area of the socket protocol (issue 12): the kiosk's heartbeat and its answers to remote
 * diagnostics, the clients' call set-up times (a metric), and the live fleet view for admins.
 *
 * `kiosk:heartbeat` carries no kiosk id: the server files it under the socket's own kiosk, so a
 * kiosk cannot report for another. It is validated (HealthReport, at most MAX_HEARTBEAT_BYTES) and
 * rate-limited per kiosk (RATE_LIMITED beyond a burst; the kiosk keeps its report and sends it with
 * the next beat). The ack tells the kiosk the server's clock (the doctor's clock check) and when to
 * report next.
 */
import { z } from 'zod';
import { DiagnosticKind, DiagnosticRequest, DiagnosticResult } from '../fleet/diagnostics';
import { FleetKiosk } from '../fleet/fleet-kiosk';
import { HealthReport } from '../fleet/health-report';
import { IceServer } from '../domain';
import { wireId, type ClientEventSlice, type ServerEventSlice } from './event-spec';

/** Client -> server events of the fleet area. */
export const fleetClientEvents = {
  /** The kiosk's health, every interval and at once on a change. */
  'kiosk:heartbeat': {
    from: ['kiosk'],
    payload: HealthReport,
    ack: z.object({
      serverTime: z.string(),
      nextInMs: z.number().int().positive(),
      /**
       * The ICE servers for the kiosk's readiness TURN probe, with a short-lived TURN credential bound
       * to the kiosk (issue 13 #4), renewed with every beat; absent when the server has none.
       */
      iceServers: z.array(IceServer).optional(),
    }),
  },
  /** The kiosk's answer to `diagnostics:request` (log lines already scrubbed on the kiosk). */
  'diagnostics:result': {
    from: ['kiosk'],
    payload: z
      .object({
        requestId: wireId,
        result: DiagnosticResult.nullable(),
        /** An error code when the kiosk could not do it. */
        error: z.string().max(60).optional(),
      })
      .strict(),
    ack: z.object({}),
  },
  /**
   * How long the call of a session took to set up on this client: from `session:opened` to the first
   * frame of the other side's video, in ms. Only a member of the session may report, once per
   * session and side; it feeds the `rvw_call_setup_seconds` histogram.
   */
  'call:setup': {
    from: ['kiosk', 'agent'],
    payload: z.object({ sessionId: wireId, ms: z.number().int().min(0).max(600_000) }).strict(),
    ack: z.object({}),
  },
  /**
   * The kiosk stored the new credential `kiosk:credential` brought (rotation): the server then makes
   * it the kiosk's only one (the old token stops working) and answers the admin.
   */
  'kiosk:credential-saved': {
    from: ['kiosk'],
    payload: z.object({ rotationId: wireId }).strict(),
    ack: z.object({}),
  },
} as const satisfies ClientEventSlice;

/** Server -> client events of the fleet area. */
export const fleetServerEvents = {
  /**
   * To the kiosk only (never re-sent to the renderer): its new token, from an admin's rotation. The
   * host stores it (safeStorage / mode 0600) and answers `kiosk:credential-saved`.
   */
  'kiosk:credential': z.object({ rotationId: wireId, token: z.string().min(16).max(200) }),
  /** To the kiosk: do this diagnostic and answer with `diagnostics:result`. */
  'diagnostics:request': z.object({ requestId: wireId, kind: DiagnosticKind }),
  /** To admins of the kiosk's centre, whenever a kiosk's row in the fleet view changes. */
  'fleet:update': z.object({ kiosk: FleetKiosk }),
  /** To admins of the kiosk's centre, whenever a diagnostic request changes (sent, answered, expired). */
  'fleet:diagnostics': z.object({ request: DiagnosticRequest }),
} as const satisfies ServerEventSlice;
