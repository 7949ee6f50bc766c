/**
 * socket.io's default parser, except for one case: a CONNECT packet whose `auth` is not a plain
 * object (a string, an array, a number, bad JSON). The stock decoder throws on it and socket.io
 * closes the transport without a word; here the `auth` becomes a marker object instead, so that the
 * auth middleware refuses the handshake with AUTH_INVALID like any other malformed credential.
 */
import { Decoder, Encoder } from 'socket.io-parser';

/** The key of the marker `auth` that stands for a handshake whose `auth` was not an object. */
export const MALFORMED_AUTH = '__rvwMalformedAuth';

// "0" is the CONNECT type; an optional "/namespace," follows, then the JSON payload (if any).
const connectHead = /^0(\/[^,]*,)?/;

function isPlainObject(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** The CONNECT packet with a non-object payload replaced by the marker; other packets unchanged. */
export function normalizeConnectPacket(packet: string): string {
  const head = connectHead.exec(packet);
  if (!head) return packet;
  const rest = packet.slice(head[0].length);
  // No payload at all, or a namespace without a comma (no payload either): nothing to fix.
  if (rest === '' || rest.startsWith('/')) return packet;
  let payload: unknown;
  try {
    payload = JSON.parse(rest) as unknown;
  } catch {
    payload = undefined;
  }
  return isPlainObject(payload) ? packet : `${head[0]}${JSON.stringify({ [MALFORMED_AUTH]: true })}`;
}

class HandshakeDecoder extends Decoder {
  // `obj` is whatever engine.io hands over: a string packet, or a binary attachment.
  override add(obj: unknown): void {
    super.add(typeof obj === 'string' ? normalizeConnectPacket(obj) : obj);
  }
}

/** The parser to give socket.io's Server (`parser` option). */
export const handshakeParser = { Encoder, Decoder: HandshakeDecoder };
