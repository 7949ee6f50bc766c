/**
 * Vitest set-up shared by the server's own test files: one real test server per test, closed after
 * it together with the clients the test connected. Kept out of testing.ts (re-exported by the
 * package index for scripts and e2e tests) so that nothing outside a test run imports vitest.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Ticket } from '@rvw/shared';
import type { ServerOptions } from '../server';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from './index';

/** The test server of the running test, plus the clients it closes afterwards. */
export interface ServerUnderTest extends TestServer {
  /** Starts the server with these extra options (only with `{ startEach: false }`). */
  start(overrides?: Partial<ServerOptions>): Promise<TestServer>;
  /** Disconnects these clients after the test. */
  track(...clients: TestClient[]): void;
  /**
   * Enrols a kiosk and an agent, connects both (tracked) and has the kiosk take a ticket.
   * Names default to createTestKiosk's and createTestAgent's random ones.
   */
  kioskWithTicket(opts?: { kioskName?: string; agentName?: string }): Promise<KioskWithTicket>;
}

/** What kioskWithTicket returns: the accounts, their connected clients and the kiosk's ticket. */
export interface KioskWithTicket {
  k: Awaited<ReturnType<typeof createTestKiosk>>;
  a: Awaited<ReturnType<typeof createTestAgent>>;
  kiosk: TestClient;
  agent: TestClient;
  ticket: Ticket;
}

/**
 * Registers beforeEach/afterEach hooks: a fresh server (with `options`) before each test — or, with
 * `{ startEach: false }`, when the test calls start() — and after each test its tracked clients
 * disconnected and the server closed. The returned object reads through to the current server.
 */
export function useTestServer(
  options: Partial<ServerOptions> = {},
  { startEach = true }: { startEach?: boolean } = {},
): ServerUnderTest {
  let current: TestServer | undefined;
  const clients: TestClient[] = [];
  const now = (): TestServer => {
    if (!current) throw new Error('no test server running: use it inside a test');
    return current;
  };
  if (startEach)
    beforeEach(async () => {
      current = await startTestServer(options);
    });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await current?.close();
    current = undefined;
  });
  const t: ServerUnderTest = {
    get server() {
      return now().server;
    },
    get url() {
      return now().url;
    },
    get dataDir() {
      return now().dataDir;
    },
    logText: () => now().logText(),
    restart: (overrides) => now().restart(overrides),
    close: () => now().close(),
    async start(overrides = {}) {
      current = await startTestServer({ ...options, ...overrides });
      return current;
    },
    track(...more) {
      clients.push(...more);
    },
    async kioskWithTicket(opts = {}) {
      const k = await createTestKiosk(t.server, opts.kioskName ? { name: opts.kioskName } : {});
      const a = await createTestAgent(t.server, opts.agentName ? { displayName: opts.agentName } : {});
      const kiosk = await connectKiosk(t.url, k.token);
      const agent = await connectAgent(t.url, a.token);
      t.track(kiosk, agent);
      const { ticket } = okData(await kiosk.request('ticket:request', {}));
      return { k, a, kiosk, agent, ticket };
    },
  };
  return t;
}
