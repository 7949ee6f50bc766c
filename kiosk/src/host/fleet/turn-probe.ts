/**
 * The TURN part of readiness and of the network diagnostic (issue 12 #4, #5): when the kiosk's ICE
 * servers include a `turn:` URL with credentials, a real allocation on it with kiosk-doctor's TURN
 * client (doctor/turn/), freed at once. The outcome is cached for a minute so that readiness stays
 * fast, and the whole try is bounded (5 s). The credential is never logged or reported.
 */
import type { EventEmitter } from 'node:events';
import { IceServer } from '@rvw/shared';
import type { BridgeEventMap } from '@rvw/shared';
import { z } from 'zod';
import { NETWORK_EXIT } from '../../doctor/network';
import { turnStep } from '../../doctor/turn/turn-check';
import type { TurnStep } from '../../doctor/turn/turn-check';
import { ICE_SERVERS_ENV, parseTurnUrl } from '../../doctor/turn/turn-config';
import type { TurnConfig } from '../../doctor/turn/turn-config';

/** The TURN check's outcome, in readiness's words plus the doctor's sentence and exit code. */
export interface TurnOutcome {
  result: 'ok' | 'problem' | 'skipped';
  /** TURN_FAILED when a problem. */
  code?: string;
  /** The doctor's sentence (ok phrase or failure), without the credential. */
  summary: string;
  /** kiosk-doctor network's exit code for it (0, or 16). */
  exitCode: number;
}

/** The first `turn:` server in `servers` that has a username and a credential; null for none. */
export function turnWithCredentials(servers: readonly IceServer[]): TurnConfig | null {
  for (const s of servers) {
    if (!s.username || !s.credential) continue;
    for (const url of Array.isArray(s.urls) ? s.urls : [s.urls]) {
      if (!url.startsWith('turn:')) continue;
      try {
        return { url, target: parseTurnUrl(url), username: s.username, credential: s.credential };
      } catch {
        // A URL the doctor cannot check (turns:, a bad port): look further.
      }
    }
  }
  return null;
}

/**
 * The kiosk's ICE servers: the latest the server handed out (with session:opened, with kiosk:state
 * (its session's, or the kiosk's own outside a session) and with each heartbeat's ack through
 * `update`; their TURN credentials are short-lived, so the latest wins), else RVW_ICE_SERVERS from
 * the kiosk's environment.
 */
export function kioskIceServers(
  events: EventEmitter<BridgeEventMap>,
  env: NodeJS.ProcessEnv = process.env,
): { current(): IceServer[]; update(servers: IceServer[]): void; close(): void } {
  let fromServer: IceServer[] | null = null;
  const fromEnv = (): IceServer[] => {
    const raw = env[ICE_SERVERS_ENV]?.trim();
    if (!raw) return [];
    try {
      const parsed = z.array(IceServer).safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  const onOpened = (opened: BridgeEventMap['session:opened'][0]): void => {
    fromServer = opened.iceServers;
  };
  const onState = (state: BridgeEventMap['kiosk:state'][0]): void => {
    if (state.iceServers) fromServer = state.iceServers;
    if (state.session) fromServer = state.session.iceServers;
  };
  events.on('session:opened', onOpened);
  events.on('kiosk:state', onState);
  return {
    current: () => (fromServer && fromServer.length > 0 ? fromServer : fromEnv()),
    update(servers) {
      fromServer = servers;
    },
    close() {
      events.off('session:opened', onOpened);
      events.off('kiosk:state', onState);
    },
  };
}

/** Options of the probe. */
export interface TurnProbeOptions {
  iceServers: () => IceServer[];
  /** How long an outcome is reused; default 60 000 ms. */
  cacheMs?: number;
  /** The whole try's bound; default 5000 ms. */
  timeoutMs?: number;
  /** The allocation (tests give a fake); default kiosk-doctor's turnStep. */
  step?: (config: TurnConfig, exchangeTimeoutMs: number) => Promise<TurnStep>;
  now?: () => number;
}

const SKIPPED: TurnOutcome = {
  result: 'skipped',
  summary: 'TURN 未配置 TURN not configured (no turn: URL with credentials among the ICE servers)',
  exitCode: 0,
};

/** A cached, bounded TURN allocation check. */
export function turnProbe(options: TurnProbeOptions): { check(): Promise<TurnOutcome> } {
  const cacheMs = options.cacheMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 5000;
  const step = options.step ?? ((c, t) => turnStep(c, t));
  const now = options.now ?? Date.now;
  let cached: { key: string; at: number; outcome: TurnOutcome } | null = null;
  let running: { key: string; promise: Promise<TurnOutcome> } | null = null;

  const run = async (config: TurnConfig): Promise<TurnOutcome> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<TurnStep>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            summary: `TURN 分配超时 TURN allocation timed out after ${timeoutMs} ms at ${config.url}`,
            details: {},
          }),
        timeoutMs,
      );
    });
    try {
      const s = await Promise.race([
        step(config, Math.max(500, Math.floor(timeoutMs / 3))).catch((): TurnStep => ({
          ok: false,
          summary: `TURN 检查失败 TURN check failed at ${config.url}`,
          details: {},
        })),
        timeout,
      ]);
      return s.ok
        ? { result: 'ok', summary: s.phrase, exitCode: 0 }
        : { result: 'problem', code: 'TURN_FAILED', summary: s.summary, exitCode: NETWORK_EXIT.TurnFailed };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async check() {
      const config = turnWithCredentials(options.iceServers());
      if (!config) return SKIPPED;
      // A TURN REST username's expiry (`<unix>:`) changes with each renewal: the same user all the same.
      const key = `${config.url} ${(config.username ?? '').replace(/^\d+:/, '')}`;
      if (cached && cached.key === key && now() - cached.at < cacheMs) return cached.outcome;
      if (running && running.key === key) return running.promise;
      const promise = run(config).then((outcome) => {
        cached = { key, at: now(), outcome };
        return outcome;
      });
      running = { key, promise };
      try {
        return await promise;
      } finally {
        if (running?.promise === promise) running = null;
      }
    },
  };
}
