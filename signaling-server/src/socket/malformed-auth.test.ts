// Issue 7, defect 13a: a handshake whose `auth` is not an object (a string, an array, a number) is
// refused with AUTH_INVALID like any other malformed credential, not dropped without a code.
import { describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createTestKiosk, connectKiosk } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

/** Connects with any `auth` value; resolves with the refusal's code, or what happened instead. */
function refusalCode(auth: unknown): Promise<string> {
  const socket = connect(t.url, {
    // Deliberately not an object: socket.io-client sends whatever it is given.
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 3000,
  });
  return new Promise((resolve) => {
    // Before the fix the server closed the transport without a word and the client waited on.
    const timer = setTimeout(() => {
      socket.disconnect();
      resolve('no answer');
    }, 3000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      clearTimeout(timer);
      socket.disconnect();
      resolve(err.data?.code ?? `no code (${err.message})`);
    });
  });
}

describe('handshake auth that is not an object', () => {
  it.each([
    ['a string', 'token-as-a-string'],
    ['an array', [{ kind: 'kiosk', token: 'x' }]],
    ['a number', 42],
  ])('refuses %s with AUTH_INVALID', async (_, auth) => {
    expect(await refusalCode(auth)).toBe('AUTH_INVALID');
  });

  it('still accepts a well-formed kiosk handshake afterwards', async () => {
    const { token } = await createTestKiosk(t.server);
    const k = await connectKiosk(t.url, token);
    t.track(k);
    expect(k.connected).toBe(true);
  });
});
