/**
 * Test helpers, exported for the e2e tests and benchmarks too: a real server on port 0 over a real
 * SQLite file in a temp folder with its log captured, accounts and kiosks, and typed socket.io clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Ack,
  Agent,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ConnectRefusal,
  HandshakeAuth,
  Kiosk,
  ResidentIdentity,
  Role,
  ServerEventName,
  ServerToClientEvents,
} from '@rvw/shared';
import {
  createHttpClient,
  DEFAULT_ROUTING,
  httpRoutes,
  type Centre,
  type HttpClient,
  type RoutingSettings,
  type Skill,
} from '@rvw/shared';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { createAgent, login } from '../accounts/account-store';
import { createKiosk } from '../kiosks/kiosk-store';
import { createServer, type RunningServer, type ServerOptions } from '../server';

/** A typed socket.io client as kiosks and consoles hold it. */
export type TypedClientSocket = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

/** A server started for a test, with its temp folder and captured log. */
export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  /** Every log line written so far (JSON lines). */
  logText(): string;
  /** Closes the server and starts a new one on the same data folder (same log capture). */
  restart(overrides?: Partial<ServerOptions>): Promise<RunningServer>;
  /** Closes the server and deletes the temp folder. */
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0 over `<tmp>/rvw-test-*\/rvw.sqlite`, log captured at debug level. */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'rvw-test-'));
  const lines: string[] = [];
  const logStream = { write: (line: string) => void lines.push(line) };
  const base: ServerOptions = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'debug',
    consoleDir: join(dataDir, 'no-console'),
    ...options,
    dataDir,
    logStream,
  };
  let server = await createServer(base);
  const t: TestServer = {
    get server() {
      return server;
    },
    get url() {
      return server.url;
    },
    dataDir,
    logText: () => lines.join(''),
    async restart(overrides = {}) {
      await server.close();
      server = await createServer({ ...base, ...overrides, dataDir, logStream });
      return server;
    },
    async close() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Creates an account directly in the database and signs it in. */
export async function createTestAgent(
  server: RunningServer,
  opts: {
    username?: string;
    displayName?: string;
    role?: Role;
    password?: string;
    /** Issue 11: the agent's skills (default none) and centre (default 'main'). */
    skills?: Skill[];
    centreId?: string;
  } = {},
): Promise<{ agent: Agent; password: string; token: string }> {
  const username = opts.username ?? `agent-${Math.random().toString(36).slice(2, 8)}`;
  const password = opts.password ?? 'test-password-123';
  await createAgent(
    server.db,
    {
      username,
      displayName: opts.displayName ?? `Agent ${username}`,
      password,
      role: opts.role ?? 'agent',
      ...(opts.skills ? { skills: opts.skills } : {}),
      ...(opts.centreId ? { centreId: opts.centreId } : {}),
    },
    new Date(),
  );
  const res = await login(server.db, username, password, server.config.sessionTtlHours, new Date());
  return { agent: res.agent, password, token: res.token };
}

/**
 * A supervisor's typed HTTP client for a test server: creates an admin account and signs it in,
 * so that tests check outcomes through the product's API rather than its tables.
 */
export async function adminApi(server: RunningServer): Promise<HttpClient<typeof httpRoutes>> {
  const { token } = await createTestAgent(server, { role: 'admin', displayName: 'Test supervisor' });
  return createHttpClient(httpRoutes, { baseUrl: server.url, token });
}

/** Enrols a kiosk directly in the database; returns its one-time token. */
export async function createTestKiosk(
  server: RunningServer,
  opts: { name?: string; location?: string; centreId?: string; kind?: 'fixed' | 'portable' } = {},
): Promise<{ kiosk: Kiosk; token: string }> {
  return createKiosk(
    server.db,
    {
      name: opts.name ?? `Kiosk ${Math.random().toString(36).slice(2, 6)}`,
      location: opts.location ?? '静安区',
      ...(opts.centreId ? { centreId: opts.centreId } : {}),
      ...(opts.kind ? { kind: opts.kind } : {}),
    },
    new Date(),
  );
}

/**
 * Adds a centre directly in the database (issue 11): `routing` overrides DEFAULT_ROUTING's fields.
 * The default centre 'main' exists already.
 */
export async function createTestCentre(
  server: RunningServer,
  opts: {
    id: string;
    name?: string;
    region?: string;
    partners?: string[];
    routing?: Partial<RoutingSettings>;
  },
): Promise<Centre> {
  const centre: Centre = {
    id: opts.id,
    name: opts.name ?? `${opts.id} 中心`,
    region: opts.region ?? '上海市',
    partners: opts.partners ?? [],
    routing: { ...DEFAULT_ROUTING, ...opts.routing },
  };
  await server.db
    .insertInto('centres')
    .values({
      id: centre.id,
      name: centre.name,
      region: centre.region,
      partners: JSON.stringify(centre.partners),
      routing: JSON.stringify(centre.routing),
      created_at: new Date().toISOString(),
    })
    .execute();
  return centre;
}

/** Sets an existing centre's routing settings (and partners) directly in the database. */
export async function setTestCentreRouting(
  server: RunningServer,
  centreId: string,
  routing: Partial<RoutingSettings>,
  partners?: string[],
): Promise<void> {
  const row = await server.db
    .selectFrom('centres')
    .select('routing')
    .where('id', '=', centreId)
    .executeTakeFirstOrThrow();
  await server.db
    .updateTable('centres')
    .set({
      routing: JSON.stringify({ ...(JSON.parse(row.routing) as RoutingSettings), ...routing }),
      ...(partners ? { partners: JSON.stringify(partners) } : {}),
    })
    .where('id', '=', centreId)
    .execute();
}

/** The sentence the kiosk shows before the resident shares the card. */
export const SHARE_CONSENT_TEXT = '我同意把身份证上的信息提供给社区事务受理服务中心，用于办理本次事项。';

/**
 * Attaches `identity` to the kiosk's ticket through POST /api/kiosk/identity, as the kiosk does once
 * the resident agreed to `consentText`; throws with the status if the server refuses.
 */
export async function shareIdentityOverHttp(
  url: string,
  kioskToken: string,
  ticketId: string,
  identity: ResidentIdentity,
  consentText = SHARE_CONSENT_TEXT,
): Promise<void> {
  const res = await fetch(`${url}/api/kiosk/identity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
    body: JSON.stringify({ ticketId, consent: true, consentText, locale: 'zh-CN', identity }),
  });
  if (res.status !== 200) throw new Error(`identity: HTTP ${res.status} ${await res.text()}`);
}

/** One server event as the client recorded it: its name and its payload, unvalidated. */
export interface Received {
  event: ServerEventName;
  payload: unknown;
}

/** A connected client that records every event it receives, so a test can wait for one that already came. */
export class TestClient {
  /** Every event received, in order. */
  readonly received: Received[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly socket: TypedClientSocket) {
    socket.onAny((event: ServerEventName, payload: unknown) => {
      this.received.push({ event, payload });
      for (const w of this.waiters) w();
    });
  }

  /** True while connected. */
  get connected(): boolean {
    return this.socket.connected;
  }

  /** Emits a client event and resolves with its acknowledgement. */
  request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
    timeoutMs = 5000,
  ): Promise<Ack<ClientAckData<E>>> {
    return this.requestRaw(event, payload, timeoutMs) as Promise<Ack<ClientAckData<E>>>;
  }

  /** Emits anything (malformed payloads, unknown events) and resolves with the acknowledgement. */
  requestRaw(event: string, payload: unknown, timeoutMs = 5000): Promise<Ack<unknown>> {
    // The typed emit cannot express deliberately wrong payloads; this is the untyped door for tests.
    const s = this.socket as unknown as ClientSocket;
    return s.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<unknown>>;
  }

  /** Resolves with the payload of the first event named `event` (after `from`, an index into `received`) that matches. */
  waitFor<E extends ServerEventName>(
    event: E,
    match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
    opts: { from?: number; timeoutMs?: number } = {},
  ): Promise<Parameters<ServerToClientEvents[E]>[0]> {
    type P = Parameters<ServerToClientEvents[E]>[0];
    const from = opts.from ?? 0;
    return new Promise<P>((resolve, reject) => {
      const check = (): boolean => {
        for (let i = from; i < this.received.length; i++) {
          const r = this.received[i]!;
          if (r.event === event && match(r.payload as P)) {
            cleanup();
            resolve(r.payload as P);
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no "${event}" event within ${opts.timeoutMs ?? 5000} ms`));
      }, opts.timeoutMs ?? 5000);
      const waiter = () => void check();
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      this.waiters.push(waiter);
      check();
    });
  }

  /** Events named `event` received so far. */
  all<E extends ServerEventName>(event: E): Parameters<ServerToClientEvents[E]>[0][] {
    return this.received
      .filter((r) => r.event === event)
      .map((r) => r.payload as Parameters<ServerToClientEvents[E]>[0]);
  }

  /** Disconnects the socket for good (the client does not reconnect). */
  close(): void {
    this.socket.disconnect();
  }
}

/** Thrown by connectClient when the server refuses the handshake. */
export class RefusedError extends Error {
  constructor(readonly refusal: ConnectRefusal) {
    super(`connection refused: ${refusal.code}`);
    this.name = 'RefusedError';
  }
}

/**
 * Connects a client (websocket transport, no automatic reconnection). Resolves once connected;
 * rejects with RefusedError carrying the server's { code, message } when refused.
 */
export function connectClient(
  url: string,
  auth: HandshakeAuth | Record<string, unknown> | undefined,
): Promise<TestClient> {
  const socket: TypedClientSocket = connect(url, {
    auth: auth as Record<string, unknown> | undefined,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  // Record from the first packet: kiosk:state and agent:state arrive right after the handshake.
  const client = new TestClient(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (err: Error & { data?: ConnectRefusal }) => {
      socket.disconnect();
      reject(err.data ? new RefusedError(err.data) : err);
    });
  });
}

/** Connects a kiosk with its token and waits for its kiosk:state. */
export async function connectKiosk(url: string, token: string): Promise<TestClient> {
  const c = await connectClient(url, { kind: 'kiosk', token });
  await c.waitFor('kiosk:state');
  return c;
}

/** Connects an agent with its login token and waits for its agent:state and first queue:update. */
export async function connectAgent(url: string, token: string): Promise<TestClient> {
  const c = await connectClient(url, { kind: 'agent', token });
  await c.waitFor('agent:state');
  await c.waitFor('queue:update');
  return c;
}

/** The data of a successful ack; throws with the error code otherwise. */
export function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

export { ManualScheduler } from './manual-scheduler';

/** Paper in and out: close a case with documents, print up to the resident's yes, small images. */
export * from '../documents/paper-test-support';

/** Issue 12: a fake electron-builder release in an updates folder (the update feed's tests). */
export * from './fake-release';

/** Issue 12: a healthy heartbeat to vary (the fleet's tests and its benchmark). */
export { healthyReport } from '../kiosks/fleet/fleet-test-support';
