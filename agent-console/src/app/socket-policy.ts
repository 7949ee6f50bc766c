/** When the console's socket tries again after it is lost, by why it was lost. */
import { DelayTablePolicy, ReasonPolicy, type ReconnectPolicy } from '@rvw/shared/call';

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
 * - transport lost: after 1 s, 2 s, 4 s, then every 5 s, each plus up to 0.5 s of jitter.
 */
export function consoleSocketPolicy(): ReconnectPolicy {
  const calm = new DelayTablePolicy({ delaysMs: [3000], jitterMs: 0 });
  return new ReasonPolicy(
    {
      refused: calm,
      'server-disconnect': new DelayTablePolicy({ delaysMs: [0, 3000], jitterMs: 0 }),
    } satisfies Partial<Record<SocketDropReason, ReconnectPolicy>>,
    new DelayTablePolicy({ delaysMs: [1000, 2000, 4000, 5000], jitterMs: 500 }),
  );
}
