/** When the kiosk host's server socket tries again after it is lost, by why it was lost. */
import { DelayTablePolicy, lostTransportPolicy, ReasonPolicy } from '@rvw/shared';
import type { ReconnectPolicy } from '@rvw/shared';

/** Why the kiosk's socket is down, as the policy is told. */
export type KioskDropReason =
  /** The server announced a planned restart (`server:restarting`) before it went. */
  | 'planned-restart'
  /** The server closed the connection without a notice (the next handshake says why). */
  | 'server-disconnect'
  /** The server's handshake refused us for a reason other than the credential (e.g. rate limit). */
  | 'refused'
  /** The network or the server went away. */
  | 'transport';

/**
 * How long one connection attempt may take before it counts as failed (socket.io-client's `timeout`;
 * its default is 20 s): short, so that during an outage the attempts keep cycling and one starts
 * soon after the network is back, rather than one attempt hanging on a lost handshake.
 */
export const KIOSK_CONNECT_TIMEOUT_MS = 3500;

/** 40 tries of 0.5-1 s: about the first 30 s of a planned restart. */
const PLANNED_FAST_TRIES = 40;

/**
 * The kiosk socket's default policy. A kiosk stands in front of a resident, so it never gives up
 * and never waits long (each wait stays under 5 s, so it is back within 5 s of a server being ready):
 * - after a planned restart: every 0.5-1 s for about 30 s (back within a second of the server),
 *   then every 2-2.5 s;
 * - closed by the server without notice: at once, then after 0.5 s, 1 s, 2 s, then every 3 s;
 * - refused (not for the credential): every 3-4 s;
 * - transport lost (issue 13, LiveKit's style, shared with the console: lostTransportPolicy): at
 *   once, then after 0.3 s, 1.2 s, then every 2 s, so that a link that comes back is found within
 *   about 3 s (each attempt gives up after {@link KIOSK_CONNECT_TIMEOUT_MS}, so attempts keep
 *   cycling while the network is out);
 * each wait but the first plus jitter (0.5 s; 1 s when refused or lost) so that a fleet does not retry in step.
 */
export function kioskSocketPolicy(): ReconnectPolicy {
  const planned = [...Array<number>(PLANNED_FAST_TRIES).fill(500), 2000];
  return new ReasonPolicy(
    {
      'planned-restart': new DelayTablePolicy({ delaysMs: planned, jitterMs: 500 }),
      'server-disconnect': new DelayTablePolicy({ delaysMs: [0, 500, 1000, 2000, 3000], jitterMs: 500 }),
      refused: new DelayTablePolicy({ delaysMs: [3000], jitterMs: 1000 }),
    } satisfies Partial<Record<KioskDropReason, ReconnectPolicy>>,
    lostTransportPolicy(),
  );
}
