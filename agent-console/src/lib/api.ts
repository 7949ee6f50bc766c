/**
 * The HTTP API as the console uses it. Every failure becomes a ConsoleError with a stable code:
 * the server's own code from its HttpError body, or UNREACHABLE / BAD_RESPONSE from this side.
 */
import {
  Agent,
  CreateKioskResponse,
  HttpError,
  Kiosk,
  LoginResponse,
  type CreateAgentRequest,
  type CreateKioskRequest,
  type LoginRequest,
} from '@rvw/shared';
import { ConsoleError } from './errors';

/** The part of a zod schema the parser needs (the console takes zod only through @rvw/shared). */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** How a request is made: method, JSON body, bearer token. */
interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string;
}

/** Sends one request and returns the parsed JSON of a 2xx answer (undefined for an empty body). */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw ConsoleError.unreachable(err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const body = HttpError.safeParse(json);
    if (body.success) throw ConsoleError.fromServer(body.data.error, res.status);
    // A proxy's 502/504 page means the server behind it is down.
    if (res.status === 502 || res.status === 503 || res.status === 504) {
      throw ConsoleError.unreachable(`HTTP ${res.status}`);
    }
    throw new ConsoleError('INTERNAL', `HTTP ${res.status} from ${path}`, res.status);
  }
  return json;
}

/**
 * Parses an answer that is either the bare value or the value wrapped as `{ [key]: value }`:
 * the console accepts both so that it does not break on a server that wraps its lists.
 */
export function parseMaybeWrapped<T>(schema: Schema<T>, key: string, json: unknown, what: string): T {
  const bare = schema.safeParse(json);
  if (bare.success) return bare.data;
  if (json && typeof json === 'object' && key in json) {
    const inner = schema.safeParse((json as Record<string, unknown>)[key]);
    if (inner.success) return inner.data;
  }
  throw ConsoleError.badResponse(what);
}

/** POST /api/auth/login. */
export async function login(request: LoginRequest): Promise<LoginResponse> {
  const json = await apiRequest('/api/auth/login', { method: 'POST', body: request });
  const parsed = LoginResponse.safeParse(json);
  if (!parsed.success) throw ConsoleError.badResponse('login');
  return parsed.data;
}

/** POST /api/auth/logout; failures are ignored by callers (the token is dropped locally anyway). */
export async function logout(token: string): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST', token, body: {} });
}

/** GET /api/me: the signed-in account (accepts `Agent` or `{ agent }`). */
export async function fetchMe(token: string): Promise<Agent> {
  return parseMaybeWrapped(Agent, 'agent', await apiRequest('/api/me', { token }), '/api/me');
}

/** GET /api/admin/kiosks (accepts `Kiosk[]` or `{ kiosks }`). */
export async function listKiosks(token: string): Promise<Kiosk[]> {
  const json = await apiRequest('/api/admin/kiosks', { token });
  return parseMaybeWrapped(Kiosk.array(), 'kiosks', json, 'the kiosk list');
}

/** POST /api/admin/kiosks: the secret token is in this answer only. */
export async function createKiosk(token: string, request: CreateKioskRequest): Promise<CreateKioskResponse> {
  const json = await apiRequest('/api/admin/kiosks', { method: 'POST', token, body: request });
  const parsed = CreateKioskResponse.safeParse(json);
  if (!parsed.success) throw ConsoleError.badResponse('kiosk enrolment');
  return parsed.data;
}

/** GET /api/admin/agents (accepts `Agent[]` or `{ agents }`). */
export async function listAgents(token: string): Promise<Agent[]> {
  const json = await apiRequest('/api/admin/agents', { token });
  return parseMaybeWrapped(Agent.array(), 'agents', json, 'the agent list');
}

/** POST /api/admin/agents (accepts `Agent` or `{ agent }`). */
export async function createAgent(token: string, request: CreateAgentRequest): Promise<Agent> {
  const json = await apiRequest('/api/admin/agents', { method: 'POST', token, body: request });
  return parseMaybeWrapped(Agent, 'agent', json, 'account creation');
}
