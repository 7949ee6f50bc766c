/** HTTP plumbing shared by the routes: error bodies, bearer authentication and body validation. */
import { AppError, ErrorCode, type HttpError } from '@rvw/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { authenticateAgent, authenticateKiosk, type AgentPrincipal } from '../auth/accounts';
import { bearerToken } from '../auth/tokens';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { ServerError, httpStatus } from '../errors';
import { describeZodError } from '../socket/dispatch';

/** Sends an AppError as the HttpError body with its status. */
export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  const body: HttpError = { error: { code: err.code, message: err.message } };
  return reply.status(httpStatus(err.code)).send(body);
}

/** Validates a body against a shared schema; BAD_PAYLOAD names the first wrong field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw ServerError.badPayload(describeZodError(parsed.error));
  return parsed.data;
}

/** Who may call authenticated routes, resolved from `Authorization: Bearer <token>`. */
export function authHelpers(deps: { db: Db; clock: Clock }) {
  const tokenOf = (req: FastifyRequest): string => {
    const header = req.headers.authorization;
    if (!header) throw ServerError.authMissing();
    const token = bearerToken(header);
    if (!token) throw ServerError.authInvalid();
    return token;
  };
  return {
    tokenOf,
    /** The signed-in agent (any role). */
    async agent(req: FastifyRequest): Promise<AgentPrincipal> {
      const who = await authenticateAgent(deps.db, tokenOf(req), deps.clock());
      if (!who) throw ServerError.authInvalid();
      return who;
    },
    /** The signed-in admin; FORBIDDEN for an agent. */
    async admin(req: FastifyRequest): Promise<AgentPrincipal> {
      const who = await authenticateAgent(deps.db, tokenOf(req), deps.clock());
      if (!who) throw ServerError.authInvalid();
      if (who.role !== 'admin') throw ServerError.forbidden('Only an admin may manage accounts and kiosks.');
      return who;
    },
    /** The kiosk a kiosk token belongs to. */
    async kiosk(req: FastifyRequest) {
      const kiosk = await authenticateKiosk(deps.db, tokenOf(req));
      if (!kiosk) throw ServerError.authInvalid();
      return kiosk;
    },
  };
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
      const e = ServerError.badPayload(
        status === 413 ? 'the body is too large' : 'the request body could not be read',
      );
      return reply
        .status(status === 413 || status === 415 ? status : 400)
        .send({ error: { code: e.code, message: e.message } });
    }
    req.log.error({ err }, 'request failed');
    return sendError(reply, ServerError.internal());
  });
}
