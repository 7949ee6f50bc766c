/**
 * The allocation flow and its sentences against a small scripted TURN server on a real UDP socket:
 * the answers coturn does not give on demand (486 quota, other error codes, a success without a
 * relayed address, a forged MESSAGE-INTEGRITY, a stale nonce).
 */
import { createSocket } from 'node:dgram';
import type { RemoteInfo } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeXorAddress, lifetime, longTermKey, textAttribute } from './stun-attributes';
import type { StunAttribute } from './stun-message';
import { Attr, decodeMessage, encodeMessage, findAttribute, MessageClass, Method } from './stun-message';
import type { StunMessage } from './stun-message';
import { allocateRelay } from './turn-allocate';
import { turnStep } from './turn-check';

/** What the scripted server answers to one request: attributes, class, and the key to sign with. */
type Answer = { cls: MessageClass; attributes: StunAttribute[]; key?: Buffer } | null;

const errorCode = (code: number, reason: string): StunAttribute => {
  const value = Buffer.concat([Buffer.from([0, 0, Math.floor(code / 100), code % 100]), Buffer.from(reason)]);
  return { type: Attr.ErrorCode, value };
};
const challenge = (nonce = 'n1'): Answer => ({
  cls: MessageClass.Error,
  attributes: [
    errorCode(401, 'Unauthorized'),
    textAttribute(Attr.Realm, 'test'),
    textAttribute(Attr.Nonce, nonce),
  ],
});
const key = longTermKey('u', 'test', 'p');

const servers: { close: () => void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** Starts a UDP server answering each request with `script(request, index)`; returns its port and requests. */
async function scripted(script: (m: StunMessage, i: number) => Answer) {
  const socket = createSocket('udp4');
  const seen: StunMessage[] = [];
  socket.on('message', (msg: Buffer, from: RemoteInfo) => {
    const m = decodeMessage(msg);
    seen.push(m);
    const answer = script(m, seen.length - 1);
    if (!answer) return;
    const bytes = encodeMessage(
      { method: m.method, cls: answer.cls, transactionId: m.transactionId, attributes: answer.attributes },
      answer.key ? { integrityKey: answer.key } : {},
    );
    socket.send(bytes, from.port, from.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  servers.push(socket);
  return { port: socket.address().port, seen };
}

const options = (port: number, credential = 'p') => ({
  target: { host: '127.0.0.1', port, transport: 'udp' as const },
  username: 'u',
  credential,
  timeoutMs: 2000,
});
const relayedOk: Answer = {
  cls: MessageClass.Success,
  attributes: [encodeXorAddress(Attr.XorRelayedAddress, '127.0.0.1', 50000), lifetime(600)],
  key,
};

describe('allocateRelay', () => {
  it('401 then success: sends USERNAME/REALM/NONCE/MESSAGE-INTEGRITY, reads the relay, frees it with LIFETIME 0', async () => {
    const s = await scripted((_m, i) =>
      i === 0 ? challenge() : i === 1 ? relayedOk : { cls: MessageClass.Success, attributes: [], key },
    );
    const r = await allocateRelay(options(s.port));
    expect(r).toMatchObject({
      ok: true,
      relayed: { address: '127.0.0.1', port: 50000 },
      realm: 'test',
      freed: true,
    });
    const [, allocate, refresh] = s.seen;
    expect(findAttribute(allocate!, Attr.Username)?.toString()).toBe('u');
    expect(findAttribute(allocate!, Attr.Nonce)?.toString()).toBe('n1');
    expect(findAttribute(allocate!, Attr.RequestedTransport)?.readUInt8(0)).toBe(17);
    expect(refresh).toMatchObject({ method: Method.Refresh });
    expect(findAttribute(refresh!, Attr.Lifetime)?.readUInt32BE(0)).toBe(0);
  });

  it('a stale nonce (438) is retried once with the new nonce', async () => {
    const s = await scripted((_m, i) =>
      i === 0
        ? challenge()
        : i === 1
          ? {
              cls: MessageClass.Error,
              attributes: [errorCode(438, 'Stale Nonce'), textAttribute(Attr.Nonce, 'n2')],
            }
          : relayedOk,
    );
    expect(await allocateRelay(options(s.port))).toMatchObject({ ok: true });
    expect(findAttribute(s.seen[2]!, Attr.Nonce)?.toString()).toBe('n2');
  });

  it('486: quota, in words, exit-16 sentence', async () => {
    const s = await scripted((_m, i) =>
      i === 0
        ? challenge()
        : { cls: MessageClass.Error, attributes: [errorCode(486, 'Allocation Quota Reached')] },
    );
    const step = await turnStep(
      { url: `turn:127.0.0.1:${s.port}`, target: options(s.port).target, username: 'u', credential: 'p' },
      2000,
    );
    expect(step.ok).toBe(false);
    expect(!step.ok && step.summary).toMatch(/allocation quota reached \(486 Allocation Quota Reached\)/);
  });

  it('another code (508) is named with its reason; a 401 without credentials asks for them', async () => {
    const s = await scripted(() => ({
      cls: MessageClass.Error,
      attributes: [errorCode(508, 'Insufficient Capacity')],
    }));
    expect(await allocateRelay(options(s.port))).toEqual({
      ok: false,
      failure: { kind: 'error', error: { code: 508, reason: 'Insufficient Capacity' } },
    });
    const t = await scripted(() => challenge());
    const step = await turnStep({ url: 'turn:x', target: options(t.port).target }, 2000);
    expect(!step.ok && step.summary).toMatch(/asks for a username and password/);
  });

  it('a success without XOR-RELAYED-ADDRESS, or signed with another key, is a protocol failure', async () => {
    const s = await scripted((_m, i) =>
      i === 0 ? challenge() : { cls: MessageClass.Success, attributes: [], key },
    );
    expect(await allocateRelay(options(s.port))).toMatchObject({
      ok: false,
      failure: { kind: 'protocol', message: expect.stringMatching(/no XOR-RELAYED-ADDRESS/) },
    });
    const t = await scripted((_m, i) =>
      i === 0 ? challenge() : { ...relayedOk!, key: longTermKey('u', 'test', 'other') },
    );
    expect(await allocateRelay(options(t.port))).toMatchObject({
      ok: false,
      failure: { kind: 'protocol', message: expect.stringMatching(/MESSAGE-INTEGRITY/) },
    });
  });

  it('a server that never answers: timeout after retransmissions', async () => {
    const s = await scripted(() => null);
    const r = await allocateRelay({ ...options(s.port), timeoutMs: 1200 });
    expect(r).toEqual({
      ok: false,
      failure: { kind: 'unreachable', reason: 'timeout', message: 'no answer within 1.2 s' },
    });
    // The first send at 0 ms and the retransmission at 500 ms, of the same request.
    expect(s.seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(s.seen.map((m) => m.transactionId.toString('hex'))).size).toBe(1);
  });
});
