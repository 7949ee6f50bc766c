/**
 * Server configuration: environment variables, optionally over a JSON file named by RVW_CONFIG.
 * Every option is validated with zod; a bad value fails fast with a sentence naming the variable.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { IceServer } from '@rvw/shared';
import { ConfigError } from './errors';
import {
  staticTurnPassword,
  TurnSettings,
  turnFieldName,
  turnFromEnv,
  turnFromFile,
} from './sessions/turn-credentials';

/** The agent console's build, relative to this file: <repo>/agent-console/dist. */
const defaultConsoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../agent-console/dist');
/** The service catalogue, relative to this file: <repo>/catalogue. */
const defaultCatalogueDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../catalogue');

/** The serializable part of the configuration, with defaults. */
export const ServerConfigSchema = z.object({
  /** TCP port; default 8080. 0 picks a free port (tests). */
  port: z.number().int().min(0).max(65535).default(8080),
  /**
   * Interface to listen on; default 127.0.0.1 because the demo runs on one machine and must not be
   * reachable from the network by accident. Production sets 0.0.0.0 (behind a TLS proxy).
   */
  host: z.string().min(1).default('127.0.0.1'),
  /** Folder for rvw.sqlite and the demo kiosk's config; default ./data. ':memory:' for unit tests. */
  dataDir: z.string().min(1).default('./data'),
  /**
   * ICE servers handed to both members of a session; default [] (no STUN/TURN) because the build
   * machines have no network beyond loopback. Production lists its STUN and TURN servers here.
   */
  iceServers: z.array(IceServer).default([]),
  /**
   * coturn with `use-auth-secret` (issue 13 #4): its URLs, shared secret and credential lifetime.
   * Each session (and each kiosk's readiness probe) gets a TURN entry with a short-lived credential
   * made from the secret; never a static TURN password. Default none.
   */
  turn: TurnSettings.nullable().default(null),
  /** 'relay' makes every call go through TURN (RTCPeerConnection's iceTransportPolicy); default 'all'. */
  iceTransportPolicy: z.enum(['all', 'relay']).default('all'),
  /** The agent console's build folder, served at /console; default <repo>/agent-console/dist. */
  consoleDir: z.string().min(1).default(defaultConsoleDir),
  /** The service catalogue's folder (one YAML file per item); default <repo>/catalogue. */
  catalogueDir: z.string().min(1).default(defaultCatalogueDir),
  /**
   * File the JSON log is appended to; default none (stdout). With a file, stdout carries only what
   * people must read once (generated passwords), which must never land in a log.
   */
  logFile: z.string().min(1).nullable().default(null),
  /** Log level (fatal, error, warn, info, debug, trace, silent); default info. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Lifetime of an agent's login token, in hours; default 12 (one working day with margin). */
  sessionTtlHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /**
   * How long a session waits for a disconnected member to come back, in seconds; default 60 (issue
   * 13: a resident's link may drop for tens of seconds; the agent's call keeps trying as long).
   */
  memberGraceSeconds: z.number().nonnegative().max(3600).default(60),
  /**
   * engine.io's ping interval, in seconds; default 10. With the ping timeout it bounds how long a
   * dead link (a cable pulled, a mobile link gone) holds a socket: the server notices a member gone
   * within interval + timeout (15 s) and the client notices the same. At 10 000 idle kiosks that is
   * 1 000 small pings a second, which a node carries easily (engine.io's default 25 s + 20 s would
   * leave a dead kiosk looking present for 45 s).
   */
  socketPingIntervalSeconds: z.number().min(1).max(300).default(10),
  /** How long engine.io waits for the answer to a ping before it closes the socket, in seconds; default 5. */
  socketPingTimeoutSeconds: z.number().min(1).max(300).default(5),
  /**
   * Events one credential (a kiosk, or one login of an agent) may send per second over all its
   * sockets before RATE_LIMITED (bursts up to twice this); default 50.
   */
  socketRateLimit: z.number().positive().max(10_000).default(50),
  /**
   * Sockets one credential may hold open on one node; default 4 (a kiosk needs 1, plus one while a
   * dead connection times out; an agent may have a few tabs). More -> TOO_MANY_CONNECTIONS.
   */
  maxSocketsPerCredential: z.number().int().min(1).max(1000).default(4),
  /**
   * How often the server looks for logins that expired and credentials revoked by another process
   * (the revoke-kiosk command) or node, in seconds; default 5. Every event checks expiry anyway.
   */
  credentialCheckSeconds: z.number().positive().max(3600).default(5),
  /** Failed sign-ins in a row after which an account is locked; default 5. */
  loginMaxFailures: z.number().int().min(1).max(1000).default(5),
  /**
   * Failed sign-ins from one address (any accounts) after which the address is locked; default 20,
   * higher than an account's because a centre's agents may share one address.
   */
  loginAddressMaxFailures: z.number().int().min(1).max(100_000).default(20),
  /** How long a lock lasts, and how long failures are remembered, in minutes; default 15. */
  loginLockMinutes: z
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /**
   * The first delay imposed after repeated failures, in ms; each further failure doubles it (up to
   * a minute). Default 1000. An account's first failure, and an address's first three, cost nothing.
   */
  loginDelayMs: z.number().int().nonnegative().max(60_000).default(1000),
  /**
   * Proxies in front of the server whose X-Forwarded-For is trusted for the client's address; default
   * 0 (none: the address is the peer's). Behind one TLS proxy set 1, or every agent shares the
   * proxy's address and its sign-in limit.
   */
  trustProxyHops: z.number().int().min(0).max(10).default(0),
  /** Largest HTTP request body in bytes; default 65536 (an identity upload is well under 4 KB). */
  maxMessageBytes: z.number().int().min(1024).max(10_000_000).default(65_536),
  /**
   * Largest socket.io frame in bytes; a larger one closes that connection. Default 2 MiB: a
   * signature with as many points as the protocol allows (20 000) fits; an SDP offer is under 16 KB.
   */
  maxSocketMessageBytes: z.number().int().min(1024).max(20_000_000).default(2_097_152),
  /** Origins allowed to open sockets from another origin (e.g. the Vite dev server); default none. */
  corsOrigins: z.array(z.string().min(1)).default([]),
  /**
   * Key for the full identity numbers at rest (AES-256-GCM): 32 bytes as base64 or 64 hex digits.
   * Default none: the key file identity.key in the data folder, created (mode 0600) on first start.
   */
  identityKey: z.string().min(1).nullable().default(null),
  /**
   * How long a full identity number may be held, in hours, when its ticket is never served or
   * cancelled; default none: until the end of the Asia/Shanghai day it was attached on.
   */
  identityMaxAgeHours: z
    .number()
    .positive()
    .max(24 * 7)
    .nullable()
    .default(null),
  /**
   * How long a waiting ticket waits for its offline kiosk before the server closes it, in seconds;
   * default 600 (a kiosk restart or a short network loss keeps its place).
   */
  abandonedTicketGraceSeconds: z.number().nonnegative().max(86_400).default(600),
  /**
   * The district prefix of case numbers (2-4 capital letters, e.g. XH for 徐汇); default JA (静安,
   * the first pilot district). Numbers read XH-20261207-0042.
   */
  caseNumberPrefix: z
    .string()
    .regex(/^[A-Z]{2,4}$/, { error: 'must be 2-4 capital letters, such as XH' })
    .default('JA'),
  /** How long after a session ended its kiosk may still send the rating, in minutes; default 30. */
  ratingWindowMinutes: z
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  /**
   * How long a closed case keeps its identity values (full ID numbers, addresses) and the signature's
   * strokes, in days; default 90 (past the monthly review of bad ratings). Then they are replaced by
   * masked values; the case, its outcome, hashes and the consent ledger stay.
   */
  caseIdentityRetentionDays: z.number().positive().max(3650).default(90),
  /**
   * The centre's name, printed at the top of every document (receipts, notices, application forms);
   * default 示范街道社区事务受理服务中心 (the demo's centre). Each deployment sets its own.
   */
  centreName: z.string().trim().min(2).max(40).default('示范街道社区事务受理服务中心'),
  /**
   * Bearer token Prometheus sends to read GET /metrics (at least 16 characters); default none: only
   * callers on this machine (loopback) may read the metrics.
   */
  metricsToken: z.string().min(16).nullable().default(null),
  /**
   * The folder of the kiosks' update feed (electron-builder's output: latest-linux.yml, the .deb,
   * AppImage and .exe files, per version); served at /updates/<channel>/. Default
   * `<dataDir>/updates` (created when missing); an admin picks each channel's release.
   */
  updatesDir: z.string().nullable().default(null),
});

/** The resolved server configuration. */
export type ServerConfig = z.output<typeof ServerConfigSchema>;
/** Configuration as callers may pass it: every option optional, defaults filled in. */
export type ServerConfigInput = z.input<typeof ServerConfigSchema>;

/** Environment variable for each option, in docs order. */
export const configEnv: Record<keyof ServerConfig, string> = {
  port: 'RVW_PORT',
  host: 'RVW_HOST',
  dataDir: 'RVW_DATA_DIR',
  iceServers: 'RVW_ICE_SERVERS',
  turn: 'RVW_TURN_URLS',
  iceTransportPolicy: 'RVW_ICE_TRANSPORT_POLICY',
  consoleDir: 'RVW_CONSOLE_DIR',
  catalogueDir: 'RVW_CATALOGUE_DIR',
  logFile: 'RVW_LOG_FILE',
  logLevel: 'RVW_LOG_LEVEL',
  sessionTtlHours: 'RVW_SESSION_TTL_HOURS',
  memberGraceSeconds: 'RVW_MEMBER_GRACE_SECONDS',
  socketPingIntervalSeconds: 'RVW_SOCKET_PING_INTERVAL_SECONDS',
  socketPingTimeoutSeconds: 'RVW_SOCKET_PING_TIMEOUT_SECONDS',
  socketRateLimit: 'RVW_SOCKET_RATE_LIMIT',
  maxSocketsPerCredential: 'RVW_MAX_SOCKETS_PER_CREDENTIAL',
  credentialCheckSeconds: 'RVW_CREDENTIAL_CHECK_SECONDS',
  loginMaxFailures: 'RVW_LOGIN_MAX_FAILURES',
  loginAddressMaxFailures: 'RVW_LOGIN_ADDRESS_MAX_FAILURES',
  loginLockMinutes: 'RVW_LOGIN_LOCK_MINUTES',
  loginDelayMs: 'RVW_LOGIN_DELAY_MS',
  trustProxyHops: 'RVW_TRUST_PROXY_HOPS',
  maxMessageBytes: 'RVW_MAX_MESSAGE_BYTES',
  maxSocketMessageBytes: 'RVW_MAX_SOCKET_MESSAGE_BYTES',
  corsOrigins: 'RVW_CORS_ORIGINS',
  identityKey: 'RVW_IDENTITY_KEY',
  identityMaxAgeHours: 'RVW_IDENTITY_MAX_AGE_HOURS',
  abandonedTicketGraceSeconds: 'RVW_ABANDONED_TICKET_GRACE_SECONDS',
  caseNumberPrefix: 'RVW_CASE_NUMBER_PREFIX',
  ratingWindowMinutes: 'RVW_RATING_WINDOW_MINUTES',
  caseIdentityRetentionDays: 'RVW_CASE_IDENTITY_RETENTION_DAYS',
  centreName: 'RVW_CENTRE_NAME',
  metricsToken: 'RVW_METRICS_TOKEN',
  updatesDir: 'RVW_UPDATES_DIR',
};

/** 'turn': read from RVW_TURN_URLS, RVW_TURN_SECRET(_FILE) and RVW_TURN_TTL_SECONDS together. */
type Kind = 'number' | 'json' | 'list' | 'string' | 'turn';
const kinds: Record<keyof ServerConfig, Kind> = {
  port: 'number',
  host: 'string',
  dataDir: 'string',
  iceServers: 'json',
  turn: 'turn',
  iceTransportPolicy: 'string',
  consoleDir: 'string',
  catalogueDir: 'string',
  logFile: 'string',
  logLevel: 'string',
  sessionTtlHours: 'number',
  memberGraceSeconds: 'number',
  socketPingIntervalSeconds: 'number',
  socketPingTimeoutSeconds: 'number',
  socketRateLimit: 'number',
  maxSocketsPerCredential: 'number',
  credentialCheckSeconds: 'number',
  loginMaxFailures: 'number',
  loginAddressMaxFailures: 'number',
  loginLockMinutes: 'number',
  loginDelayMs: 'number',
  trustProxyHops: 'number',
  maxMessageBytes: 'number',
  maxSocketMessageBytes: 'number',
  corsOrigins: 'list',
  identityKey: 'string',
  identityMaxAgeHours: 'number',
  abandonedTicketGraceSeconds: 'number',
  caseNumberPrefix: 'string',
  ratingWindowMinutes: 'number',
  caseIdentityRetentionDays: 'number',
  centreName: 'string',
  metricsToken: 'string',
  updatesDir: 'string',
};

function fromEnv(key: keyof ServerConfig, raw: string): unknown {
  const name = configEnv[key];
  switch (kinds[key]) {
    case 'number': {
      const n = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(n))
        throw ConfigError.invalid(`${name} must be a number, got "${raw}"`);
      return n;
    }
    case 'json':
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw ConfigError.invalid(`${name} must be JSON (for example [{"urls":"stun:stun.example.org"}])`);
      }
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'string':
      return raw.trim();
    case 'turn':
      return undefined;
  }
}

/** Validates configuration input and fills in defaults; the error names the offending option. */
export function parseConfig(input: unknown, source: 'env' | 'file' | 'code' = 'code'): ServerConfig {
  const result = ServerConfigSchema.strict().safeParse(input);
  if (result.success) {
    if (result.data.turn && staticTurnPassword(result.data.iceServers)) {
      throw ConfigError.invalid(
        `${source === 'env' ? configEnv.iceServers : 'iceServers'} lists a TURN server with a static password while ${source === 'env' ? configEnv.turn : 'turn'} is set: the server issues short-lived TURN credentials; keep only STUN servers there`,
      );
    }
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const name =
    key === 'turn'
      ? turnFieldName(issue.path[1] === undefined ? undefined : String(issue.path[1]), source)
      : source === 'env' && key in configEnv
        ? configEnv[key as keyof ServerConfig]
        : key || 'config';
  throw ConfigError.invalid(`${name} is invalid: ${issue.message}`);
}

/**
 * Reads the configuration from the environment (default: process.env). When RVW_CONFIG names a
 * JSON file, its keys (the camelCase option names) are read first and environment variables win.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  let file: Record<string, unknown> = {};
  const path = env.RVW_CONFIG?.trim();
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw ConfigError.invalid(`RVW_CONFIG names ${path}, which cannot be read`);
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      file = parsed as Record<string, unknown>;
    } catch {
      throw ConfigError.invalid(`RVW_CONFIG file ${path} must hold one JSON object`);
    }
    if ('turn' in file) file.turn = turnFromFile(file.turn);
    parseConfig(file, 'file');
  }
  const fromEnvironment: Record<string, unknown> = {};
  for (const key of Object.keys(configEnv) as (keyof ServerConfig)[]) {
    const raw = env[configEnv[key]];
    if (kinds[key] === 'turn') continue;
    if (raw !== undefined && raw !== '') fromEnvironment[key] = fromEnv(key, raw);
  }
  const turn = turnFromEnv(env);
  if (turn) fromEnvironment.turn = turn;
  parseConfig(fromEnvironment, 'env');
  return parseConfig({ ...file, ...fromEnvironment }, 'code');
}
