/**
 * Which TURN server kiosk-doctor checks: `--turn turn:host[:port][?transport=udp|tcp]` with
 * `--turn-username`/`--turn-credential`, else the first `turn:` URL in RVW_ICE_SERVERS (the same JSON
 * list of `{urls, username, credential}` the signaling server hands to both members of a call).
 */
import { IceServer } from '@rvw/shared';
import { z } from 'zod';
import { DoctorUsageError } from '../check';
import type { StunTarget } from './stun-transport';

/** The environment variable with the ICE servers (as the server's configuration names it). */
export const ICE_SERVERS_ENV = 'RVW_ICE_SERVERS';
/** TURN's default port. */
export const TURN_DEFAULT_PORT = 3478;

/** A TURN server to check. */
export interface TurnConfig {
  /** The URL as given (without credentials). */
  url: string;
  target: StunTarget;
  username?: string;
  credential?: string;
}

/** Parses `turn:host[:port][?transport=udp|tcp]` (IPv6 in brackets); throws DoctorUsageError. */
export function parseTurnUrl(url: string): StunTarget {
  const m = /^turn:(\[[0-9a-fA-F:.]+\]|[^\s:?/[\]]+)(?::(\d{1,5}))?(?:\?transport=(udp|tcp))?$/.exec(
    url.trim(),
  );
  if (!m) {
    const tls = url.trim().startsWith('turns:')
      ? ' (turns: over TLS is not checked; give the turn: URL)'
      : '';
    throw new DoctorUsageError(
      `--turn must look like turn:host[:port][?transport=udp|tcp], got "${url}"${tls}.`,
    );
  }
  const port = m[2] === undefined ? TURN_DEFAULT_PORT : Number(m[2]);
  if (port < 1 || port > 65535) throw new DoctorUsageError(`--turn's port must be 1-65535, got ${port}.`);
  return {
    host: m[1]!.replace(/^\[|\]$/g, ''),
    port,
    transport: (m[3] as 'udp' | 'tcp' | undefined) ?? 'udp',
  };
}

/** The first `turn:` server in an RVW_ICE_SERVERS value; null when it lists none. */
export function turnFromIceServers(json: string): TurnConfig | null {
  let servers: IceServer[];
  try {
    servers = z.array(IceServer).parse(JSON.parse(json));
  } catch {
    throw new DoctorUsageError(
      `${ICE_SERVERS_ENV} must be a JSON list of {"urls", "username", "credential"} objects.`,
    );
  }
  for (const s of servers) {
    const url = (Array.isArray(s.urls) ? s.urls : [s.urls]).find((u) => u.startsWith('turn:'));
    if (url) {
      return {
        url,
        target: parseTurnUrl(url),
        ...(s.username !== undefined ? { username: s.username } : {}),
        ...(s.credential !== undefined ? { credential: s.credential } : {}),
      };
    }
  }
  return null;
}

/** The command-line options that name a TURN server. */
export interface TurnOptionValues {
  turn?: string;
  'turn-username'?: string;
  'turn-credential'?: string;
}

/** The TURN server to check from the options, else the environment; null when none is configured. */
export function turnConfig(values: TurnOptionValues, env: NodeJS.ProcessEnv): TurnConfig | null {
  const fromEnv = values.turn
    ? null
    : env[ICE_SERVERS_ENV]?.trim()
      ? turnFromIceServers(env[ICE_SERVERS_ENV])
      : null;
  const base: TurnConfig | null = values.turn
    ? { url: values.turn, target: parseTurnUrl(values.turn) }
    : fromEnv;
  if (!base) {
    if (values['turn-username'] || values['turn-credential']) {
      throw new DoctorUsageError('--turn-username and --turn-credential need --turn (or RVW_ICE_SERVERS).');
    }
    return null;
  }
  const username = values['turn-username'] ?? base.username;
  const credential = values['turn-credential'] ?? base.credential;
  return {
    url: base.url,
    target: base.target,
    ...(username !== undefined ? { username } : {}),
    ...(credential !== undefined ? { credential } : {}),
  };
}

/** The parseArgs options for --turn, --turn-username, --turn-credential. */
export const TURN_ARG_OPTIONS = {
  turn: { type: 'string' },
  'turn-username': { type: 'string' },
  'turn-credential': { type: 'string' },
} as const;
