/**
 * A real TURN allocation (RFC 5766 §6) with long-term credentials: Allocate, the server's 401 with
 * REALM and NONCE, Allocate again with USERNAME/REALM/NONCE/MESSAGE-INTEGRITY, the relayed address
 * from the success; then Refresh with LIFETIME 0 frees it. A stale nonce (438) is retried once.
 */
import {
  decodeErrorCode,
  decodeXorAddress,
  lifetime,
  longTermKey,
  requestedTransport,
  textAttribute,
} from './stun-attributes';
import type { StunErrorCode, TransportAddress } from './stun-attributes';
import {
  Attr,
  decodeMessage,
  encodeMessage,
  findAttribute,
  MessageClass,
  Method,
  newTransactionId,
  StunDecodeError,
  verifyIntegrity,
} from './stun-message';
import type { StunAttribute, StunMessage } from './stun-message';
import { openStunTransport, StunTransportError } from './stun-transport';
import type { StunTarget, StunTransport, TransportFailure } from './stun-transport';

/** What to allocate on. */
export interface AllocateOptions {
  target: StunTarget;
  /** Long-term credential username; default none (the server must then not ask). */
  username?: string;
  /** Long-term credential password. */
  credential?: string;
  /** Time allowed for each exchange, in ms. */
  timeoutMs: number;
  /** The clock (tests); default Date.now. */
  now?: () => number;
}

/** Why an allocation failed. */
export type AllocateFailure =
  | { kind: 'unreachable'; reason: TransportFailure; message: string }
  /** 401 after credentials were sent, or the server asked and none were given. */
  | { kind: 'credentials'; error?: StunErrorCode; given: boolean }
  /** 486 Allocation Quota Reached. */
  | { kind: 'quota'; error: StunErrorCode }
  /** Any other error response. */
  | { kind: 'error'; error: StunErrorCode }
  /** An answer that is not the TURN the doctor expects. */
  | { kind: 'protocol'; message: string };

/** The outcome of allocateRelay. */
export type AllocateOutcome =
  | {
      ok: true;
      relayed: TransportAddress;
      /** This machine's address as the server saw it. */
      mapped?: TransportAddress;
      realm?: string;
      /** Round trip of the authenticated Allocate, in ms. */
      roundTripMs: number;
      /** Whether the Refresh with LIFETIME 0 was accepted. */
      freed: boolean;
    }
  | { ok: false; failure: AllocateFailure };

class Failed extends Error {
  constructor(readonly failure: AllocateFailure) {
    super(failure.kind);
  }
}

interface Credentials {
  username: string;
  realm: string;
  nonce: string;
  key: Buffer;
}

async function exchange(
  transport: StunTransport,
  method: number,
  attributes: StunAttribute[],
  creds: Credentials | null,
  timeoutMs: number,
): Promise<StunMessage> {
  const transactionId = newTransactionId();
  const all = creds
    ? [
        ...attributes,
        textAttribute(Attr.Username, creds.username),
        textAttribute(Attr.Realm, creds.realm),
        textAttribute(Attr.Nonce, creds.nonce),
      ]
    : attributes;
  const bytes = encodeMessage(
    { method, cls: MessageClass.Request, transactionId, attributes: all },
    { fingerprint: true, ...(creds ? { integrityKey: creds.key } : {}) },
  );
  const answer = decodeMessage(await transport.request(bytes, transactionId, timeoutMs));
  if (
    answer.method !== method ||
    (answer.cls !== MessageClass.Success && answer.cls !== MessageClass.Error)
  ) {
    throw new StunDecodeError(
      `answer of method 0x${answer.method.toString(16)}, class 0x${answer.cls.toString(16)}`,
    );
  }
  return answer;
}

function errorOf(m: StunMessage): StunErrorCode {
  const value = findAttribute(m, Attr.ErrorCode);
  if (!value) throw new StunDecodeError('an error response without ERROR-CODE');
  return decodeErrorCode(value);
}

/** An exchange with credentials; a 438 Stale Nonce is retried once with the new nonce. */
async function authenticated(
  transport: StunTransport,
  method: number,
  attributes: StunAttribute[],
  creds: Credentials,
  timeoutMs: number,
): Promise<StunMessage> {
  let answer = await exchange(transport, method, attributes, creds, timeoutMs);
  const nonce = findAttribute(answer, Attr.Nonce);
  if (answer.cls === MessageClass.Error && errorOf(answer).code === 438 && nonce) {
    creds.nonce = nonce.toString('utf8');
    answer = await exchange(transport, method, attributes, creds, timeoutMs);
  }
  return answer;
}

function refused(error: StunErrorCode, given: boolean): Failed {
  if (error.code === 401) return new Failed({ kind: 'credentials', error, given });
  if (error.code === 486) return new Failed({ kind: 'quota', error });
  return new Failed({ kind: 'error', error });
}

async function allocateOn(transport: StunTransport, options: AllocateOptions) {
  const now = options.now ?? Date.now;
  const given = options.username !== undefined && options.credential !== undefined;
  let started = now();
  let answer = await exchange(transport, Method.Allocate, [requestedTransport()], null, options.timeoutMs);
  let creds: Credentials | null = null;
  if (answer.cls === MessageClass.Error) {
    const error = errorOf(answer);
    const realm = findAttribute(answer, Attr.Realm)?.toString('utf8');
    const nonce = findAttribute(answer, Attr.Nonce)?.toString('utf8');
    if (error.code !== 401) throw refused(error, false);
    if (!given) throw new Failed({ kind: 'credentials', error, given: false });
    if (realm === undefined || nonce === undefined) {
      throw new StunDecodeError('401 without REALM and NONCE (not long-term credentials)');
    }
    const key = longTermKey(options.username!, realm, options.credential!);
    creds = { username: options.username!, realm, nonce, key };
    started = now();
    answer = await authenticated(
      transport,
      Method.Allocate,
      [requestedTransport()],
      creds,
      options.timeoutMs,
    );
    if (answer.cls === MessageClass.Error) throw refused(errorOf(answer), true);
    if (!verifyIntegrity(answer.raw!, key)) {
      throw new StunDecodeError('the success does not carry a MESSAGE-INTEGRITY made with these credentials');
    }
  }
  const roundTripMs = now() - started;
  const relayedValue = findAttribute(answer, Attr.XorRelayedAddress);
  if (!relayedValue) throw new StunDecodeError('the Allocate success has no XOR-RELAYED-ADDRESS');
  const relayed = decodeXorAddress(relayedValue, answer.transactionId);
  const mappedValue = findAttribute(answer, Attr.XorMappedAddress);
  const mapped = mappedValue ? decodeXorAddress(mappedValue, answer.transactionId) : undefined;

  // Free the relay at once: the doctor only proves it can be had.
  const refresh = creds
    ? await authenticated(transport, Method.Refresh, [lifetime(0)], creds, options.timeoutMs)
    : await exchange(transport, Method.Refresh, [lifetime(0)], null, options.timeoutMs);
  return {
    ok: true as const,
    relayed,
    ...(mapped ? { mapped } : {}),
    ...(creds ? { realm: creds.realm } : {}),
    roundTripMs,
    freed: refresh.cls === MessageClass.Success,
  };
}

/** Allocates a relay on the TURN server and frees it; never throws. */
export async function allocateRelay(options: AllocateOptions): Promise<AllocateOutcome> {
  let transport: StunTransport | null = null;
  try {
    transport = await openStunTransport(options.target, options.timeoutMs);
    return await allocateOn(transport, options);
  } catch (err) {
    if (err instanceof Failed) return { ok: false, failure: err.failure };
    if (err instanceof StunTransportError) {
      return { ok: false, failure: { kind: 'unreachable', reason: err.reason, message: err.message } };
    }
    if (err instanceof StunDecodeError)
      return { ok: false, failure: { kind: 'protocol', message: err.message } };
    throw err;
  } finally {
    transport?.close();
  }
}
