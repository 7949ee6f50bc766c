/**
 * The HTTP API as the console uses it: thin functions over the client derived from `httpRoutes`.
 * Every failure becomes a ConsoleError with a stable code: the server's own code from its error
 * body, or UNREACHABLE / BAD_RESPONSE from this side.
 */
import {
  createHttpClient,
  httpRoutes,
  HttpClientError,
  type Agent,
  type CreateAgentRequest,
  type CreateKioskRequest,
  type CreateKioskResponse,
  type HttpClient,
  type HttpClientOptions,
  type Kiosk,
  type LoginRequest,
  type LoginResponse,
} from '@rvw/shared';
import { ConsoleError } from './errors';

/** The typed client of the whole HTTP API (same origin unless `baseUrl` says otherwise). */
export function consoleApi(options: HttpClientOptions = {}): HttpClient<typeof httpRoutes> {
  return createHttpClient(httpRoutes, options);
}

/** Runs a call and turns its HttpClientError into the console's ConsoleError (same code and status). */
export async function asConsoleError<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof HttpClientError) throw new ConsoleError(err.code, err.message, err.status);
    throw err;
  }
}

/** POST /api/auth/login. */
export async function login(request: LoginRequest): Promise<LoginResponse> {
  return asConsoleError(consoleApi().login({ body: request }));
}

/** POST /api/auth/logout; failures are ignored by callers (the token is dropped locally anyway). */
export async function logout(token: string): Promise<void> {
  await asConsoleError(consoleApi({ token }).logout({ body: {} }));
}

/** GET /api/me: the signed-in account. */
export async function fetchMe(token: string): Promise<Agent> {
  return (await asConsoleError(consoleApi({ token }).me())).agent;
}

/** GET /api/admin/kiosks. */
export async function listKiosks(token: string): Promise<Kiosk[]> {
  return (await asConsoleError(consoleApi({ token }).listKiosks())).kiosks;
}

/** POST /api/admin/kiosks: the secret token is in this answer only. */
export async function createKiosk(token: string, request: CreateKioskRequest): Promise<CreateKioskResponse> {
  return asConsoleError(consoleApi({ token }).createKiosk({ body: request }));
}

/** GET /api/admin/agents. */
export async function listAgents(token: string): Promise<Agent[]> {
  return (await asConsoleError(consoleApi({ token }).listAgents())).agents;
}

/** POST /api/admin/agents. */
export async function createAgent(token: string, request: CreateAgentRequest): Promise<Agent> {
  return (await asConsoleError(consoleApi({ token }).createAgent({ body: request }))).agent;
}
