/**
 * Feature "fleet reporter" (issue 12 #2, #4, #5): the kiosk's heartbeat to the server (every 30 s
 * and at once on a change, from the device modules' own health), readiness before a session, the
 * call's set-up time, and the answers to remote diagnostics. SCAFFOLD: answers UNAVAILABLE until
 * built.
 */
import { BridgeError } from '@rvw/shared';
import type { fleetInvokes } from '@rvw/shared';
import type { HostContext, HostFeature } from '../feature';

export function fleetReporterFeature(ctx: HostContext): HostFeature<typeof fleetInvokes> {
  void ctx;
  return {
    handlers: {
      'readiness:check': async () => {
        throw BridgeError.internal();
      },
      'call:setup': async () => ({}),
    },
    close: async () => undefined,
  };
}
