/**
 * The meaning of the STUN/TURN attributes the doctor uses: text, ERROR-CODE, XOR-*-ADDRESS,
 * REQUESTED-TRANSPORT, LIFETIME, and the long-term credential key (RFC 5389 §15.4).
 */
import { createHash } from 'node:crypto';
import { Attr, MAGIC_COOKIE, StunDecodeError } from './stun-message';
import type { StunAttribute } from './stun-message';

/** REQUESTED-TRANSPORT's protocol number for UDP (the only relay transport TURN allocates). */
export const UDP_PROTOCOL = 17;

/** The long-term credential key: MD5(username ":" realm ":" password) in UTF-8 (no SASLprep). */
export function longTermKey(username: string, realm: string, password: string): Buffer {
  return createHash('md5').update(`${username}:${realm}:${password}`, 'utf8').digest();
}

/** A text attribute (USERNAME, REALM, NONCE, SOFTWARE). */
export function textAttribute(type: number, text: string): StunAttribute {
  return { type, value: Buffer.from(text, 'utf8') };
}

/** REQUESTED-TRANSPORT: the protocol number and three reserved bytes. */
export function requestedTransport(protocol = UDP_PROTOCOL): StunAttribute {
  const value = Buffer.alloc(4);
  value.writeUInt8(protocol, 0);
  return { type: Attr.RequestedTransport, value };
}

/** LIFETIME in seconds (0 frees an allocation). */
export function lifetime(seconds: number): StunAttribute {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(seconds, 0);
  return { type: Attr.Lifetime, value };
}

/** A decoded ERROR-CODE. */
export interface StunErrorCode {
  /** 300-699, e.g. 401. */
  code: number;
  reason: string;
}

/** Decodes ERROR-CODE (class in the hundreds, number in the units). */
export function decodeErrorCode(value: Buffer): StunErrorCode {
  if (value.length < 4) throw new StunDecodeError('ERROR-CODE is shorter than 4 bytes');
  return {
    code: (value.readUInt8(2) & 0x7) * 100 + value.readUInt8(3),
    reason: value.subarray(4).toString('utf8'),
  };
}

/** An address with its port. */
export interface TransportAddress {
  family: 'IPv4' | 'IPv6';
  address: string;
  port: number;
}

/** Decodes XOR-MAPPED-ADDRESS or XOR-RELAYED-ADDRESS with the message's transaction ID. */
export function decodeXorAddress(value: Buffer, transactionId: Buffer): TransportAddress {
  if (value.length < 8) throw new StunDecodeError('XOR address is shorter than 8 bytes');
  const family = value.readUInt8(1);
  const port = value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16);
  const cookie = Buffer.alloc(4);
  cookie.writeUInt32BE(MAGIC_COOKIE, 0);
  if (family === 0x01) {
    const bytes = [0, 1, 2, 3].map((i) => value.readUInt8(4 + i) ^ cookie.readUInt8(i));
    return { family: 'IPv4', address: bytes.join('.'), port };
  }
  if (family === 0x02 && value.length >= 20) {
    const mask = Buffer.concat([cookie, transactionId]);
    const words: string[] = [];
    for (let i = 0; i < 16; i += 2) {
      const word =
        ((value.readUInt8(4 + i) ^ mask.readUInt8(i)) << 8) |
        (value.readUInt8(5 + i) ^ mask.readUInt8(i + 1));
      words.push(word.toString(16));
    }
    return { family: 'IPv6', address: words.join(':'), port };
  }
  throw new StunDecodeError(`XOR address of unknown family ${family}`);
}

/** Encodes an IPv4 XOR address (tests and simulators write responses with it). */
export function encodeXorAddress(type: number, address: string, port: number): StunAttribute {
  const value = Buffer.alloc(8);
  value.writeUInt8(0x01, 1);
  value.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  const parts = address.split('.').map(Number);
  value.writeUInt32BE(
    (((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) ^ MAGIC_COOKIE) >>> 0,
    4,
  );
  return { type, value };
}
