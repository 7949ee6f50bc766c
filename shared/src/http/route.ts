/**
 * The shape of one HTTP route in the contract: method, path, who may call it, and the zod schemas of
 * its request (params, query, body) and its success response. Each area has a file of routes; they
 * merge into `httpRoutes` (index.ts), from which the server registers its handlers and clients derive
 * typed methods.
 */
import { z } from 'zod';
import { ErrorCodeSchema } from '../errors';

/** Who may call a route: anyone, a signed-in agent, a signed-in admin (supervisor), an enrolled kiosk. */
export const CallerRole = z.enum(['public', 'agent', 'admin', 'technician', 'kiosk']);
export type CallerRole = z.infer<typeof CallerRole>;

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of the contract. `path` uses `:name` for path parameters (Fastify's syntax). */
export interface HttpRoute {
  method: HttpMethod;
  path: string;
  /** Who may call it; `public` means no credentials. Never mixes `public` with others. */
  roles: readonly CallerRole[];
  /** Path parameters, when the path has any. */
  params?: z.ZodType;
  /** Query string, when the route takes one. */
  query?: z.ZodType;
  /** JSON body, for routes that take one. */
  body?: z.ZodType;
  /** The success answer's body. */
  response: z.ZodType;
  /** The success status; default 200. */
  status?: number;
  /**
   * A route whose success answer is raw bytes (a PDF, an image) instead of JSON: `response` is then
   * `z.instanceof(Uint8Array)`, the server sends the handler's bytes with `contentType`, and the
   * client returns them as a Uint8Array.
   */
  binary?: { contentType: string | readonly string[] };
  /**
   * A route whose request body is raw bytes (an image upload) instead of JSON: the server accepts
   * only these content types and at most `maxBytes` (UNSUPPORTED_MEDIA, PAYLOAD_TOO_LARGE
   * otherwise) and hands the handler the bytes (a Uint8Array) as `body`; a client sends `{ body, contentType }`.
   */
  rawBody?: { contentTypes: readonly string[]; maxBytes: number };
}

/** An area's routes, keyed by a camelCase name that becomes the client's method name. */
export type HttpRouteSlice = Record<string, HttpRoute>;

/** Every HTTP error body. */
export const HttpError = z.object({ error: z.object({ code: ErrorCodeSchema, message: z.string() }) });
export type HttpError = z.infer<typeof HttpError>;

/** The request a route takes, as its caller supplies it (only the parts the route declares). */
export type RouteInput<R extends HttpRoute> = (R extends { params: infer P extends z.ZodType }
  ? { params: z.input<P> }
  : unknown) &
  (R extends { query: infer Q extends z.ZodType }
    ? // A query whose fields are all optional may be left out.
      Record<string, never> extends z.input<Q>
      ? { query?: z.input<Q> }
      : { query: z.input<Q> }
    : unknown) &
  (R extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown) &
  // A raw upload: its bytes and their content type (one of the route's `rawBody.contentTypes`).
  (R extends { rawBody: object } ? { body: Uint8Array; contentType: string } : unknown);

/** The request a route's handler receives, after validation. */
export type RouteRequest<R extends HttpRoute> = {
  params: R extends { params: infer P extends z.ZodType } ? z.output<P> : Record<string, never>;
  query: R extends { query: infer Q extends z.ZodType } ? z.output<Q> : Record<string, never>;
  body: R extends { body: infer B extends z.ZodType }
    ? z.output<B>
    : R extends { rawBody: object }
      ? Uint8Array
      : undefined;
};

/** A route's success answer as its caller receives it. */
export type RouteResponse<R extends HttpRoute> = z.output<R['response']>;

/** The path of a route with its parameters filled in (each value URI-encoded). */
export function routePath(route: Pick<HttpRoute, 'path'>, params: Record<string, unknown> = {}): string {
  return route.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new TypeError(`missing path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}
