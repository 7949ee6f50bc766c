/**
 * STUN messages (RFC 5389) as TURN (RFC 5766) uses them: the header, attributes as type + bytes,
 * MESSAGE-INTEGRITY (HMAC-SHA1) and FINGERPRINT (CRC-32). Pure functions on Buffers; the meaning of
 * each attribute is in stun-attributes.ts.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** The magic cookie every RFC 5389 message carries at byte 4. */
export const MAGIC_COOKIE = 0x2112a442;
/** Bytes of the header. */
export const HEADER_BYTES = 20;
/** FINGERPRINT's CRC-32 is XORed with this ("STUN"). */
const FINGERPRINT_XOR = 0x5354554e;

/** Methods the doctor uses. */
export const Method = {
  /** TURN Allocate: ask for a relayed address. */
  Allocate: 0x003,
  /** TURN Refresh: LIFETIME 0 frees the allocation. */
  Refresh: 0x004,
} as const;

/** Message classes (their bits already in place in the type field). */
export const MessageClass = {
  Request: 0x0000,
  Indication: 0x0010,
  Success: 0x0100,
  Error: 0x0110,
} as const;
/** A message class. */
export type MessageClass = (typeof MessageClass)[keyof typeof MessageClass];

/** Attribute types the doctor reads or writes. */
export const Attr = {
  Username: 0x0006,
  MessageIntegrity: 0x0008,
  ErrorCode: 0x0009,
  Lifetime: 0x000d,
  Realm: 0x0014,
  Nonce: 0x0015,
  XorRelayedAddress: 0x0016,
  RequestedTransport: 0x0019,
  XorMappedAddress: 0x0020,
  Software: 0x8022,
  Fingerprint: 0x8028,
} as const;

/** One attribute: its type and its value without padding. */
export interface StunAttribute {
  type: number;
  value: Buffer;
}

/** A decoded message. */
export interface StunMessage {
  method: number;
  cls: MessageClass;
  /** 12 bytes. */
  transactionId: Buffer;
  attributes: StunAttribute[];
  /** The bytes it was decoded from (to check MESSAGE-INTEGRITY). */
  raw?: Buffer;
}

/** A message that is not STUN, or is cut short. */
export class StunDecodeError extends Error {
  /** Stable code. */
  readonly code = 'STUN_DECODE';
}

/** The 14-bit type field for a method and class (RFC 5389 §6: the class bits sit between method bits). */
export function messageType(method: number, cls: MessageClass): number {
  return ((method & 0xf80) << 2) | ((method & 0x070) << 1) | (method & 0x00f) | cls;
}

/** A fresh random transaction ID. */
export function newTransactionId(): Buffer {
  return randomBytes(12);
}

function attributeBytes(a: StunAttribute): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(a.value.length / 4) * 4);
  padded.writeUInt16BE(a.type, 0);
  padded.writeUInt16BE(a.value.length, 2);
  a.value.copy(padded, 4);
  return padded;
}

function header(type: number, length: number, transactionId: Buffer): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.writeUInt16BE(type, 0);
  h.writeUInt16BE(length, 2);
  h.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(h, 8);
  return h;
}

/** How encodeMessage closes a message. */
export interface EncodeOptions {
  /** MESSAGE-INTEGRITY's HMAC-SHA1 key; default none (no MESSAGE-INTEGRITY). */
  integrityKey?: Buffer;
  /** Add FINGERPRINT last; default false. */
  fingerprint?: boolean;
}

/** Encodes a message; padding is zeros; MESSAGE-INTEGRITY and FINGERPRINT are appended as asked. */
export function encodeMessage(m: Omit<StunMessage, 'raw'>, options: EncodeOptions = {}): Buffer {
  if (m.transactionId.length !== 12) throw new TypeError('transactionId must be 12 bytes');
  const type = messageType(m.method, m.cls);
  let body = Buffer.concat(m.attributes.map(attributeBytes));
  if (options.integrityKey) {
    // The HMAC covers the header with a length that already counts MESSAGE-INTEGRITY (RFC 5389 §15.4).
    const covered = Buffer.concat([header(type, body.length + 24, m.transactionId), body]);
    const hmac = createHmac('sha1', options.integrityKey).update(covered).digest();
    body = Buffer.concat([body, attributeBytes({ type: Attr.MessageIntegrity, value: hmac })]);
  }
  if (options.fingerprint) {
    const covered = Buffer.concat([header(type, body.length + 8, m.transactionId), body]);
    const value = Buffer.alloc(4);
    value.writeUInt32BE((crc32(covered) ^ FINGERPRINT_XOR) >>> 0, 0);
    body = Buffer.concat([body, attributeBytes({ type: Attr.Fingerprint, value })]);
  }
  return Buffer.concat([header(type, body.length, m.transactionId), body]);
}

/** The length a whole message will have, from its first 4 bytes; null when that is not yet known. */
export function messageLength(head: Buffer): number | null {
  return head.length < 4 ? null : HEADER_BYTES + head.readUInt16BE(2);
}

/** Decodes one whole message; throws StunDecodeError on anything malformed. */
export function decodeMessage(buf: Buffer): StunMessage {
  if (buf.length < HEADER_BYTES) throw new StunDecodeError(`message of ${buf.length} bytes is too short`);
  const type = buf.readUInt16BE(0);
  if (type & 0xc000) throw new StunDecodeError('the first two bits are not zero: not STUN');
  if (buf.readUInt32BE(4) !== MAGIC_COOKIE) throw new StunDecodeError('no magic cookie: not STUN');
  const length = buf.readUInt16BE(2);
  if (length % 4 !== 0 || HEADER_BYTES + length !== buf.length) {
    throw new StunDecodeError(
      `length ${length} does not match the ${buf.length - HEADER_BYTES} bytes after the header`,
    );
  }
  const attributes: StunAttribute[] = [];
  let at = HEADER_BYTES;
  while (at < buf.length) {
    if (at + 4 > buf.length) throw new StunDecodeError('attribute header cut short');
    const attrType = buf.readUInt16BE(at);
    const attrLength = buf.readUInt16BE(at + 2);
    if (at + 4 + attrLength > buf.length)
      throw new StunDecodeError(`attribute 0x${attrType.toString(16)} cut short`);
    attributes.push({ type: attrType, value: buf.subarray(at + 4, at + 4 + attrLength) });
    at += 4 + Math.ceil(attrLength / 4) * 4;
  }
  return {
    method: ((type & 0x3e00) >> 2) | ((type & 0x00e0) >> 1) | (type & 0x000f),
    cls: (type & 0x0110) as MessageClass,
    transactionId: buf.subarray(8, 20),
    attributes,
    raw: buf,
  };
}

/** The first attribute of a type, or undefined. */
export function findAttribute(m: StunMessage, type: number): Buffer | undefined {
  return m.attributes.find((a) => a.type === type)?.value;
}

/** Offset of the first attribute of `type` in raw bytes, or -1. */
function offsetOf(raw: Buffer, type: number): number {
  let at = HEADER_BYTES;
  while (at + 4 <= raw.length) {
    if (raw.readUInt16BE(at) === type) return at;
    at += 4 + Math.ceil(raw.readUInt16BE(at + 2) / 4) * 4;
  }
  return -1;
}

/** True when the message's MESSAGE-INTEGRITY matches `key`; false when it has none or it differs. */
export function verifyIntegrity(raw: Buffer, key: Buffer): boolean {
  const at = offsetOf(raw, Attr.MessageIntegrity);
  if (at < 0 || at + 24 > raw.length) return false;
  const covered = Buffer.from(raw.subarray(0, at));
  covered.writeUInt16BE(at + 24 - HEADER_BYTES, 2);
  const hmac = createHmac('sha1', key).update(covered).digest();
  return hmac.equals(raw.subarray(at + 4, at + 24));
}

/** True when the message's FINGERPRINT matches; false when it has none or it differs. */
export function verifyFingerprint(raw: Buffer): boolean {
  const at = offsetOf(raw, Attr.Fingerprint);
  if (at < 0 || at + 8 > raw.length) return false;
  const covered = Buffer.from(raw.subarray(0, at));
  covered.writeUInt16BE(at + 8 - HEADER_BYTES, 2);
  return (crc32(covered) ^ FINGERPRINT_XOR) >>> 0 === raw.readUInt32BE(at + 4);
}
