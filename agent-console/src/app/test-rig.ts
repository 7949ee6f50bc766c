/**
 * For tests (imported by tests only): a real test server per test file, ConsoleApps wired to it with
 * a fast socket policy and recording fake peers, and waiting on their snapshot.
 */
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Agent, ClientPayload, LoginResponse, Ticket } from '@rvw/shared';
import { CallController, DelayTablePolicy, FakePeer, noLocalMedia } from '@rvw/shared/call';
// eslint-disable-next-line no-restricted-imports -- a test rig, imported by *.test.ts files only
import {
  connectKiosk,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
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

/** The test server of a console test file, and the consoles and sockets its tests made. */
export interface ConsoleTestServer extends Pick<TestServer, 'server' | 'url' | 'restart'> {
  /** Closes these sockets after the test. */
  track(...clients: TestClient[]): void;
  /** newTestApp on this server, stopped after the test. */
  newApp(storage: KeyValueStorage): ReturnType<typeof newTestApp>;
  /** Enrols a kiosk (with `kiosk` options), connects it (tracked) and has it take a ticket (with `request`). */
  kioskWithTicket(
    kiosk?: Parameters<typeof createTestKiosk>[1],
    request?: ClientPayload<'ticket:request'>,
  ): Promise<{ kiosk: TestClient; ticket: Ticket }>;
}

/**
 * Registers the hooks of a console test file: one server started before its tests (then `setup`
 * run on it) and closed after them; after each test, the consoles it made stopped and the sockets
 * it tracked closed. The returned object reads through to the running server.
 */
export function useConsoleTestServer(setup?: (server: TestServer) => Promise<unknown>): ConsoleTestServer {
  let current: TestServer | undefined;
  const apps: ConsoleApp[] = [];
  const clients: TestClient[] = [];
  const now = (): TestServer => {
    if (!current) throw new Error('no test server running: use it inside a test');
    return current;
  };
  beforeAll(async () => {
    current = await startTestServer();
    await setup?.(current);
  });
  afterEach(() => {
    for (const app of apps.splice(0)) app.stop();
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const rig: ConsoleTestServer = {
    get server() {
      return now().server;
    },
    get url() {
      return now().url;
    },
    restart: (overrides) => now().restart(overrides),
    track(...more) {
      clients.push(...more);
    },
    newApp(storage) {
      const made = newTestApp(now().url, storage);
      apps.push(made.app);
      return made;
    },
    async kioskWithTicket(kiosk = {}, request = {}) {
      const { token } = await createTestKiosk(now().server, kiosk);
      const client = await connectKiosk(now().url, token);
      clients.push(client);
      const { ticket } = okData(await client.request('ticket:request', request));
      return { kiosk: client, ticket };
    },
  };
  return rig;
}
