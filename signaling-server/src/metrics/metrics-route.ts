/**
 * `GET /metrics` (Prometheus text) and the HTTP duration hook. Access: the configured bearer token
 * (RVW_METRICS_TOKEN), or, when none is configured, callers on the loopback interface only. Refusals
 * use the server's JSON error shape: AUTH_MISSING / AUTH_INVALID (401), FORBIDDEN (403).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthError, type AppError } from '@rvw/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken } from '../accounts/tokens';
import { sendError } from '../http/http-support';
import type { ServerMetrics } from './server-metrics';

/** The path Prometheus scrapes. */
export const METRICS_PATH = '/metrics';

/** True for 127.0.0.0/8 and ::1 (also as IPv4-mapped IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Why a request may not read the metrics, or null when it may. */
export function metricsRefusal(req: FastifyRequest, token: string | null): AppError | null {
  if (token === null) {
    // req.ip is the client after the trusted proxies: a remote caller behind a local proxy is not local.
    return isLoopback(req.ip)
      ? null
      : AuthError.forbidden(
          'The metrics are served to this machine only; configure RVW_METRICS_TOKEN to scrape them from elsewhere.',
        );
  }
  const header = req.headers.authorization;
  if (!header) return AuthError.missing();
  const given = bearerToken(header);
  // Compared as digests, in constant time, so the token's length does not leak either.
  if (!given || !timingSafeEqual(digest(given), digest(token))) return AuthError.invalid();
  return null;
}

/** Mounts the duration hook (every route registered on `app`) and `GET /metrics`. */
export function registerMetrics(app: FastifyInstance, metrics: ServerMetrics, token: string | null): void {
  app.addHook('onResponse', async (req, reply) => {
    // The route's pattern (/api/sessions/:id), never the URL, which holds ids; unmatched for 404s.
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpRequest(route, req.method, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get(METRICS_PATH, async (req, reply) => {
    const refused = metricsRefusal(req, token);
    if (refused) return sendError(reply, refused);
    const text = await metrics.text();
    return reply.type(metrics.registry.contentType).send(text);
  });
}
