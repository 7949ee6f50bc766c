/**
 * The one wrapper every client event goes through: credential still valid, rate limit (shared by
 * the credential's sockets), role check, payload validation with
 * the shared zod schema, in-order processing per socket, and an acknowledgement for every outcome.
 * Bad input never throws out of here and never disconnects anyone.
 */
import {
  AuthError,
  RequestError,
  type AppError,
  ackFail,
  ackOk,
  clientEvents,
  type Ack,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
} from '@rvw/shared';
import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import { toAppError } from '../errors';
import type { RvwSocket, SocketData } from './types';

/** Handles one validated event from an authorized sender; its result becomes the ack's data. */
export type EventHandler<E extends ClientEventName> = (
  socket: RvwSocket & { data: SocketData },
  payload: ClientPayload<E>,
) => Promise<ClientAckData<E>>;

/** One handler per client event. */
export type EventHandlers = { [E in ClientEventName]: EventHandler<E> };

/** A readable sentence from the first zod issue (path and message; never the value). */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const path = issue.path.length ? issue.path.map(String).join('.') : 'payload';
  return `${path}: ${issue.message}`;
}

function isClientEvent(name: string): name is ClientEventName {
  return Object.prototype.hasOwnProperty.call(clientEvents, name);
}

/** What dispatch asks of the connection core for every event. */
export interface DispatchGuards {
  log: Logger;
  /** The credential's error if it is no longer valid (expired), else null: checked on every event. */
  credentialError(): AppError | null;
  /** Tells the socket its credential ended and disconnects it. */
  endCredential(error: AppError): void;
  /** Takes one event from the credential's shared budget; false means RATE_LIMITED. */
  take(): boolean;
  /** Told every event's result code (`OK` or the error code), acknowledged or not: the metrics. */
  settled?(event: string, code: string): void;
}

/** Attaches dispatch to a connected socket. */
export function attachDispatch(socket: RvwSocket, handlers: EventHandlers, opts: DispatchGuards): void {
  // Events of one socket are processed one after another, so that a relayed offer is never
  // overtaken by its own ICE candidates, nor a signal by the session:end that followed it.
  let chain: Promise<void> = Promise.resolve();

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const ack =
      typeof args[args.length - 1] === 'function' ? (args.pop() as (res: Ack<unknown>) => void) : null;
    const reply = (res: Ack<unknown>) => {
      opts.settled?.(String(event), res.ok ? 'OK' : res.error.code);
      if (!ack) return;
      try {
        ack(res);
      } catch (err) {
        opts.log.warn({ err, event }, 'ack callback threw');
      }
    };
    const fail = (e: AppError) => reply(ackFail(e.code, e.message));

    // Cheap (a timestamp in socket.data): an expired login is ended before it can do anything.
    const ended = opts.credentialError();
    if (ended) {
      fail(ended);
      return opts.endCredential(ended);
    }
    if (!opts.take()) {
      opts.log.warn(
        { event: String(event), socketId: socket.id, code: 'RATE_LIMITED' },
        'socket event refused',
      );
      return fail(RequestError.rateLimited());
    }
    if (typeof event !== 'string' || !isClientEvent(event)) {
      // Unknown events are ignored; a client waiting for an answer is told why.
      return fail(RequestError.badPayload(`unknown event "${String(event).slice(0, 40)}"`));
    }
    const spec = clientEvents[event];
    const data = socket.data as SocketData | undefined;
    if (!data || !(spec.from as readonly string[]).includes(data.kind)) {
      return fail(AuthError.forbidden(`A ${data?.kind ?? 'client'} may not send ${event}.`));
    }
    // A technician's socket only hears the fleet's pushes; their work is the fleet's HTTP routes.
    if (data.kind === 'agent' && data.role === 'technician') {
      return fail(AuthError.forbidden(`A technician may not send ${event}.`));
    }
    const parsed = spec.payload.safeParse(args[0]);
    if (!parsed.success) return fail(RequestError.badPayload(describeZodError(parsed.error)));

    chain = chain.then(async () => {
      try {
        const handler = handlers[event] as EventHandler<ClientEventName>;
        const result = await handler(socket as RvwSocket & { data: SocketData }, parsed.data as never);
        reply(ackOk(result));
      } catch (err) {
        const e = toAppError(err);
        if (e.code === 'INTERNAL') opts.log.error({ err, event, socketId: socket.id }, 'socket event failed');
        else opts.log.info({ event, socketId: socket.id, code: e.code }, 'socket event refused');
        fail(e);
      }
    });
  });
}
