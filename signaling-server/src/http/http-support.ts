/** HTTP plumbing shared by the routes: error bodies, bearer authentication and schema validation. */
import { AppError, AuthError, ErrorCode, RequestError, type HttpError, type Kiosk } from '@rvw/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { authenticateAgent, type AgentPrincipal } from '../accounts/account-store';
import { bearerToken } from '../accounts/tokens';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { httpStatus, retryAfterOf, toAppError } from '../errors';
import { authenticateKiosk } from '../kiosks/kiosk-store';
import { describeZodError } from '../socket/dispatch';

/** Sends an AppError as the HttpError body with its status (and Retry-After when it has one). */
export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  const body: HttpError = { error: { code: err.code, message: err.message } };
  const retryAfter = retryAfterOf(err);
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  return reply.status(httpStatus(err.code)).send(body);
}

/** Validates a request part against a shared schema; BAD_PAYLOAD names the first wrong field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw RequestError.badPayload(describeZodError(parsed.error));
  return parsed.data;
}

/** The bearer token of a request: AUTH_MISSING without the header, AUTH_INVALID when malformed. */
export function tokenOf(req: FastifyRequest): string {
  const header = req.headers.authorization;
  if (!header) throw AuthError.missing();
  const token = bearerToken(header);
  if (!token) throw AuthError.invalid();
  return token;
}

/** Whose token it is, among the kinds a route accepts; null when it is none of them. */
export async function authenticate(
  deps: { db: Db; clock: Clock },
  token: string,
  accepts: { account: boolean; kiosk: boolean },
): Promise<{ kind: 'account'; principal: AgentPrincipal } | { kind: 'kiosk'; kiosk: Kiosk } | null> {
  if (accepts.account) {
    const principal = await authenticateAgent(deps.db, token, deps.clock());
    if (principal) return { kind: 'account', principal };
  }
  if (accepts.kiosk) {
    const kiosk = await authenticateKiosk(deps.db, token);
    if (kiosk) return { kind: 'kiosk', kiosk };
  }
  return null;
}

/** Maps every error to the HttpError shape: AppErrors keep their code, Fastify's 4xx become BAD_PAYLOAD. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === ErrorCode.Internal) req.log.error({ err }, 'request failed');
      return sendError(reply, err);
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if ((err as FastifyError).validation || (status >= 400 && status < 500)) {
      // Unparseable JSON, a wrong content type or a body over the limit: all bad payloads.
      const e = RequestError.badPayload(
        status === 413 ? 'the body is too large' : 'the request body could not be read',
      );
      return reply
        .status(status === 413 || status === 415 ? status : 400)
        .send({ error: { code: e.code, message: e.message } });
    }
    const e = toAppError(err);
    // A failing store's cause is logged (sampled) by the storage health; the rest is a bug.
    if (e.code === ErrorCode.Internal) req.log.error({ err }, 'request failed');
    return sendError(reply, e);
  });
}
