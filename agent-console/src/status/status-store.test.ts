/**
 * The agent's own status: the server's word kept by when it began (a push and an ack may cross),
 * one click at a time, a refusal told in words; and what the header shows of it.
 */
import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../lib/errors';
import { presence } from '../queue/test-entries';
import { StatusStore, type StatusTransport } from './status-store';
import { shownStatus, statusButtons, wrapUpLeftMs } from './status-rules';

/** A transport whose answers the test gives. */
function pendingTransport() {
  const calls: Array<{
    status: string;
    resolve(p: ReturnType<typeof presence>): void;
    reject(e: unknown): void;
  }> = [];
  const transport: StatusTransport = {
    choose: (status) =>
      new Promise((resolve, reject) => {
        calls.push({ status, resolve, reject });
      }),
  };
  return { transport, calls };
}

describe('StatusStore', () => {
  it('keeps the newest status by when it began, whatever order pushes and acks arrive in', () => {
    const store = new StatusStore({ choose: () => Promise.reject(new Error('unused')) });
    expect(store.getSnapshot().presence).toBeNull();
    store.applyPresence(presence({ status: 'away', since: '2026-11-22T01:10:00.000Z' }));
    // An older push (the available before the away) arrives late: ignored.
    store.applyPresence(presence({ status: 'available', since: '2026-11-22T01:05:00.000Z' }));
    expect(store.getSnapshot().presence?.status).toBe('away');
    store.applyPresence(presence({ status: 'wrap-up', since: '2026-11-22T01:20:00.000Z' }));
    expect(store.getSnapshot().presence?.status).toBe('wrap-up');
  });

  it('sends one click at a time and shows the acknowledged status', async () => {
    const { transport, calls } = pendingTransport();
    const store = new StatusStore(transport);
    const first = store.choose('away');
    expect(store.getSnapshot().pending).toBe('away');
    expect(await store.choose('available')).toEqual({ ok: false, code: 'RATE_LIMITED' });
    expect(calls.map((c) => c.status)).toEqual(['away']);
    calls[0]!.resolve(presence({ status: 'away', since: '2026-11-22T02:00:00.000Z' }));
    expect(await first).toMatchObject({ ok: true });
    expect(store.getSnapshot()).toMatchObject({ pending: null, presence: { status: 'away' } });
  });

  it('tells a refused change with its code and keeps the status the server said', async () => {
    const refused: Array<[string, string]> = [];
    const store = new StatusStore(
      { choose: () => Promise.reject(new ConsoleError('WRONG_STATE', 'in a session')) },
      (status, code) => refused.push([status, code]),
    );
    store.applyPresence(presence({ status: 'in-session' }));
    expect(await store.choose('away')).toEqual({ ok: false, code: 'WRONG_STATE' });
    expect(refused).toEqual([['away', 'WRONG_STATE']]);
    expect(store.getSnapshot()).toMatchObject({ pending: null, presence: { status: 'in-session' } });
  });

  it('forgets everything on reset (sign-out)', () => {
    const store = new StatusStore({ choose: () => Promise.reject(new Error('unused')) });
    store.applyPresence(presence());
    store.reset();
    expect(store.getSnapshot()).toEqual({ presence: null, pending: null });
  });
});

describe('what the header shows', () => {
  it('shows a call the workbench holds as in a session, else the server’s word, unknown before it', () => {
    expect(shownStatus(null, false)).toBe('unknown');
    expect(shownStatus(presence({ status: 'available' }), true)).toBe('in-session');
    expect(shownStatus(presence({ status: 'wrap-up' }), false)).toBe('wrap-up');
  });

  it('counts wrap-up down to the centre’s limit on the server’s clock', () => {
    const p = presence({ status: 'wrap-up', wrapUpEndsAt: '2026-11-22T01:02:00.000Z' });
    const local = Date.parse('2026-11-22T01:00:00.000Z');
    // The server's clock is 30 s ahead of this machine's: 90 s are left, not 120.
    expect(wrapUpLeftMs(p, local, 30_000)).toBe(90_000);
    expect(wrapUpLeftMs(p, local + 200_000, 0)).toBe(0);
    expect(wrapUpLeftMs(presence({ status: 'available' }), local, 0)).toBeNull();
    expect(wrapUpLeftMs(presence({ status: 'wrap-up' }), local, 0)).toBeNull();
  });

  it('offers only the buttons that change the status, the next one prominent; locks them in a session or offline', () => {
    expect(statusButtons('wrap-up', false, true)).toEqual({
      available: null,
      away: true,
      ready: true,
      disabled: false,
    });
    expect(statusButtons('away', false, true)).toEqual({
      available: 'prominent',
      away: false,
      ready: false,
      disabled: false,
    });
    expect(statusButtons('available', false, true)).toMatchObject({ available: null, away: true });
    expect(statusButtons('unknown', false, true)).toMatchObject({ available: 'plain', away: true });
    expect(statusButtons('in-session', false, true)).toMatchObject({
      available: null,
      away: true,
      disabled: true,
    });
    expect(statusButtons('available', true, true).disabled).toBe(true);
    expect(statusButtons('available', false, false).disabled).toBe(true);
  });
});
