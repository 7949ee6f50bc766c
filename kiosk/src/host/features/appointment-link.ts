/**
 * Feature "appointment link" (issue 11, 云导办 at the kiosk): checks the held card in against the
 * server's appointments and books slots with it, over HTTP with the kiosk's credential, after the
 * resident's consent (scaffold to be filled by its owner).
 */
import { BridgeError } from '@rvw/shared';
import type { routingInvokes } from '@rvw/shared';
import type { HostContext, HostFeature } from '../feature';

type AppointmentSlice = Pick<
  typeof routingInvokes,
  'appointment:check-in' | 'appointment:slots' | 'appointment:book'
>;

/** Answers the appointment slice of the bridge. */
export function appointmentLinkFeature(ctx: HostContext): HostFeature<AppointmentSlice> {
  void ctx;
  const notYet = async (): Promise<never> => {
    throw BridgeError.internal();
  };
  return {
    handlers: {
      'appointment:check-in': notYet,
      'appointment:slots': notYet,
      'appointment:book': notYet,
    },
    async close() {},
  };
}
