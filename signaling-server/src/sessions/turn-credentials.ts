/**
 * Short-lived TURN credentials (issue 13 #4), the TURN REST API scheme coturn's `use-auth-secret`
 * implements: username `<unix expiry>:<id>`, credential base64(HMAC-SHA1(secret, username)). coturn
 * recomputes the credential from the same shared secret (`static-auth-secret`) and refuses it once
 * the expiry has passed. The secret and the credentials are never logged.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { IceServer } from '@rvw/shared';
import { ConfigError } from '../errors';

/** The `turn` option: coturn's URLs, its shared secret, and how long a credential lives. */
export const TurnSettings = z
  .object({
    /** `turn:` / `turns:` URLs of the coturn(s) sharing the secret. */
    urls: z
      .array(z.string().regex(/^turns?:\S+$/, { error: 'must be turn: or turns: URLs' }))
      .min(1, { error: 'must list at least one turn: URL' }),
    /** coturn's static-auth-secret (at least 16 characters; e.g. `openssl rand -hex 32`). */
    secret: z
      .string()
      .min(16, { error: 'must be at least 16 characters (for example: openssl rand -hex 32)' }),
    /** How long a credential is valid, in seconds; default 3600 (longer than a call). */
    ttlSeconds: z.number().int().min(60).max(604_800).default(3600),
  })
  .strict();
export type TurnSettings = z.output<typeof TurnSettings>;

/** The environment variables of `turn`, by field. */
export const turnEnv = {
  urls: 'RVW_TURN_URLS',
  secret: 'RVW_TURN_SECRET',
  secretFile: 'RVW_TURN_SECRET_FILE',
  ttlSeconds: 'RVW_TURN_TTL_SECONDS',
} as const;

/** The TURN REST API username: `<unix expiry>:<id>`. */
export function turnUsername(expiresAtUnix: number, id: string): string {
  return `${expiresAtUnix}:${id}`;
}

/** The TURN REST API credential of a username: base64(HMAC-SHA1(secret, username)). */
export function turnCredential(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/** The ICE server entry with a fresh credential for `id` (a session, or `kiosk-<id>`), valid ttlSeconds from now. */
export function turnIceServer(turn: TurnSettings, id: string, now: Date): IceServer {
  const username = turnUsername(Math.floor(now.getTime() / 1000) + turn.ttlSeconds, id);
  return { urls: [...turn.urls], username, credential: turnCredential(turn.secret, username) };
}

/** Reads a secret file (trailing newline dropped); `name` is what the error names. */
function readSecretFile(path: string, name: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    throw ConfigError.invalid(`${name} names ${path}, which cannot be read`);
  }
}

/**
 * `turn` from RVW_TURN_URLS (comma list), RVW_TURN_SECRET or RVW_TURN_SECRET_FILE and
 * RVW_TURN_TTL_SECONDS; undefined when none is set. Any of them set requires the URLs and a secret.
 */
export function turnFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const urls = get(turnEnv.urls);
  const secret = get(turnEnv.secret);
  const secretFile = get(turnEnv.secretFile);
  const ttl = get(turnEnv.ttlSeconds);
  if (urls === undefined && secret === undefined && secretFile === undefined && ttl === undefined) return;
  if (urls === undefined) {
    throw ConfigError.invalid(`${turnEnv.urls} is required with the other RVW_TURN_ variables`);
  }
  if (secret !== undefined && secretFile !== undefined) {
    throw ConfigError.invalid(`give ${turnEnv.secret} or ${turnEnv.secretFile}, not both`);
  }
  if (secret === undefined && secretFile === undefined) {
    throw ConfigError.invalid(
      `${turnEnv.urls} needs coturn's static-auth-secret in ${turnEnv.secret} or ${turnEnv.secretFile}`,
    );
  }
  const out: Record<string, unknown> = {
    urls: urls
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secret: secret ?? readSecretFile(secretFile!, turnEnv.secretFile),
  };
  if (ttl !== undefined) {
    const n = Number(ttl);
    if (!Number.isFinite(n))
      throw ConfigError.invalid(`${turnEnv.ttlSeconds} must be a number, got "${ttl}"`);
    out.ttlSeconds = n;
  }
  return out;
}

/** A config file's `turn` with `secretFile` in place of `secret`: the file is read. */
export function turnFromFile(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('secretFile' in value)) return value;
  const { secretFile, ...rest } = value as Record<string, unknown>;
  if (typeof secretFile !== 'string') throw ConfigError.invalid('turn.secretFile must be a path');
  if ('secret' in rest) throw ConfigError.invalid('give turn.secret or turn.secretFile, not both');
  return { ...rest, secret: readSecretFile(secretFile, 'turn.secretFile') };
}

/** The option's name in an error: the env variable of the field, or `turn.<field>`. */
export function turnFieldName(field: string | undefined, source: 'env' | 'file' | 'code'): string {
  if (source === 'env' && field && field in turnEnv) return turnEnv[field as keyof typeof turnEnv];
  return field ? `turn.${field}` : 'turn';
}

/**
 * A TURN server with a static password among the static ICE servers, when `turn` is used: refused,
 * so that only short-lived credentials reach the clients.
 */
export function staticTurnPassword(iceServers: readonly IceServer[]): boolean {
  return iceServers.some(
    (s) =>
      s.credential !== undefined &&
      (Array.isArray(s.urls) ? s.urls : [s.urls]).some((u) => /^turns?:/.test(u.trim())),
  );
}
