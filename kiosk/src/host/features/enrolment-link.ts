/**
 * Feature "enrolment link" (issue 12 #1): the first-run screen's enrolment. The host redeems the code
 * typed on the screen, stores the credential (the main process decides: safeStorage where available,
 * a file of mode 0600 in the kiosk's data folder) and connects with it. SCAFFOLD until built.
 */
import type { enrolmentInvokes } from '@rvw/shared';
import { BridgeError } from '@rvw/shared';
import type { HostContext, HostFeature } from '../feature';

export function enrolmentLinkFeature(ctx: HostContext): HostFeature<typeof enrolmentInvokes> {
  return {
    handlers: {
      'enrolment:state': async () => ({
        enrolled: ctx.config.kioskToken !== '',
        serverUrl: ctx.config.serverUrl,
        kiosk: null,
      }),
      'enrolment:redeem': async () => {
        throw BridgeError.internal();
      },
    },
    close: async () => undefined,
  };
}
