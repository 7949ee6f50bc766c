// Issue 7, defect 8: sign-in is limited per account and per address, with a growing delay and a
// temporary lock after repeated failures; one warning line per lock (never the password); a locked
// sign-in answers LOGIN_LOCKED with Retry-After even with the right password; the counters live in
// the database, so a restarted server (or a second node) sees them.
import { describe, expect, it } from 'vitest';
import { createTestAgent } from '../testing';
import { useTestServer } from '../testing/hooks';

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const t = useTestServer({ clock }, { startEach: false });

const WRONG = 'not-the-password-42';

async function signIn(username: string, password: string, address = '10.1.1.1', forwardedFor?: string) {
  const res = await t.server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: address,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  const body = res.json() as { error?: { code: string; message: string } };
  return {
    status: res.statusCode,
    code: body.error?.code ?? 'OK',
    retryAfter: Number(res.headers['retry-after'] ?? NaN),
  };
}

const lockLines = () =>
  t
    .logText()
    .split('\n')
    .filter((l) => l.includes('"login locked"'));

describe('sign-in throttling', () => {
  it('locks an account after 5 failures for 15 minutes; the right password is refused meanwhile', async () => {
    offsetMs = 0;
    await t.start({ loginDelayMs: 0 });
    const { agent, password } = await createTestAgent(t.server, { username: 'wang.fang' });
    for (let i = 0; i < 5; i++) expect((await signIn(agent.username, WRONG)).code).toBe('AUTH_INVALID');

    const locked = await signIn(agent.username, password);
    expect(locked).toMatchObject({ status: 429, code: 'LOGIN_LOCKED' });
    expect(locked.retryAfter).toBeGreaterThan(14 * 60);
    expect(locked.retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another address does not unlock the account.
    expect((await signIn(agent.username, password, '10.9.9.9')).code).toBe('LOGIN_LOCKED');

    const lines = lockLines();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, scope: 'account', username: 'wang.fang' });
    expect(t.logText()).not.toContain(WRONG);
    expect(t.logText()).not.toContain(password);

    // The counters are in the database: a restarted server still refuses.
    await t.restart();
    expect((await signIn(agent.username, password)).code).toBe('LOGIN_LOCKED');
    offsetMs = 15 * 60_000 + 1000;
    expect((await signIn(agent.username, password)).code).toBe('OK');
  });

  it('slows down repeated failures: a retry right after them is refused with RATE_LIMITED and Retry-After', async () => {
    offsetMs = 0;
    await t.start({ loginDelayMs: 2000 });
    const { agent, password } = await createTestAgent(t.server, { username: 'li.lei' });
    expect((await signIn(agent.username, WRONG)).code).toBe('AUTH_INVALID');
    expect((await signIn(agent.username, WRONG)).code).toBe('AUTH_INVALID');
    const soon = await signIn(agent.username, password);
    expect(soon).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(soon.retryAfter).toBeGreaterThanOrEqual(1);
    // The delay grows with each failure.
    offsetMs += 2100;
    expect((await signIn(agent.username, WRONG)).code).toBe('AUTH_INVALID');
    offsetMs += 2100;
    const later = await signIn(agent.username, password);
    expect(later.code).toBe('RATE_LIMITED');
    expect(later.retryAfter).toBeGreaterThanOrEqual(1);
    offsetMs += 4100;
    expect((await signIn(agent.username, password)).code).toBe('OK');
  });

  it('limits one address across accounts, and counts a burst of parallel guesses', async () => {
    offsetMs = 0;
    await t.start({ loginDelayMs: 0, loginAddressMaxFailures: 8 });
    const { agent, password } = await createTestAgent(t.server, { username: 'zhao.min' });
    // Parallel guesses at one account: only the first five are tried at all.
    const burst = await Promise.all(Array.from({ length: 12 }, () => signIn('chen.jie', WRONG, '10.2.2.2')));
    expect(burst.filter((r) => r.code === 'AUTH_INVALID')).toHaveLength(5);
    expect(burst.filter((r) => r.code === 'LOGIN_LOCKED')).toHaveLength(7);
    // One address guessing at many accounts gets locked too, for every account.
    for (let i = 0; i < 3; i++)
      expect((await signIn(`nobody${i}`, WRONG, '10.2.2.2')).code).toBe('AUTH_INVALID');
    const fromThere = await signIn(agent.username, password, '10.2.2.2');
    expect(fromThere.code).toBe('LOGIN_LOCKED');
    expect(
      lockLines()
        .map((l) => (JSON.parse(l) as { scope: string }).scope)
        .sort(),
    ).toEqual(['account', 'address']);
    // Elsewhere the account works.
    expect((await signIn(agent.username, password, '10.3.3.3')).code).toBe('OK');
  });

  it('counts the client behind a trusted proxy by X-Forwarded-For, and ignores it otherwise', async () => {
    offsetMs = 0;
    await t.start({ loginDelayMs: 0, loginAddressMaxFailures: 3, trustProxyHops: 1 });
    const proxy = '127.0.0.1';
    for (let i = 0; i < 3; i++)
      expect((await signIn(`ghost${i}`, WRONG, proxy, '203.0.113.7')).code).toBe('AUTH_INVALID');
    expect((await signIn('ghost9', WRONG, proxy, '203.0.113.7')).code).toBe('LOGIN_LOCKED');
    // Another client behind the same proxy is not locked out.
    expect((await signIn('ghost9', WRONG, proxy, '203.0.113.8')).code).toBe('AUTH_INVALID');

    await t.restart({ trustProxyHops: 0 });
    // Without trust, the header is ignored: the proxy's own address is the one counted.
    for (let i = 0; i < 3; i++)
      expect((await signIn(`ghost${i + 20}`, WRONG, '10.7.7.7', `198.51.100.${i}`)).code).toBe(
        'AUTH_INVALID',
      );
    expect((await signIn('ghost30', WRONG, '10.7.7.7', '198.51.100.99')).code).toBe('LOGIN_LOCKED');
  });
});
