/**
 * Short-lived TURN credentials (issue 13 #4): coturn's use-auth-secret formula on a fixed vector
 * (computed independently: `printf %s 1735689600:session-1 | openssl dgst -sha1 -hmac north -binary |
 * base64`), the expiry, and the configuration's clear errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../config';
import { turnCredential, turnIceServer, turnUsername } from './turn-credentials';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const SECRET = 'a-secret-of-at-least-16';
const TURN_ENV = { RVW_TURN_URLS: 'turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349' };

describe('TURN REST credentials', () => {
  it('match coturn’s formula: base64(HMAC-SHA1(secret, "<expiry>:<id>"))', () => {
    expect(turnUsername(1735689600, 'session-1')).toBe('1735689600:session-1');
    expect(turnCredential('north', '1735689600:session-1')).toBe('5FERzmmZ39207nQaNG4CpZAd/W4=');
  });

  it('expire ttlSeconds after now, bound to the id', () => {
    const now = new Date('2026-12-07T10:00:00.500Z');
    const entry = turnIceServer({ urls: ['turn:t:3478'], secret: 'north', ttlSeconds: 3600 }, 'S1', now);
    const expiry = Math.floor(now.getTime() / 1000) + 3600;
    expect(entry).toEqual({
      urls: ['turn:t:3478'],
      username: `${expiry}:S1`,
      credential: turnCredential('north', `${expiry}:S1`),
    });
    const later = turnIceServer({ urls: ['turn:t:3478'], secret: 'north', ttlSeconds: 60 }, 'S1', now);
    expect(later.username).toBe(`${Math.floor(now.getTime() / 1000) + 60}:S1`);
    expect(later.credential).not.toBe(entry.credential);
  });
});

describe('turn and iceTransportPolicy configuration', () => {
  it('are off by default: no turn, policy all', () => {
    expect(loadConfig({})).toMatchObject({ turn: null, iceTransportPolicy: 'all' });
  });

  it('reads RVW_TURN_URLS, RVW_TURN_SECRET, RVW_TURN_TTL_SECONDS and RVW_ICE_TRANSPORT_POLICY', () => {
    const c = loadConfig({
      ...TURN_ENV,
      RVW_TURN_SECRET: ` ${SECRET} `,
      RVW_TURN_TTL_SECONDS: '7200',
      RVW_ICE_TRANSPORT_POLICY: 'relay',
      RVW_ICE_SERVERS: '[{"urls":"stun:stun.example.org"}]',
    });
    expect(c.turn).toEqual({
      urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
      secret: SECRET,
      ttlSeconds: 7200,
    });
    expect(c.iceTransportPolicy).toBe('relay');
  });

  it('reads the secret from RVW_TURN_SECRET_FILE (and turn.secretFile in RVW_CONFIG), default TTL 1 h', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-turn-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'secret'), `${SECRET}\n`);
    expect(loadConfig({ ...TURN_ENV, RVW_TURN_SECRET_FILE: join(dir, 'secret') }).turn).toMatchObject({
      secret: SECRET,
      ttlSeconds: 3600,
    });
    writeFileSync(
      join(dir, 'server.json'),
      JSON.stringify({ turn: { urls: ['turn:t:3478'], secretFile: join(dir, 'secret') } }),
    );
    expect(loadConfig({ RVW_CONFIG: join(dir, 'server.json') }).turn).toEqual({
      urls: ['turn:t:3478'],
      secret: SECRET,
      ttlSeconds: 3600,
    });
  });

  it('fails with a sentence naming the variable', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ RVW_TURN_SECRET: SECRET }, /RVW_TURN_URLS is required/],
      [
        TURN_ENV,
        /RVW_TURN_URLS needs coturn's static-auth-secret in RVW_TURN_SECRET or RVW_TURN_SECRET_FILE/,
      ],
      [{ ...TURN_ENV, RVW_TURN_SECRET: SECRET, RVW_TURN_SECRET_FILE: '/x' }, /not both/],
      [
        { ...TURN_ENV, RVW_TURN_SECRET_FILE: '/nonexistent/rvw-secret' },
        /RVW_TURN_SECRET_FILE names .* cannot be read/,
      ],
      [
        { ...TURN_ENV, RVW_TURN_SECRET: 'short' },
        /RVW_TURN_SECRET is invalid: must be at least 16 characters/,
      ],
      [
        { RVW_TURN_URLS: 'stun:x:3478', RVW_TURN_SECRET: SECRET },
        /RVW_TURN_URLS is invalid: must be turn: or turns: URLs/,
      ],
      [
        { ...TURN_ENV, RVW_TURN_SECRET: SECRET, RVW_TURN_TTL_SECONDS: 'an hour' },
        /RVW_TURN_TTL_SECONDS must be a number/,
      ],
      [
        { ...TURN_ENV, RVW_TURN_SECRET: SECRET, RVW_TURN_TTL_SECONDS: '5' },
        /RVW_TURN_TTL_SECONDS is invalid/,
      ],
      [{ RVW_ICE_TRANSPORT_POLICY: 'turn-only' }, /RVW_ICE_TRANSPORT_POLICY is invalid/],
      [
        {
          ...TURN_ENV,
          RVW_TURN_SECRET: SECRET,
          RVW_ICE_SERVERS: '[{"urls":"turn:t:3478","username":"u","credential":"static"}]',
        },
        /RVW_ICE_SERVERS lists a TURN server with a static password while RVW_TURN_URLS is set/,
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(message);
    }
  });

  it('in code: names turn.<field>, refuses a static TURN password beside turn', () => {
    expect(() => parseConfig({ turn: { urls: ['turn:t'], secret: 'short' } })).toThrow(
      /turn\.secret is invalid/,
    );
    expect(() =>
      parseConfig({
        turn: { urls: ['turn:t'], secret: SECRET },
        iceServers: [{ urls: ['stun:s', 'turns:t'], username: 'u', credential: 'p' }],
      }),
    ).toThrow(/iceServers lists a TURN server with a static password while turn is set/);
    // Without turn, static ICE servers (STUN or TURN) are as before.
    expect(parseConfig({ iceServers: [{ urls: 'turn:t', username: 'u', credential: 'p' }] }).turn).toBeNull();
  });
});
