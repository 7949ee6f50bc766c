/**
 * Registers the HTTP routes of the contract (`httpRoutes`) on Fastify, with the handlers each area
 * supplies: for every call it enforces the route's roles, validates params, query and body with the
 * route's schemas, runs the handler, and validates the answer before sending it with the route's
 * status. Handlers never see an unchecked request, and clients never get an undocumented answer.
 *
 * A `binary` route sends the handler's bytes with its content type (never cached). A `rawBody` route
 * is registered in a context of its own that parses only its content types, as bytes, up to its own
 * `maxBytes` (the server's JSON limit stays for every other route); the caller is authenticated
 * before the body is read, and an oversized or mistyped body is PAYLOAD_TOO_LARGE or UNSUPPORTED_MEDIA.
 */
import {
  AuthError,
  RequestError,
  type HttpRoute,
  type Kiosk,
  type RouteRequest,
  type RouteResponse,
} from '@rvw/shared';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { AgentPrincipal } from '../accounts/account-store';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { authenticate, parseWith, tokenOf } from './http-support';

/** Who called: nobody in particular (public route), a signed-in account, or an enrolled kiosk. */
export type Caller =
  | { kind: 'public' }
  | { kind: 'account'; principal: AgentPrincipal; token: string }
  | { kind: 'kiosk'; kiosk: Kiosk };

/** What a handler gets besides the validated request. */
export interface RouteContext {
  caller: Caller;
  log: FastifyBaseLogger;
  /** The client's address (behind trusted proxies, from X-Forwarded-For). */
  address: string;
  /** The request's media type (Content-Type without parameters, lower case), if it sent one. */
  contentType: string | undefined;
  /**
   * On a `binary` route whose content type is a list: which one the answer is (default the first).
   * INTERNAL for a type the route does not name.
   */
  setContentType(type: string): void;
}

/** Handles one validated call; its result is validated against the route's response schema. */
export type RouteHandle<R extends HttpRoute> = (
  request: RouteRequest<R>,
  ctx: RouteContext,
) => Promise<RouteResponse<R>>;

/**
 * A route's handler: the function, or the function with a `precheck` of the raw body that runs
 * after authentication and before the schema (so a refusal can say why in the caller's terms).
 */
export type RouteHandler<R extends HttpRoute> =
  RouteHandle<R> | { precheck(rawBody: unknown): void; handle: RouteHandle<R> };

/** One handler per route of a table. */
export type RouteHandlers<Routes extends Record<string, HttpRoute>> = {
  [K in keyof Routes]: RouteHandler<Routes[K]>;
};

/** The signed-in account of a call on an account route (INTERNAL if the route let anyone else in). */
export function accountOf(ctx: RouteContext): AgentPrincipal {
  if (ctx.caller.kind !== 'account') throw RequestError.internal();
  return ctx.caller.principal;
}

/** The kiosk of a call on a kiosk route. */
export function kioskOf(ctx: RouteContext): Kiosk {
  if (ctx.caller.kind !== 'kiosk') throw RequestError.internal();
  return ctx.caller.kiosk;
}

/** Registers every route of `routes` with its handler. */
export function registerRoutes<Routes extends Record<string, HttpRoute>>(
  app: FastifyInstance,
  routes: Routes,
  handlers: RouteHandlers<Routes>,
  deps: { db: Db; clock: Clock },
): void {
  for (const [name, route] of Object.entries(routes) as Array<[keyof Routes & string, HttpRoute]>) {
    const handler = handlers[name] as RouteHandler<HttpRoute>;
    if (route.rawBody) {
      const raw = route.rawBody;
      // A context of its own: only this route parses these types, with its own limit.
      void app.register(async (child) => {
        child.removeAllContentTypeParsers();
        child.addContentTypeParser(
          [...raw.contentTypes],
          { parseAs: 'buffer', bodyLimit: raw.maxBytes },
          (_req, body, done) => done(null, body),
        );
        child.setErrorHandler((err: FastifyError) => {
          if (err.statusCode === 413) throw RequestError.payloadTooLarge(raw.maxBytes);
          if (err.statusCode === 415)
            throw RequestError.unsupportedMedia(`send ${raw.contentTypes.join(' or ')}`);
          throw err;
        });
        mountRoute(child, name, route, handler, deps);
      });
    } else mountRoute(app, name, route, handler, deps);
  }
}

/** The media type of a Content-Type header, without parameters, in lower case. */
function mediaTypeOf(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

// The caller of a raw upload, authenticated before its body is read.
const uploadCallers = new WeakMap<FastifyRequest, Caller>();

function mountRoute(
  app: FastifyInstance,
  name: string,
  route: HttpRoute,
  handler: RouteHandler<HttpRoute>,
  deps: { db: Db; clock: Clock },
): void {
  const handle = typeof handler === 'function' ? handler : handler.handle;
  const precheck = typeof handler === 'function' ? undefined : handler.precheck;
  const binaryTypes = route.binary ? [route.binary.contentType].flat() : [];
  app.route({
    method: route.method,
    url: route.path,
    ...(route.rawBody
      ? {
          bodyLimit: route.rawBody.maxBytes,
          onRequest: async (req: FastifyRequest) =>
            void uploadCallers.set(req, await callerOf(req, route, deps)),
        }
      : {}),
    handler: async (req, reply) => {
      const caller = uploadCallers.get(req) ?? (await callerOf(req, route, deps));
      precheck?.(req.body);
      let body: unknown = undefined;
      if (route.body) body = parseWith(route.body, req.body);
      else if (route.rawBody) {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw RequestError.unsupportedMedia('the body is empty');
        body = req.body;
      }
      const request = {
        params: route.params ? parseWith(route.params, req.params) : {},
        query: route.query ? parseWith(route.query, req.query) : {},
        body,
      } as RouteRequest<HttpRoute>;
      let answerType = binaryTypes[0];
      const result = await handle(request, {
        caller,
        log: req.log,
        address: req.ip,
        contentType: mediaTypeOf(req.headers['content-type']),
        setContentType(type) {
          if (!binaryTypes.includes(type)) throw RequestError.internal();
          answerType = type;
        },
      });
      const answer = route.response.safeParse(result);
      if (!answer.success) {
        req.log.error(
          { route: name, issues: answer.error.issues.length },
          'answer does not match its schema',
        );
        throw RequestError.internal();
      }
      if (answerType !== undefined) {
        const bytes = answer.data as Uint8Array;
        return reply
          .status(route.status ?? 200)
          .header('content-type', answerType)
          .header('cache-control', 'no-store')
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }
      return reply.status(route.status ?? 200).send(answer.data);
    },
  });
}

/** Authenticates a call as the route's roles demand: AUTH_MISSING, AUTH_INVALID or FORBIDDEN. */
async function callerOf(
  req: FastifyRequest,
  route: HttpRoute,
  deps: { db: Db; clock: Clock },
): Promise<Caller> {
  const roles = route.roles as readonly string[];
  if (roles.includes('public')) return { kind: 'public' };
  const token = tokenOf(req);
  const who = await authenticate(deps, token, {
    account: roles.includes('agent') || roles.includes('admin') || roles.includes('technician'),
    kiosk: roles.includes('kiosk'),
  });
  if (!who) throw AuthError.invalid();
  if (who.kind === 'kiosk') return who;
  if (!roles.includes(who.principal.role)) {
    throw AuthError.forbidden(
      roles.includes('admin') ? 'Only an admin (supervisor) may do this.' : 'Your role may not do this.',
    );
  }
  return { kind: 'account', principal: who.principal, token };
}
