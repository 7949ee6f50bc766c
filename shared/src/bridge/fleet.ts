/**
 * Bridge area "fleet" (issue 12): readiness before a session, the call's set-up time, and the
 * first-run enrolment screen. The renderer opens the camera and microphone itself (getUserMedia)
 * and hands its findings to the host, which adds the server, reader, printer and TURN checks and
 * answers the verdict (see fleet/readiness.ts). Enrolment: the technician types the code on the
 * kiosk's first-run screen; the host redeems it, stores the credential where only the kiosk's user
 * can read it (never in the renderer), and connects with it.
 */
import { z } from 'zod';
import { clientEvents } from '../protocol';
import { DeviceProbe, Readiness } from '../fleet/readiness';
import { empty } from './empty';
import type { EventSlice, InvokeSlice } from './spec';

/** Whether this kiosk has a credential, and the server it would enrol with. */
export const EnrolmentState = z.object({
  /** False on a fresh install (no token configured or stored): the first-run screen shows. */
  enrolled: z.boolean(),
  /** The server URL from configuration; the first-run screen asks for one when null. */
  serverUrl: z.string().max(300).nullable(),
  /** Where this kiosk stands, once enrolled. */
  kiosk: z.object({ name: z.string(), location: z.string() }).nullable(),
});
export type EnrolmentState = z.infer<typeof EnrolmentState>;

/** Invoke channels of the fleet area. */
export const fleetInvokes = {
  /**
   * Before "call an agent": the renderer's camera and microphone probes; the host adds the server,
   * the reader, the printer and TURN (when configured), reports the verdict to the server at once,
   * and answers it.
   */
  'readiness:check': {
    request: z.object({ camera: DeviceProbe, microphone: DeviceProbe }).strict(),
    response: Readiness,
  },
  /** The call's set-up time as this kiosk saw it (the protocol's `call:setup`). */
  'call:setup': { request: clientEvents['call:setup'].payload, response: clientEvents['call:setup'].ack },
} as const satisfies InvokeSlice;

/** Invoke channels of enrolment (the first-run screen). */
export const enrolmentInvokes = {
  /** Whether this kiosk is enrolled (the first-run screen shows when not). */
  'enrolment:state': { request: empty, response: EnrolmentState },
  /**
   * Redeems an enrolment code typed on the first-run screen (ENROLMENT_CODE_INVALID, RATE_LIMITED,
   * SERVER_UNREACHABLE); on success the host stores the credential and connects with it.
   */
  'enrolment:redeem': {
    request: z
      .object({ code: z.string().min(1).max(40), serverUrl: z.string().url().max(300).optional() })
      .strict(),
    response: EnrolmentState,
  },
} as const satisfies InvokeSlice;

/** Event channels of the fleet area. */
export const fleetBridgeEvents = {
  /** The enrolment changed (enrolled now, or the credential was revoked: "此设备需要重新登记"). */
  'enrolment:state': EnrolmentState,
} as const satisfies EventSlice;
