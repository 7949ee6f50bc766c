/** The STUN codec against the test vectors of RFC 5769 (§2.1, §2.2, §2.4). */
import { describe, expect, it } from 'vitest';
import {
  decodeErrorCode,
  decodeXorAddress,
  encodeXorAddress,
  longTermKey,
  textAttribute,
} from './stun-attributes';
import {
  Attr,
  decodeMessage,
  encodeMessage,
  findAttribute,
  MessageClass,
  messageType,
  Method,
  StunDecodeError,
  verifyFingerprint,
  verifyIntegrity,
} from './stun-message';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** RFC 5769 §2.1: a request with short-term credentials (padding bytes are spaces). */
const sampleRequest = hex(`
  00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
  80 22 00 10 53 54 55 4e 20 74 65 73 74 20 63 6c 69 65 6e 74
  00 24 00 04 6e 00 01 ff
  80 29 00 08 93 2f f9 b1 51 26 3b 36
  00 06 00 09 65 76 74 6a 3a 68 36 76 59 20 20 20
  00 08 00 14 9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49 c1 b5 71 a2
  80 28 00 04 e5 7a 3b cf`);

/** RFC 5769 §2.2: an IPv4 success response. */
const sampleResponse = hex(`
  01 01 00 3c 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
  80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
  00 20 00 08 00 01 a1 47 e1 12 a6 43
  00 08 00 14 2b 91 f5 99 fd 9e 90 c3 8c 74 89 f9 2a f9 ba 53 f0 6b e7 d7
  80 28 00 04 c0 7d 4c 96`);

/** RFC 5769 §2.4: a request with long-term credentials (zero padding, no FINGERPRINT). */
const longTermRequest = hex(`
  00 01 00 60 21 12 a4 42 78 ad 34 33 c6 ad 72 c0 29 da 41 2e
  00 06 00 12 e3 83 9e e3 83 88 e3 83 aa e3 83 83 e3 82 af e3 82 b9 00 00
  00 15 00 1c 66 2f 2f 34 39 39 6b 39 35 34 64 36 4f 4c 33 34 6f 4c 39 46 53 54 76 79 36 34 73 41
  00 14 00 0b 65 78 61 6d 70 6c 65 2e 6f 72 67 00
  00 08 00 14 f6 70 24 65 6d d6 4a 3e 02 b8 e0 71 2e 85 c9 a2 8c a8 96 66`);

const shortTermKey = Buffer.from('VOkJxbRl1RmTxUk/WvJxBt', 'utf8');

describe('STUN messages (RFC 5769 vectors)', () => {
  it('§2.1 request: decodes, MESSAGE-INTEGRITY and FINGERPRINT verify; a wrong key or a flipped bit does not', () => {
    const m = decodeMessage(sampleRequest);
    expect(m).toMatchObject({ method: 0x001, cls: MessageClass.Request });
    expect(findAttribute(m, Attr.Username)?.toString()).toBe('evtj:h6vY');
    expect(findAttribute(m, Attr.Software)?.toString()).toBe('STUN test client');
    expect(verifyIntegrity(sampleRequest, shortTermKey)).toBe(true);
    expect(verifyFingerprint(sampleRequest)).toBe(true);
    expect(verifyIntegrity(sampleRequest, Buffer.from('wrong'))).toBe(false);
    const flipped = Buffer.from(sampleRequest);
    flipped[30] = flipped[30]! ^ 1;
    expect(verifyIntegrity(flipped, shortTermKey)).toBe(false);
    expect(verifyFingerprint(flipped)).toBe(false);
  });

  it('§2.2 response: XOR-MAPPED-ADDRESS is 192.0.2.1:32853 and both checks verify', () => {
    const m = decodeMessage(sampleResponse);
    expect(m).toMatchObject({ method: 0x001, cls: MessageClass.Success });
    expect(decodeXorAddress(findAttribute(m, Attr.XorMappedAddress)!, m.transactionId)).toEqual({
      family: 'IPv4',
      address: '192.0.2.1',
      port: 32853,
    });
    expect(verifyIntegrity(sampleResponse, shortTermKey)).toBe(true);
    expect(verifyFingerprint(sampleResponse)).toBe(true);
  });

  it('§2.4 long-term credentials: the encoder reproduces the vector byte for byte with MD5(user:realm:pass)', () => {
    const key = longTermKey('マトリックス', 'example.org', 'TheMatrIX');
    const encoded = encodeMessage(
      {
        method: 0x001,
        cls: MessageClass.Request,
        transactionId: hex('78ad3433c6ad72c029da412e'),
        attributes: [
          textAttribute(Attr.Username, 'マトリックス'),
          textAttribute(Attr.Nonce, 'f//499k954d6OL34oL9FSTvy64sA'),
          textAttribute(Attr.Realm, 'example.org'),
        ],
      },
      { integrityKey: key },
    );
    expect(encoded.toString('hex')).toBe(longTermRequest.toString('hex'));
    expect(verifyIntegrity(longTermRequest, key)).toBe(true);
  });

  it('round trip: FINGERPRINT after MESSAGE-INTEGRITY, both verify; the Allocate types are 0x003/0x103/0x113', () => {
    expect(messageType(Method.Allocate, MessageClass.Request)).toBe(0x0003);
    expect(messageType(Method.Allocate, MessageClass.Success)).toBe(0x0103);
    expect(messageType(Method.Refresh, MessageClass.Error)).toBe(0x0114);
    const key = longTermKey('u', 'test', 'p');
    const tid = Buffer.alloc(12, 7);
    const bytes = encodeMessage(
      {
        method: Method.Allocate,
        cls: MessageClass.Success,
        transactionId: tid,
        attributes: [encodeXorAddress(Attr.XorRelayedAddress, '127.0.0.1', 49152)],
      },
      { integrityKey: key, fingerprint: true },
    );
    const m = decodeMessage(bytes);
    expect(m).toMatchObject({ method: Method.Allocate, cls: MessageClass.Success });
    expect(decodeXorAddress(findAttribute(m, Attr.XorRelayedAddress)!, tid)).toMatchObject({
      address: '127.0.0.1',
      port: 49152,
    });
    expect(verifyIntegrity(bytes, key)).toBe(true);
    expect(verifyFingerprint(bytes)).toBe(true);
  });

  it('ERROR-CODE decodes class and number; malformed messages throw StunDecodeError', () => {
    expect(decodeErrorCode(hex('0000 0401 556e617574686f72697a6564'))).toEqual({
      code: 401,
      reason: 'Unauthorized',
    });
    expect(decodeErrorCode(hex('0000 0456'))).toEqual({ code: 486, reason: '' });
    expect(() => decodeMessage(Buffer.alloc(10))).toThrow(StunDecodeError);
    expect(() => decodeMessage(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'))).toThrow(StunDecodeError);
    expect(() => decodeMessage(sampleRequest.subarray(0, sampleRequest.length - 4))).toThrow(/length/);
  });
});
