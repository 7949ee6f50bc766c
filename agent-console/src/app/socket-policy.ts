/** When the console's socket tries again after it is lost, by why it was lost. */
import { DelayTablePolicy, lostTransportPolicy, ReasonPolicy, type ReconnectPolicy } from '@rvw/shared/call';

/** Why the socket is down, as the policy is told. */
export type SocketDropReason =
  /** The server's handshake refused us for a reason other than credentials (e.g. it is starting). */
  | 'refused'
  /** The server closed the connection on purpose (e.g. the token was revoked). */
  | 'server-disconnect'
  /** The network or the server went away. */
  | 'transport';

/**
 * The console socket's default policy, and the times it keeps:
 * - refused: every 3 s, calmly, for as long as it takes;
 * - closed by the server: at once (the next handshake says why), then every 3 s;
 * - transport lost (issue 13, LiveKit's style, shared with the kiosk: lostTransportPolicy): at once,
 *   then after 0.3 s, 1.2 s, then every 2 s, each wait but the first plus up to 1 s of jitter, so
 *   that the link is back within about 3 s of the network (each attempt gives up after 3.5 s: see
 *   CONSOLE_CONNECT_TIMEOUT_MS).
 */
export function consoleSocketPolicy(): ReconnectPolicy {
  const calm = new DelayTablePolicy({ delaysMs: [3000], jitterMs: 0 });
  return new ReasonPolicy(
    {
      refused: calm,
      'server-disconnect': new DelayTablePolicy({ delaysMs: [0, 3000], jitterMs: 0 }),
    } satisfies Partial<Record<SocketDropReason, ReconnectPolicy>>,
    lostTransportPolicy(),
  );
}
