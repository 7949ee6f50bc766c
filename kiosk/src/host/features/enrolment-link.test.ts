// The enrolment link with a stand-in server link and HTTP: how redeem failures reach the first-run
// screen, a refused credential, and rotation (stored before it is confirmed; never logged). The
// whole flow against a real server is in kiosk-host-enrolment.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type ServerStatus } from '@rvw/shared';
import type { CredentialStore } from '../credential-store';
import { enrolmentLinkFeature } from './enrolment-link';
import { recordingContext } from './recording-context';
import type { ServerLinkPort } from './server-link';

const OLD = 'old-token-0123456789abcdef';
const NEW = 'new-token-fedcba9876543210';
const SERVER = 'http://centre.example';

function memoryStore(token: string | null = null) {
  const store = {
    token,
    failSave: false,
    cleared: 0,
    async load() {
      return store.token;
    },
    async save(t: string) {
      if (store.failSave) throw new Error('disk full');
      store.token = t;
    },
    async clear() {
      store.cleared++;
      store.token = null;
    },
  };
  return store satisfies CredentialStore;
}

function setup(
  options: { token?: string; stored?: string | null; fetch?: typeof fetch; fromConfig?: boolean } = {},
) {
  const rec = recordingContext(SERVER, options.token ?? '');
  if (options.fetch) rec.ctx.fetch = options.fetch;
  const store = memoryStore(options.stored ?? null);
  const listeners = new Map<string, (payload: unknown) => void>();
  const statusListeners: Array<(s: ServerStatus) => void> = [];
  const requests: Array<[string, unknown]> = [];
  let failConfirm = false;
  const port = {
    on: (event: string, listener: (payload: unknown) => void) => listeners.set(event, listener),
    onGreeting: () => undefined,
    request: async (event: string, payload: unknown) => {
      requests.push([event, payload]);
      if (failConfirm) throw BridgeError.serverUnreachable('no answer');
      return {};
    },
  } as unknown as ServerLinkPort;
  const connectNow = vi.fn();
  const feature = enrolmentLinkFeature(rec.ctx, {
    credentials: store,
    link: { port, connectNow },
    onServerStatus: (l) => void statusListeners.push(l),
    tokenFromConfig: options.fromConfig ?? false,
    machineName: 'kiosk-01',
  });
  return {
    ...rec,
    store,
    feature,
    requests,
    connectNow,
    fire: (event: string, payload: unknown) => listeners.get(event)!(payload),
    status: (s: ServerStatus) => statusListeners.forEach((l) => l(s)),
    failConfirm: () => (failConfirm = true),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('enrolment:redeem', () => {
  it('maps the server refusals and an unreachable server to the first-run screen codes', async () => {
    const answers = [
      json(404, { error: { code: 'ENROLMENT_CODE_INVALID', message: 'no' } }),
      json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }),
    ];
    const fetch = vi.fn(async () => {
      const next = answers.shift();
      if (!next) throw new TypeError('fetch failed');
      return next;
    });
    const s = setup({ fetch: fetch as unknown as typeof globalThis.fetch });
    const redeem = (code: string) => s.feature.handlers['enrolment:redeem']({ code });
    await expect(redeem('k7qx 93rm td')).rejects.toMatchObject({ code: 'ENROLMENT_CODE_INVALID' });
    await expect(redeem('K7QX-93RM-TD')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(redeem('K7QX-93RM-TD')).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
    // The code is sent normalised, with the machine's name.
    const body = JSON.parse(
      String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body),
    ) as unknown;
    expect(body).toEqual({ code: 'K7QX93RMTD', machineName: 'kiosk-01' });
    expect(s.store.token).toBeNull();
    expect(s.connectNow).not.toHaveBeenCalled();
  });

  it('stores the token, connects and announces; two presses spend the code once', async () => {
    const fetch = vi.fn(async () =>
      json(200, {
        kioskId: 'k-9',
        token: NEW,
        kiosk: { id: 'k-9', name: '一号机', location: '天平路', centreId: 'main', kind: 'fixed' },
      }),
    );
    const s = setup({ fetch: fetch as unknown as typeof globalThis.fetch });
    const [a, b] = await Promise.all([
      s.feature.handlers['enrolment:redeem']({ code: 'K7QX93RMTD' }),
      s.feature.handlers['enrolment:redeem']({ code: 'K7QX93RMTD' }),
    ]);
    expect(fetch).toHaveBeenCalledTimes(1);
    // Once enrolled the renderer is not told where the server is.
    expect(a).toEqual({ enrolled: true, serverUrl: null, kiosk: { name: '一号机', location: '天平路' } });
    expect(b).toEqual(a);
    expect(s.store.token).toBe(NEW);
    expect(s.ctx.config.kioskToken).toBe(NEW);
    expect(s.connectNow).toHaveBeenCalledTimes(1);
    expect(s.events.map((e) => e.event)).toEqual([a]);
    expect(s.logs.join('\n')).not.toContain(NEW);
  });
});

describe('a refused credential', () => {
  it('AUTH_REVOKED: deleted, logged, announced as not enrolled (once); other refusals are not', async () => {
    const s = setup({ token: OLD, stored: OLD });
    s.status({ connected: false, refused: 'KIOSK_OFFLINE' as never });
    s.status({ connected: false });
    expect(s.events).toEqual([]);
    s.status({ connected: false, refused: 'AUTH_REVOKED' });
    s.status({ connected: false, refused: 'AUTH_REVOKED' });
    expect(s.events.map((e) => e.event)).toEqual([{ enrolled: false, serverUrl: SERVER, kiosk: null }]);
    await vi.waitFor(() => expect(s.store.cleared).toBe(1));
    expect(s.ctx.config.kioskToken).toBe('');
    await vi.waitFor(() => expect(s.logs.some((l) => /AUTH_REVOKED.*deleted/.test(l))).toBe(true));
    expect(s.logs.join('\n')).not.toContain(OLD);
  });

  it('a configured token that is refused is not deleted from the store; the log says where it is', async () => {
    const s = setup({ token: OLD, stored: 'another-stored-token-0123', fromConfig: true });
    s.status({ connected: false, refused: 'AUTH_INVALID' });
    expect(s.events.map((e) => e.event)).toEqual([{ enrolled: false, serverUrl: SERVER, kiosk: null }]);
    expect(s.store.cleared).toBe(0);
    expect(s.logs.some((l) => /AUTH_INVALID.*RVW_KIOSK_TOKEN or kiosk.json/.test(l))).toBe(true);
  });
});

describe('rotation', () => {
  it('stores the new token, then confirms; a configured token is said to be stale', async () => {
    const s = setup({ token: OLD, fromConfig: true });
    s.fire('kiosk:credential', { rotationId: 'r1', token: NEW });
    await vi.waitFor(() => expect(s.requests).toEqual([['kiosk:credential-saved', { rotationId: 'r1' }]]));
    expect(s.store.token).toBe(NEW);
    expect(s.ctx.config.kioskToken).toBe(NEW);
    expect(s.logs.some((l) => /stale/.test(l))).toBe(true);
    expect(s.logs.join('\n')).not.toContain(NEW);
    expect(s.events).toEqual([]);
  });

  it('a token that cannot be stored is not confirmed and the old one stays in use', async () => {
    const s = setup({ token: OLD, stored: OLD });
    s.store.failSave = true;
    s.fire('kiosk:credential', { rotationId: 'r2', token: NEW });
    await vi.waitFor(() =>
      expect(s.logs.some((l) => /could not store the rotated credential/.test(l))).toBe(true),
    );
    expect(s.requests).toEqual([]);
    expect(s.ctx.config.kioskToken).toBe(OLD);
    expect(s.logs.join('\n')).not.toContain(NEW);
  });

  it('an unconfirmed rotation keeps the new token (stored) and says so', async () => {
    const s = setup({ token: OLD, stored: OLD });
    s.failConfirm();
    s.fire('kiosk:credential', { rotationId: 'r3', token: NEW });
    await vi.waitFor(() => expect(s.logs.some((l) => /not confirmed/.test(l))).toBe(true));
    expect(s.store.token).toBe(NEW);
  });
});
