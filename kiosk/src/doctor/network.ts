/**
 * `kiosk-doctor network --server URL`: the server answers GET /api/health, a socket.io WebSocket
 * upgrade works (a connection, or a refusal of the doctor's missing credentials: either proves the
 * upgrade), this machine's clock is within --max-skew seconds of the server's (its Date header), and,
 * when a TURN server is configured, a relay can be allocated on it (turn/turn-check.ts).
 */
import { ConnectRefusal } from '@rvw/shared';
import { io as connect } from 'socket.io-client';
import type { CheckResult } from './check';
import { turnStep } from './turn/turn-check';
import type { TurnConfig } from './turn/turn-config';

/** Exit codes of `kiosk-doctor network` (added to kiosk-doctor's EXIT). */
export const NETWORK_EXIT = {
  /** The server did not answer GET /api/health (wrong address, server down, firewall, proxy). */
  ServerUnreachable: 13,
  /** HTTP works but the WebSocket upgrade to socket.io failed (a proxy that drops upgrades). */
  WebSocketFailed: 14,
  /** The clock differs from the server's by more than --max-skew seconds. */
  ClockSkew: 15,
  /** The TURN server did not give a relay (unreachable, wrong credentials, quota, other error). */
  TurnFailed: 16,
} as const;

/** Options of the network check. */
export interface NetworkOptions {
  /** The server's base URL, e.g. https://centre.example. */
  server: string;
  /** Allowed clock difference in seconds; default 5. */
  maxSkewS?: number;
  /** Seconds to wait for each step; default 10. */
  timeoutS?: number;
  /** The local clock (tests). */
  now?: () => number;
  /** The TURN server to allocate a relay on; default none (TURN skipped). */
  turn?: TurnConfig | null;
}

/** The outcome of the WebSocket step. */
type UpgradeResult = { ok: true; how: 'connected' | 'refused'; code?: string } | { ok: false; error: string };

/** Opens a socket.io connection over WebSocket only, without credentials, and closes it. */
export function tryUpgrade(server: string, timeoutMs: number): Promise<UpgradeResult> {
  return new Promise((resolve) => {
    const socket = connect(server, {
      transports: ['websocket'],
      reconnection: false,
      timeout: timeoutMs,
      auth: {},
      forceNew: true,
    });
    const done = (r: UpgradeResult) => {
      socket.removeAllListeners();
      socket.disconnect();
      resolve(r);
    };
    socket.on('connect', () => done({ ok: true, how: 'connected' }));
    socket.on('connect_error', (err: Error & { data?: unknown }) => {
      // The server's auth middleware refuses a socket without credentials with a coded reason:
      // that answer came over the upgraded connection.
      const refusal = ConnectRefusal.safeParse(err.data);
      if (refusal.success) done({ ok: true, how: 'refused', code: refusal.data.code });
      else done({ ok: false, error: err.message });
    });
  });
}

/** Runs the network check. */
export async function networkCheck(options: NetworkOptions): Promise<CheckResult> {
  const now = options.now ?? Date.now;
  const maxSkew = options.maxSkewS ?? 5;
  const timeoutMs = (options.timeoutS ?? 10) * 1000;
  const base = options.server.replace(/\/+$/, '');
  const details: Record<string, unknown> = { server: base, turn: 'skipped: no TURN configured' };

  let serverDate: number;
  let sentAt: number;
  let answeredAt: number;
  try {
    sentAt = now();
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    answeredAt = now();
    const body = (await res.json().catch(() => null)) as { status?: unknown; version?: unknown } | null;
    details.health = { httpStatus: res.status, status: body?.status, version: body?.version };
    details.roundTripMs = answeredAt - sentAt;
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    serverDate = Date.parse(res.headers.get('date') ?? '');
  } catch (err) {
    const why =
      err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return {
      check: 'network',
      status: 'fail',
      exit: NETWORK_EXIT.ServerUnreachable,
      summary: `服务器无应答 The server does not answer ${base}/api/health (${why}): 请检查地址、网线和防火墙 check the address, the network cable and the firewall.`,
      details,
    };
  }

  const upgrade = await tryUpgrade(base, timeoutMs);
  details.webSocket = upgrade;
  if (!upgrade.ok) {
    return {
      check: 'network',
      status: 'fail',
      exit: NETWORK_EXIT.WebSocketFailed,
      summary: `服务器可达，但 WebSocket 连接失败（${upgrade.error}）：请让网络管理员允许 WebSocket（代理、防火墙）。 The server answers but the WebSocket upgrade failed (${upgrade.error}): ask the network's administrator to let WebSocket through the proxy or firewall.`,
      details,
    };
  }

  // The Date header has one-second resolution: compare it with the middle of the round trip, plus
  // half a second for the truncation.
  const skewS = Number.isFinite(serverDate)
    ? Math.round((serverDate + 500 - (sentAt + answeredAt) / 2) / 100) / 10
    : null;
  details.clockSkewS = skewS;
  details.maxSkewS = maxSkew;
  if (skewS === null || Math.abs(skewS) > maxSkew) {
    const said =
      skewS === null
        ? '服务器未给出时间 the server sent no Date header'
        : `本机时钟${skewS > 0 ? '慢' : '快'} ${Math.abs(skewS)} 秒 this clock is ${Math.abs(skewS)} s ${skewS > 0 ? 'behind' : 'ahead of'} the server`;
    return {
      check: 'network',
      status: 'fail',
      exit: NETWORK_EXIT.ClockSkew,
      summary: `时钟不同步 Clock out of sync: ${said} (allowed ${maxSkew} s): 请开启网络校时（NTP） turn on network time (NTP).`,
      details,
    };
  }

  let turnPhrase = 'TURN skipped: no TURN configured';
  if (options.turn) {
    const turn = await turnStep(options.turn, timeoutMs);
    details.turn = turn.details;
    if (!turn.ok) {
      return {
        check: 'network',
        status: 'fail',
        exit: NETWORK_EXIT.TurnFailed,
        summary: turn.summary,
        details,
      };
    }
    turnPhrase = turn.phrase;
  }
  return {
    check: 'network',
    status: 'ok',
    exit: 0,
    summary: `服务器可达 Server reachable (${details.roundTripMs} ms), WebSocket ok (${upgrade.how}), clock within ${Math.abs(skewS)} s; ${turnPhrase}`,
    details,
  };
}
