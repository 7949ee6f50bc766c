// kiosk-doctor enrol against a real signaling server: the code from a supervisor becomes a 0600
// credential file (the kiosk's credential store) and a 0600 configuration file, with which the kiosk
// connects; the token is never printed; an existing token
// is kept (and the code not spent) without --force; refusals have their own exit codes and JSON.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient, httpRoutes } from '@rvw/shared';
import { connectKiosk, createTestAgent, startTestServer } from '@rvw/signaling-server/testing';
import type { TestServer } from '@rvw/signaling-server/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileCredentialStore } from '../host/credential-store';
import { EXIT, runDoctor } from './cli';

// One server for the file: its limit of 5 enrolment attempts a minute per address covers these tests.
let server: TestServer;
let issue: () => Promise<string>;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  const { token } = await createTestAgent(server.server, { role: 'admin' });
  const admin = createHttpClient(httpRoutes, { baseUrl: server.url, token });
  issue = async () => (await admin.createEnrolmentCode({ body: { location: '天平路 居委会' } })).code;
});
afterAll(async () => server.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvw-enrol-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

async function doctor(args: string[], env: NodeJS.ProcessEnv = { RVW_KIOSK_DATA_DIR: join(dir, 'data') }) {
  const out: string[] = [];
  const err: string[] = [];
  const exit = await runDoctor(
    ['enrol', ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    {},
    { env, platform: 'linux' },
  );
  return { exit, out: out.join('\n'), err: err.join('\n') };
}

describe('kiosk-doctor enrol', () => {
  it('stores the token in the credential store (0600) and serverUrl, kioskId in the file (0600); the kiosk connects', async () => {
    const code = await issue();
    const config = join(dir, 'sub', 'kiosk.json');
    const r = await doctor([code, '--server', server.url, '--config', config]);
    expect(r.exit).toBe(0);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(config, 'utf8')) as Record<string, string>;
    expect(file.serverUrl).toBe(server.url);
    expect(file.kioskToken).toBeUndefined();
    expect(r.out).toContain(file.kioskId!);
    const store = fileCredentialStore(join(dir, 'data'));
    const token = await store.load();
    expect(token).not.toBeNull();
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(r.out + r.err).not.toContain(token!);
    const kiosk = await connectKiosk(server.url, token!);
    expect(kiosk.connected).toBe(true);
    kiosk.close();
  });

  it('defaults to kiosk.json in the data folder and answers --json without the token', async () => {
    const code = await issue();
    const r = await doctor([code, '--json'], { RVW_SERVER_URL: server.url, XDG_CONFIG_HOME: dir });
    expect(r.exit).toBe(0);
    const path = join(dir, '@rvw', 'kiosk', 'kiosk.json');
    const answer = JSON.parse(r.out) as Record<string, unknown>;
    expect(answer).toMatchObject({ enrolled: true, configPath: path, serverUrl: server.url });
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    expect(answer.kioskId).toBe(file.kioskId);
    const token = await fileCredentialStore(join(dir, '@rvw', 'kiosk')).load();
    expect(token).not.toBeNull();
    expect(answer.credentialPath).toBe(join(dir, '@rvw', 'kiosk', 'kiosk-credential'));
    expect(r.out).not.toContain(token!);
  });

  it('keeps an existing token and does not spend the code without --force; --force replaces it', async () => {
    const code = await issue();
    const config = join(dir, 'kiosk.json');
    writeFileSync(config, JSON.stringify({ kioskToken: 'old-token', idcardPort: '/dev/ttyUSB0' }));
    const kept = await doctor([code, '--server', server.url, '--config', config]);
    expect(kept.exit).toBe(EXIT.EnrolConfigExists);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({
      kioskToken: 'old-token',
      idcardPort: '/dev/ttyUSB0',
    });

    const forced = await doctor([code, '--server', server.url, '--config', config, '--force']);
    expect(forced.exit).toBe(0);
    const file = JSON.parse(readFileSync(config, 'utf8')) as Record<string, string>;
    // The old token leaves the file (it would win over the stored one); the new one is stored.
    expect(file.kioskToken).toBeUndefined();
    expect(await fileCredentialStore(join(dir, 'data')).load()).toMatch(/./);
    expect(file.idcardPort).toBe('/dev/ttyUSB0');
    // A stored token is kept too, without --force.
    const code2 = await issue();
    const again = await doctor([code2, '--server', server.url, '--config', join(dir, 'other.json')]);
    expect(again.exit).toBe(EXIT.EnrolConfigExists);
    expect(statSync(config).mode & 0o777).toBe(0o600);
  });

  it('exits 19 for a used or unknown code (JSON with the code), 13 for no server, 2 without a code', async () => {
    const code = await issue();
    expect((await doctor([code, '--server', server.url, '--config', join(dir, 'a.json')])).exit).toBe(0);
    const again = await doctor([code, '--server', server.url, '--config', join(dir, 'b.json'), '--json'], {
      RVW_KIOSK_DATA_DIR: join(dir, 'data-b'),
    });
    expect(again.exit).toBe(EXIT.EnrolCodeInvalid);
    expect(JSON.parse(again.out)).toMatchObject({
      enrolled: false,
      error: { code: 'ENROLMENT_CODE_INVALID' },
    });
    expect(() => statSync(join(dir, 'b.json'))).toThrow();
    const down = await doctor([
      'K7QX-93RM-TD',
      '--server',
      'http://127.0.0.1:9',
      '--config',
      join(dir, 'c.json'),
      '--force',
    ]);
    expect(down.exit).toBe(EXIT.ServerUnreachable);
    expect((await doctor(['--server', server.url])).exit).toBe(EXIT.Usage);
  });
});
