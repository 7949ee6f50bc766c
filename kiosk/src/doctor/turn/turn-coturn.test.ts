/**
 * `kiosk-doctor network --turn` against a real coturn (Debian's `coturn`, installed by
 * scripts/setup.mjs's ensureDebian) started on loopback by the test, without systemd, and a real
 * signaling server: a relay with the right credentials (UDP and TCP), exit 16 with wrong ones, with a
 * closed port, and with the user's allocation quota used up.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '@rvw/signaling-server/testing';
import type { TestServer } from '@rvw/signaling-server/testing';
import { ensureDebian } from '../../../../scripts/setup.mjs';
import { EXIT, runDoctor } from '../cli';
import { longTermKey, requestedTransport, textAttribute } from './stun-attributes';
import {
  Attr,
  decodeMessage,
  encodeMessage,
  findAttribute,
  MessageClass,
  Method,
  newTransactionId,
} from './stun-message';
import { openStunTransport } from './stun-transport';
import type { StunTransport } from './stun-transport';

/** A TCP port nothing listens on: bound, noted, closed. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** Resolves once something accepts TCP connections on the port (bounded in tries). */
async function listening(port: number, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`turnserver did not listen on ${port}:\n${log()}`);
}

/** Allocates a relay for user q and keeps it (to use up q's quota of one). */
async function holdAllocation(port: number): Promise<StunTransport> {
  const transport = await openStunTransport({ host: '127.0.0.1', port, transport: 'tcp' }, 5000);
  const send = async (attributes = [requestedTransport()], key?: Buffer) => {
    const transactionId = newTransactionId();
    const bytes = encodeMessage(
      { method: Method.Allocate, cls: MessageClass.Request, transactionId, attributes },
      key ? { integrityKey: key } : {},
    );
    return decodeMessage(await transport.request(bytes, transactionId, 5000));
  };
  const challenge = await send();
  const nonce = findAttribute(challenge, Attr.Nonce)!.toString();
  const ok = await send(
    [
      requestedTransport(),
      textAttribute(Attr.Username, 'q'),
      textAttribute(Attr.Realm, 'test'),
      textAttribute(Attr.Nonce, nonce),
    ],
    longTermKey('q', 'test', 'p'),
  );
  expect(ok.cls).toBe(MessageClass.Success);
  return transport;
}

/** A turnserver of the test's own. */
interface Coturn {
  port: number;
  log: () => string;
  stop: () => void;
}

/** Starts turnserver on a free loopback port with users u:p and q:p in realm test, and waits for it. */
async function startCoturn(extra: string[]): Promise<Coturn> {
  const dir = mkdtempSync(join(tmpdir(), 'rvw-coturn-'));
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(
    '/usr/bin/turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      '--lt-cred-mech',
      '--user=u:p',
      '--user=q:p',
      '--realm=test',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--log-file=stdout',
      `--userdb=${join(dir, 'turndb')}`,
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const stop = () => {
    if (child.pid && child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening(port, () => log);
  } catch (err) {
    stop();
    throw err;
  }
  return { port, log: () => log, stop };
}

describe('kiosk-doctor network --turn against coturn', () => {
  let server: TestServer;
  let main: Coturn;
  let port: number;

  beforeAll(async () => {
    if (!ensureDebian(['coturn']) || !existsSync('/usr/bin/turnserver')) {
      throw new Error(
        'the Debian package coturn is not installed and could not be (apt-get install coturn as root)',
      );
    }
    main = await startCoturn([]);
    port = main.port;
    server = await startTestServer();
  });

  afterAll(async () => {
    main?.stop();
    await server?.close();
  });

  async function doctor(args: string[], env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDoctor(
      ['network', '--server', server.url, '--timeout', '3', ...args],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      {},
      { env },
    );
    return { code, out, err };
  }

  it.each(['udp', 'tcp'])(
    'right credentials over %s: OK with the relayed address and round trip, freed',
    async (transport) => {
      const r = await doctor([
        '--turn',
        `turn:127.0.0.1:${port}?transport=${transport}`,
        '--turn-username',
        'u',
        '--turn-credential',
        'p',
        '--json',
      ]);
      expect(r.code, main.log()).toBe(EXIT.Ok);
      const json = JSON.parse(r.out[0]!);
      expect(json.details.turn).toMatchObject({
        ok: true,
        transport,
        relayed: { family: 'IPv4', address: '127.0.0.1', port: expect.any(Number) },
        roundTripMs: expect.any(Number),
        freed: true,
      });
      expect(json.summary).toMatch(/TURN ok: relayed address 127\.0\.0\.1:\d+ \(\d+ ms\)$/);
      expect(JSON.stringify(json)).not.toContain('"p"');
    },
  );

  it('the server and credentials from RVW_ICE_SERVERS', async () => {
    const env = {
      RVW_ICE_SERVERS: JSON.stringify([{ urls: `turn:127.0.0.1:${port}`, username: 'u', credential: 'p' }]),
    };
    const r = await doctor([], env);
    expect(r.code, r.err.join('\n')).toBe(EXIT.Ok);
    expect(r.out[0]).toMatch(/TURN ok: relayed address/);
  });

  it('wrong credentials: exit 16, 401 in words', async () => {
    const r = await doctor([
      '--turn',
      `turn:127.0.0.1:${port}`,
      '--turn-username',
      'u',
      '--turn-credential',
      'wrong',
    ]);
    expect(r.code).toBe(EXIT.TurnFailed);
    expect(r.err[0]).toMatch(
      /^FAIL: TURN 用户名或密码错误 The TURN server refused the username or password at .*\(401 Unauthorized\)/,
    );
  });

  it('a closed port: exit 16, the server does not answer (UDP hears port unreachable; TCP is refused)', async () => {
    const closed = await freePort();
    for (const transport of ['udp', 'tcp']) {
      const r = await doctor([
        '--turn',
        `turn:127.0.0.1:${closed}?transport=${transport}`,
        '--turn-username',
        'u',
        '--turn-credential',
        'p',
      ]);
      expect(r.code).toBe(EXIT.TurnFailed);
      expect(r.err[0]).toMatch(
        /^FAIL: TURN 服务器无应答 The TURN server does not answer turn:127\.0\.0\.1:\d+\?transport=(udp|tcp) \((connection refused|no answer within 3 s)/,
      );
    }
  });

  it('a user whose quota is used up: exit 16, 486 allocation quota reached', async () => {
    // A turnserver of its own: coturn counts a UDP session against the quota until it times out,
    // even after its allocation was freed, so the other tests would use the quota up.
    const quota = await startCoturn(['--user-quota=1']);
    const held = await holdAllocation(quota.port);
    try {
      const r = await doctor([
        '--turn',
        `turn:127.0.0.1:${quota.port}`,
        '--turn-username',
        'q',
        '--turn-credential',
        'p',
      ]);
      expect(r.code).toBe(EXIT.TurnFailed);
      expect(r.err[0]).toMatch(/allocation quota reached \(486/);
    } finally {
      held.close();
      quota.stop();
    }
  });

  it('all passes --turn through to the network check', async () => {
    const out: string[] = [];
    const code = await runDoctor(
      [
        'all',
        '--server',
        server.url,
        '--turn',
        `turn:127.0.0.1:${port}`,
        '--turn-username',
        'u',
        '--turn-credential',
        'wrong',
        '--json',
      ],
      { out: (l) => out.push(l), err: () => {} },
      {},
      { env: { RVW_KIOSK_PRINTER: 'none' } },
    );
    const network = (JSON.parse(out.at(-1)!) as { results: { check: string; exit: number }[] }).results.find(
      (x) => x.check === 'network',
    );
    expect(network).toMatchObject({ status: 'fail', exit: EXIT.TurnFailed });
    expect([EXIT.TurnFailed, EXIT.NoReader]).toContain(code);
  });
});
