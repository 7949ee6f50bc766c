/**
 * For tests (imported by tests only): ConsoleApps wired to a real test server at `baseUrl` (the
 * tests start it) with a fast socket policy and recording fake peers, and waiting on their snapshot.
 */
import { io } from 'socket.io-client';
import type { Agent, LoginResponse } from '@rvw/shared';
import { CallController, DelayTablePolicy, FakePeer, noLocalMedia } from '@rvw/shared/call';
import { asConsoleError, consoleApi } from '../lib/api';
import { AUTH_STORAGE_KEY, type KeyValueStorage } from '../auth/auth-store';
import { MemoryStorage } from '../auth/memory-storage';
import { untilStore } from '../lib/until-store';
import { ConsoleApp, type ConsoleSnapshot } from './console-app';
import type { ConsoleSocket } from './console-socket';

/** A controller wired to the server at `baseUrl`, with a fast socket policy and recording peers. */
export function newTestApp(baseUrl: string, storage: KeyValueStorage) {
  const peers: FakePeer[] = [];
  const app = new ConsoleApp({
    storage,
    connect: (token) =>
      io(baseUrl, {
        auth: { kind: 'agent', token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      }) as ConsoleSocket,
    api: {
      fetchMe: async (token) => (await asConsoleError(consoleApi({ token, baseUrl }).me())).agent,
      logout: async (token) => {
        await asConsoleError(consoleApi({ token, baseUrl }).logout({ body: {} }));
      },
      listCases: async (token, sessionId) =>
        (await asConsoleError(consoleApi({ token, baseUrl }).listCases({ query: { sessionId } }))).cases,
    },
    routing: { baseUrl },
    socketPolicy: new DelayTablePolicy({ delaysMs: [0, 100], jitterMs: 0 }),
    createCall: (options) =>
      new CallController({
        ...options,
        openMedia: noLocalMedia,
        createPeer: (o) => {
          const peer = new FakePeer(o);
          peers.push(peer);
          return peer;
        },
      }),
  });
  return { app, peers };
}

/** Resolves once the snapshot satisfies `check` (checked now and on every change). */
export function until(
  app: ConsoleApp,
  check: (s: ConsoleSnapshot) => boolean,
  timeoutMs = 5000,
): Promise<ConsoleSnapshot> {
  return untilStore(app.subscribe, app.getSnapshot, check, 'the console', timeoutMs).catch(() => {
    throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(app.getSnapshot().work)}`);
  });
}

/** A fresh storage holding a saved login of `account` (an hour long). */
export function savedLogin(account: { agent: Agent; token: string }) {
  const auth: LoginResponse = { ...account, expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
  const storage = new MemoryStorage();
  storage.setItem(AUTH_STORAGE_KEY, JSON.stringify(auth));
  return { storage, auth };
}
