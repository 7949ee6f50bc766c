import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config';
import { ConfigError } from './errors';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('has documented defaults: local host, no ICE servers, 60 s grace, pings every 10 s', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      iceServers: [],
      logLevel: 'info',
      logFile: null,
      sessionTtlHours: 12,
      memberGraceSeconds: 60,
      socketPingIntervalSeconds: 10,
      socketPingTimeoutSeconds: 5,
      socketRateLimit: 50,
      maxMessageBytes: 65_536,
      maxSocketMessageBytes: 2_097_152,
      corsOrigins: [],
    });
    expect(c.consoleDir).toMatch(/agent-console[/\\]dist$/);
    expect(c.catalogueDir).toMatch(/[/\\]catalogue$/);
  });

  it('refuses a metrics token shorter than 16 characters, naming the variable', () => {
    expect(() => loadConfig({ RVW_METRICS_TOKEN: 'short' })).toThrow(/RVW_METRICS_TOKEN/);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      RVW_PORT: '9090',
      RVW_HOST: '0.0.0.0',
      RVW_DATA_DIR: '/var/lib/rvw',
      RVW_ICE_SERVERS: '[{"urls":"stun:stun.example.org:3478"}]',
      RVW_CONSOLE_DIR: '/srv/console',
      RVW_CATALOGUE_DIR: '/srv/catalogue',
      RVW_LOG_LEVEL: 'debug',
      RVW_LOG_FILE: '/var/log/rvw.log',
      RVW_SESSION_TTL_HOURS: '8',
      RVW_MEMBER_GRACE_SECONDS: '45',
      RVW_SOCKET_PING_INTERVAL_SECONDS: '20',
      RVW_SOCKET_PING_TIMEOUT_SECONDS: '8',
      RVW_SOCKET_RATE_LIMIT: '20',
      RVW_MAX_SOCKETS_PER_CREDENTIAL: '2',
      RVW_CREDENTIAL_CHECK_SECONDS: '10',
      RVW_LOGIN_MAX_FAILURES: '3',
      RVW_LOGIN_ADDRESS_MAX_FAILURES: '30',
      RVW_LOGIN_LOCK_MINUTES: '5',
      RVW_LOGIN_DELAY_MS: '500',
      RVW_TRUST_PROXY_HOPS: '1',
      RVW_MAX_MESSAGE_BYTES: '32768',
      RVW_MAX_SOCKET_MESSAGE_BYTES: '1048576',
      RVW_CORS_ORIGINS: 'http://localhost:5173, http://127.0.0.1:5173',
      RVW_IDENTITY_KEY: 'ab'.repeat(32),
      RVW_IDENTITY_MAX_AGE_HOURS: '4',
      RVW_ABANDONED_TICKET_GRACE_SECONDS: '300',
      RVW_CASE_NUMBER_PREFIX: 'XH',
      RVW_RATING_WINDOW_MINUTES: '20',
      RVW_CASE_IDENTITY_RETENTION_DAYS: '30',
      RVW_CENTRE_NAME: ' 徐汇区漕河泾街道社区事务受理服务中心 ',
      RVW_METRICS_TOKEN: ' scrape-token-0123456789 ',
      RVW_UPDATES_DIR: '/srv/rvw/updates',
      RVW_TURN_URLS: 'turn:turn.example.org:3478',
      RVW_TURN_SECRET: 'turn-secret-0123456789',
      RVW_TURN_TTL_SECONDS: '1800',
      RVW_ICE_TRANSPORT_POLICY: 'relay',
    });
    expect(c).toEqual({
      port: 9090,
      host: '0.0.0.0',
      dataDir: '/var/lib/rvw',
      iceServers: [{ urls: 'stun:stun.example.org:3478' }],
      consoleDir: '/srv/console',
      catalogueDir: '/srv/catalogue',
      logLevel: 'debug',
      logFile: '/var/log/rvw.log',
      sessionTtlHours: 8,
      memberGraceSeconds: 45,
      socketPingIntervalSeconds: 20,
      socketPingTimeoutSeconds: 8,
      socketRateLimit: 20,
      maxSocketsPerCredential: 2,
      credentialCheckSeconds: 10,
      loginMaxFailures: 3,
      loginAddressMaxFailures: 30,
      loginLockMinutes: 5,
      loginDelayMs: 500,
      trustProxyHops: 1,
      maxMessageBytes: 32_768,
      maxSocketMessageBytes: 1_048_576,
      corsOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      identityKey: 'ab'.repeat(32),
      identityMaxAgeHours: 4,
      abandonedTicketGraceSeconds: 300,
      caseNumberPrefix: 'XH',
      ratingWindowMinutes: 20,
      caseIdentityRetentionDays: 30,
      centreName: '徐汇区漕河泾街道社区事务受理服务中心',
      metricsToken: 'scrape-token-0123456789',
      updatesDir: '/srv/rvw/updates',
      turn: { urls: ['turn:turn.example.org:3478'], secret: 'turn-secret-0123456789', ttlSeconds: 1800 },
      iceTransportPolicy: 'relay',
    });
  });

  it('fails fast with a sentence naming the variable', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ RVW_PORT: 'eighty' }, /RVW_PORT must be a number/],
      [{ RVW_PORT: '70000' }, /RVW_PORT is invalid/],
      [{ RVW_ICE_SERVERS: '[{urls:' }, /RVW_ICE_SERVERS must be JSON/],
      [{ RVW_ICE_SERVERS: '[{"url":"stun:x"}]' }, /RVW_ICE_SERVERS is invalid/],
      [{ RVW_LOG_LEVEL: 'loud' }, /RVW_LOG_LEVEL is invalid/],
      [{ RVW_CASE_NUMBER_PREFIX: 'xh' }, /RVW_CASE_NUMBER_PREFIX is invalid: must be 2-4 capital letters/],
      [{ RVW_MEMBER_GRACE_SECONDS: '-1' }, /RVW_MEMBER_GRACE_SECONDS is invalid/],
    ];
    for (const [env, message] of cases) {
      let err: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).code).toBe('CONFIG_INVALID');
      expect((err as Error).message).toMatch(message);
    }
  });

  it('reads a JSON file named by RVW_CONFIG; the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-config-'));
    dirs.push(dir);
    const file = join(dir, 'server.json');
    writeFileSync(
      file,
      JSON.stringify({ port: 7000, host: '0.0.0.0', iceServers: [{ urls: ['stun:a', 'stun:b'] }] }),
    );
    expect(loadConfig({ RVW_CONFIG: file, RVW_PORT: '7001' })).toMatchObject({
      port: 7001,
      host: '0.0.0.0',
      iceServers: [{ urls: ['stun:a', 'stun:b'] }],
    });
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ RVW_CONFIG: file })).toThrow(/Unrecognized key/);
    writeFileSync(file, '[1]');
    expect(() => loadConfig({ RVW_CONFIG: file })).toThrow(/one JSON object/);
    expect(() => loadConfig({ RVW_CONFIG: join(dir, 'missing.json') })).toThrow(/cannot be read/);
  });

  it('validates programmatic input the same way', () => {
    expect(parseConfig({ port: 0, dataDir: ':memory:' }).port).toBe(0);
    expect(() => parseConfig({ port: -1 })).toThrow(/port is invalid/);
  });
});
