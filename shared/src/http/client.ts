/**
 * The typed HTTP client every front end derives from the route table: one method per route, which
 * fills the path, sends the bearer token, validates the answer with the route's response schema, and
 * turns every failure into an `HttpClientError` with a stable code — the server's own code from its
 * error body, or UNREACHABLE / BAD_RESPONSE from the client's side.
 */
import { RvwError } from '../errors/base';
import { HttpClientErrorCode, type ErrorCode } from '../errors/codes';
import { ErrorCode as Codes } from '../errors/codes';
import { HttpError, routePath, type HttpRoute, type RouteInput, type RouteResponse } from './route';

/** A failed HTTP call: a server code or one of the client's own codes, and the HTTP status (0 if none). */
export class HttpClientError extends RvwError<ErrorCode | HttpClientErrorCode> {
  constructor(
    code: ErrorCode | HttpClientErrorCode,
    message: string,
    /** HTTP status when the error came from an HTTP answer; 0 otherwise. */
    readonly status = 0,
  ) {
    super(code, message);
    this.name = 'HttpClientError';
  }

  /** The server could not be reached; `detail` is a short technical reason. */
  static unreachable(detail: string, status = 0): HttpClientError {
    return new HttpClientError(
      HttpClientErrorCode.Unreachable,
      `The server could not be reached: ${detail}.`,
      status,
    );
  }
  /** The server's answer did not have the documented shape. */
  static badResponse(what: string, status = 0): HttpClientError {
    return new HttpClientError(
      HttpClientErrorCode.BadResponse,
      `Unexpected answer from the server for ${what}.`,
      status,
    );
  }
}

/** How a client reaches the server. */
export interface HttpClientOptions {
  /** Prefix of every path, e.g. `http://127.0.0.1:8080`; default '' (same origin). */
  baseUrl?: string;
  /** The fetch to use; default the global fetch. */
  fetch?: typeof fetch;
  /** The bearer token, or a function read at each call; none for public routes. */
  token?: string | null | (() => string | null | undefined);
  /** Abort a call after this many milliseconds (UNREACHABLE); default no limit. */
  timeoutMs?: number;
}

/** A method of the client: its input is optional when the route takes none. */
export type HttpClientMethod<R extends HttpRoute> =
  object extends RouteInput<R>
    ? (input?: RouteInput<R>) => Promise<RouteResponse<R>>
    : (input: RouteInput<R>) => Promise<RouteResponse<R>>;

/** One typed method per route of the table. */
export type HttpClient<Routes extends Record<string, HttpRoute>> = {
  [K in keyof Routes]: HttpClientMethod<Routes[K]>;
};

/** Builds a typed client over a route table (normally `httpRoutes`). */
export function createHttpClient<Routes extends Record<string, HttpRoute>>(
  routes: Routes,
  options: HttpClientOptions = {},
): HttpClient<Routes> {
  const client = {} as Record<string, (input?: Record<string, unknown>) => Promise<unknown>>;
  for (const [name, route] of Object.entries(routes)) {
    client[name] = (input = {}) => callRoute(route, name, input, options);
  }
  return client as HttpClient<Routes>;
}

/** The media type of a Content-Type header, without parameters, in lower case. */
function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Performs one call of a route; see createHttpClient. A `rawBody` route sends `input.body` (bytes)
 * with `input.contentType`; a `binary` route answers with the bytes as a Uint8Array (its media type
 * must be one the route names, or BAD_RESPONSE).
 */
export async function callRoute(
  route: HttpRoute,
  name: string,
  input: { params?: unknown; query?: unknown; body?: unknown; contentType?: unknown },
  options: HttpClientOptions = {},
): Promise<unknown> {
  let url =
    (options.baseUrl ?? '').replace(/\/+$/, '') + routePath(route, input.params as Record<string, unknown>);
  if (input.query && typeof input.query === 'object') {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(input.query)) if (v !== undefined && v !== null) q.set(k, String(v));
    const s = q.toString();
    if (s) url += `?${s}`;
  }
  const accepted = route.binary ? [route.binary.contentType].flat() : null;
  const headers: Record<string, string> = {
    accept: accepted ? [...accepted, 'application/json'].join(', ') : 'application/json',
  };
  let body: BodyInit | undefined;
  if (route.rawBody) {
    if (!(input.body instanceof Uint8Array) || typeof input.contentType !== 'string')
      throw new TypeError(`${name} sends raw bytes: pass { body: Uint8Array, contentType }`);
    headers['content-type'] = input.contentType;
    body = input.body as Uint8Array<ArrayBuffer>;
  } else if (input.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(input.body);
  }
  const token = typeof options.token === 'function' ? options.token() : options.token;
  if (token) headers.authorization = `Bearer ${token}`;

  let res: Response;
  let raw: Uint8Array;
  try {
    res = await (options.fetch ?? fetch)(url, {
      method: route.method,
      headers,
      body,
      signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    });
    raw = new Uint8Array(await res.arrayBuffer().catch(() => new ArrayBuffer(0)));
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    throw HttpClientError.unreachable(
      timedOut ? 'timed out' : err instanceof Error ? err.message : 'network error',
    );
  }
  if (res.ok && accepted) {
    // Compared without parameters on either side: `text/csv; charset=utf-8` is `text/csv`.
    if (!accepted.map(mediaType).includes(mediaType(res.headers.get('content-type'))))
      throw HttpClientError.badResponse(name, res.status);
    const parsed = route.response.safeParse(raw);
    if (!parsed.success) throw HttpClientError.badResponse(name, res.status);
    return parsed.data;
  }
  const text = new TextDecoder().decode(raw);
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
    if (body.success) throw new HttpClientError(body.data.error.code, body.data.error.message, res.status);
    // A proxy's 502/503/504 page means the server behind it is down.
    if (res.status === 502 || res.status === 503 || res.status === 504) {
      throw HttpClientError.unreachable(`HTTP ${res.status}`, res.status);
    }
    throw new HttpClientError(Codes.Internal, `HTTP ${res.status} from ${route.path}`, res.status);
  }
  const parsed = route.response.safeParse(json);
  if (!parsed.success) throw HttpClientError.badResponse(name, res.status);
  return parsed.data;
}
