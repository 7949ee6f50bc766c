/**
 * tests/support/coturn.ts: a real coturn with use-auth-secret on loopback takes a TURN allocation
 * with a REST credential made from its secret (username `<unix expiry>:<id>`, credential
 * base64(HMAC-SHA1(secret, username))), refuses a wrong one and an expired one, and is gone after
 * close().
 */
import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoturn } from '../support/coturn';
import type { Coturn } from '../support/coturn';
import { allocateUdp } from '../support/turn-allocate';

function restCredential(secret: string, expiry: number, id: string) {
  const username = `${expiry}:${id}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

describe('startCoturn', () => {
  let coturn: Coturn;
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  beforeAll(async () => {
    coturn = await startCoturn({ secret: 'test-secret-1' });
  });
  afterAll(async () => {
    await coturn?.close();
  });

  it('listens on a loopback port with UDP and TCP URLs', () => {
    expect(coturn.secret).toBe('test-secret-1');
    expect(coturn.urls).toEqual([
      `turn:127.0.0.1:${coturn.port}?transport=udp`,
      `turn:127.0.0.1:${coturn.port}?transport=tcp`,
    ]);
  });

  it('allocates with a good REST credential, and logs it under that username', async () => {
    const { username, credential } = restCredential(coturn.secret, inAnHour(), 'session-ok');
    expect(await allocateUdp(coturn.port, username, credential), coturn.log()).toEqual({ success: true });
    await expect.poll(() => coturn.log(), { timeout: 5000 }).toContain(username);
  });

  it('refuses a credential made with another secret (401)', async () => {
    const { username, credential } = restCredential('another-secret', inAnHour(), 'session-bad');
    expect(await allocateUdp(coturn.port, username, credential)).toEqual({ success: false, code: 401 });
  });

  it('refuses an expired REST username (401)', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const { username, credential } = restCredential(coturn.secret, past, 'session-old');
    expect(await allocateUdp(coturn.port, username, credential)).toEqual({ success: false, code: 401 });
  });

  it('close() ends it: the port no longer accepts', async () => {
    const other = await startCoturn();
    expect(other.secret).toMatch(/^[0-9a-f]{48}$/);
    await other.close();
    const accepted = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port: other.port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    expect(accepted).toBe(false);
  });
});
