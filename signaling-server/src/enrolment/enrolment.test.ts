// Issue 12 #1: a supervisor issues a one-time enrolment code; a kiosk redeems it for its own token
// and connects with it. Single use, expiry, withdrawal, centre scope, the per-address limit, bad
// bodies, and the code never stored (or logged) in clear.
import { formatEnrolmentCode, normaliseEnrolmentCode } from '@rvw/shared';
import { describe, expect, it } from 'vitest';
import { connectKiosk, createTestAgent, createTestCentre } from '../testing';
import { useTestServer } from '../testing/hooks';
import { hashEnrolmentCode } from './enrolment-store';

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const t = useTestServer({ clock });

type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string } } };

async function call(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  opts: { token?: string; payload?: unknown; address?: string } = {},
): Promise<Answer> {
  const res = await t.server.app.inject({
    method,
    url,
    ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
    remoteAddress: opts.address ?? '10.2.0.1',
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
  });
  return { status: res.statusCode, body: res.json() };
}

async function supervisor(centreId?: string): Promise<string> {
  return (await createTestAgent(t.server, { role: 'admin', ...(centreId ? { centreId } : {}) })).token;
}

async function issue(token: string, body: Record<string, unknown> = { location: '静安寺街道 第一居委会' }) {
  const r = await call('POST', '/api/admin/enrolment-codes', { token, payload: body });
  expect(r.status).toBe(201);
  return r.body as { code: string; expiresAt: string; enrolmentCode: { id: string } };
}

const redeem = (code: string, address?: string, machineName?: string) =>
  call('POST', '/api/enrol', {
    payload: { code, ...(machineName ? { machineName } : {}) },
    ...(address ? { address } : {}),
  });

describe('enrolment codes', () => {
  it('issues a code, a kiosk redeems it once and connects with its token in the code’s centre', async () => {
    offsetMs = 0;
    await createTestCentre(t.server, { id: 'xuhui' });
    const admin = await supervisor('xuhui');
    const issued = await issue(admin, { location: '天平路 居委会', kind: 'portable', name: '上门办 1' });
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(Date.parse(issued.expiresAt) - clock().getTime()).toBeGreaterThan(23.9 * 3_600_000);

    const listed = await call('GET', '/api/admin/enrolment-codes', { token: admin });
    expect((listed.body.codes as Array<{ id: string }>).map((c) => c.id)).toEqual([issued.enrolmentCode.id]);

    // Typed in lower case, without hyphens: the same code.
    const r = await redeem(issued.code.toLowerCase().replaceAll('-', ' '), undefined, 'kiosk-07');
    expect(r.status).toBe(201);
    const { kioskId, token, kiosk } = r.body as {
      kioskId: string;
      token: string;
      kiosk: Record<string, string>;
    };
    expect(kiosk).toMatchObject({
      id: kioskId,
      name: '上门办 1',
      location: '天平路 居委会',
      centreId: 'xuhui',
      kind: 'portable',
    });
    const client = await connectKiosk(t.url, token);
    t.track(client);
    expect(client.connected).toBe(true);

    // Single use: the second redeem is refused, and the code leaves the open list.
    expect((await redeem(issued.code)).body.error?.code).toBe('ENROLMENT_CODE_INVALID');
    expect((await call('GET', '/api/admin/enrolment-codes', { token: admin })).body.codes).toEqual([]);
    const row = await t.server.db.selectFrom('enrolment_codes').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kiosk_id: kioskId, centre_id: 'xuhui' });
    expect(row.used_at).not.toBeNull();
    expect(row.created_by).not.toBeNull();
  });

  it('keeps only the hash: the code is in no table and in no log line, nor is the token', async () => {
    offsetMs = 0;
    const admin = await supervisor();
    const { code } = await issue(admin);
    const bare = normaliseEnrolmentCode(code)!;
    const r = await redeem(code);
    const dump = JSON.stringify(await t.server.db.selectFrom('enrolment_codes').selectAll().execute());
    expect(dump).not.toContain(bare);
    expect(dump).toContain(hashEnrolmentCode(bare));
    for (const secret of [bare, code, r.body.token as string]) expect(t.logText()).not.toContain(secret);
    expect(t.logText()).toContain('kiosk enrolled with a code');
    expect(t.logText()).toContain('enrolment code issued');
  });

  it('refuses an expired code, a withdrawn code and an unknown code with the same answer', async () => {
    offsetMs = 0;
    const admin = await supervisor();
    const short = await issue(admin, { location: 'A', ttlHours: 1 });
    const withdrawn = await issue(admin, { location: 'B' });
    const del = await call('DELETE', `/api/admin/enrolment-codes/${withdrawn.enrolmentCode.id}`, {
      token: admin,
    });
    expect(del.status).toBe(200);
    expect((del.body.enrolmentCode as { revokedAt: string | null }).revokedAt).not.toBeNull();
    offsetMs = 61 * 60_000;
    const answers = [
      await redeem(short.code),
      await redeem(withdrawn.code),
      await redeem('K7QX-93RM-TD'),
      await redeem('nonsense'),
    ];
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual(
      Array(4).fill([400, 'ENROLMENT_CODE_INVALID']),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await t.server.db.selectFrom('kiosks').select('id').execute()).toEqual([]);
  });

  it('keeps a supervisor to their own centre', async () => {
    offsetMs = 0;
    await createTestCentre(t.server, { id: 'xuhui' });
    const mine = await supervisor();
    const theirs = await supervisor('xuhui');
    const other = await call('POST', '/api/admin/enrolment-codes', {
      token: mine,
      payload: { centreId: 'xuhui', location: 'X' },
    });
    expect([other.status, other.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    const theirCode = await issue(theirs);
    const del = await call('DELETE', `/api/admin/enrolment-codes/${theirCode.enrolmentCode.id}`, {
      token: mine,
    });
    expect(del.body.error?.code).toBe('FORBIDDEN');
    expect((await call('GET', '/api/admin/enrolment-codes', { token: mine })).body.codes).toEqual([]);
    const agent = await createTestAgent(t.server);
    expect((await call('GET', '/api/admin/enrolment-codes', { token: agent.token })).body.error?.code).toBe(
      'FORBIDDEN',
    );
    expect((await call('DELETE', '/api/admin/enrolment-codes/nope', { token: mine })).body.error?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('limits attempts per address to 5 a minute, even with the right code', async () => {
    offsetMs = 0;
    const admin = await supervisor();
    const { code } = await issue(admin);
    for (let i = 0; i < 5; i++)
      expect((await redeem('K7QX-93RM-TD', '10.3.0.9')).body.error?.code).toBe('ENROLMENT_CODE_INVALID');
    const limited = await t.server.app.inject({
      method: 'POST',
      url: '/api/enrol',
      payload: { code },
      remoteAddress: '10.3.0.9',
    });
    expect([limited.statusCode, (limited.json() as Answer['body']).error?.code]).toEqual([
      429,
      'RATE_LIMITED',
    ]);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not limited; after the minute this one may try again.
    expect((await redeem('K7QX-93RM-TD', '10.3.0.10')).body.error?.code).toBe('ENROLMENT_CODE_INVALID');
    offsetMs = 61_000;
    expect((await redeem(code, '10.3.0.9')).status).toBe(201);
  });

  it('answers BAD_PAYLOAD to malformed bodies', async () => {
    offsetMs = 0;
    const admin = await supervisor();
    const bad = [
      await call('POST', '/api/enrol', { payload: {} }),
      await call('POST', '/api/enrol', { payload: { code: 12 } }),
      await call('POST', '/api/enrol', { payload: { code: 'x'.repeat(41) } }),
      await call('POST', '/api/admin/enrolment-codes', { token: admin, payload: { location: '' } }),
      await call('POST', '/api/admin/enrolment-codes', {
        token: admin,
        payload: { location: 'L', ttlHours: 169 },
      }),
      await call('POST', '/api/admin/enrolment-codes', {
        token: admin,
        payload: { location: 'L', kind: 'mobile' },
      }),
    ];
    expect(bad.map((b) => b.body.error?.code)).toEqual(Array(6).fill('BAD_PAYLOAD'));
    expect(bad.map((b) => b.status)).toEqual(Array(6).fill(400));
  });
});

describe('the code format', () => {
  it('groups and normalises', () => {
    expect(formatEnrolmentCode('K7QX93RMTD')).toBe('K7QX-93RM-TD');
    expect(normaliseEnrolmentCode(' k7qx-93rm td ')).toBe('K7QX93RMTD');
    expect(normaliseEnrolmentCode('K7QX-93RM-T0')).toBeNull();
    expect(normaliseEnrolmentCode('K7QX-93RM')).toBeNull();
  });
});
