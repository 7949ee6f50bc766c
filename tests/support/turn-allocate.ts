/**
 * A TURN Allocate by hand over UDP (RFC 5766 §6, long-term credentials of RFC 5389 §10.2), for tests
 * against tests/support/coturn.ts: the unauthenticated Allocate, the 401 with REALM and NONCE, the
 * Allocate again with USERNAME/REALM/NONCE/MESSAGE-INTEGRITY. Resolves with the final answer's class
 * and error code; the allocation is left to expire (coturn's default lifetime).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

const MAGIC = 0x2112a442;
const ALLOCATE_REQUEST = 0x0003;
const ALLOCATE_SUCCESS = 0x0103;
const ATTR = { username: 0x0006, integrity: 0x0008, error: 0x0009, realm: 0x0014, nonce: 0x0015 };
const REQUESTED_TRANSPORT_UDP = { type: 0x0019, value: Buffer.from([17, 0, 0, 0]) };

interface Attribute {
  type: number;
  value: Buffer;
}

function encode(txid: Buffer, attrs: Attribute[], key?: Buffer): Buffer {
  const body = attrs.map(({ type, value }) => {
    const a = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
    a.writeUInt16BE(type, 0);
    a.writeUInt16BE(value.length, 2);
    value.copy(a, 4);
    return a;
  });
  const header = Buffer.alloc(20);
  header.writeUInt16BE(ALLOCATE_REQUEST, 0);
  header.writeUInt32BE(MAGIC, 4);
  txid.copy(header, 8);
  let msg = Buffer.concat([header, ...body]);
  if (key) {
    msg.writeUInt16BE(msg.length - 20 + 24, 2); // the length counts MESSAGE-INTEGRITY itself
    const mi = Buffer.alloc(24);
    mi.writeUInt16BE(ATTR.integrity, 0);
    mi.writeUInt16BE(20, 2);
    createHmac('sha1', key).update(msg).digest().copy(mi, 4);
    msg = Buffer.concat([msg, mi]);
  }
  msg.writeUInt16BE(msg.length - 20, 2);
  return msg;
}

function decode(msg: Buffer): { type: number; attrs: Map<number, Buffer> } {
  const attrs = new Map<number, Buffer>();
  for (let at = 20; at + 4 <= msg.length;) {
    const type = msg.readUInt16BE(at);
    const len = msg.readUInt16BE(at + 2);
    if (!attrs.has(type)) attrs.set(type, msg.subarray(at + 4, at + 4 + len));
    at += 4 + Math.ceil(len / 4) * 4;
  }
  return { type: msg.readUInt16BE(0), attrs };
}

/** The outcome: `success`, or the error code of the refusal (401 for bad credentials). */
export type AllocateAnswer = { success: true } | { success: false; code: number };

/** One Allocate with long-term credentials on 127.0.0.1:port (UDP), each exchange bounded by 3 s. */
export async function allocateUdp(
  port: number,
  username: string,
  credential: string,
): Promise<AllocateAnswer> {
  const socket = createSocket('udp4');
  const exchange = (msg: Buffer, txid: Buffer): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no TURN answer from 127.0.0.1:${port} within 3 s`)),
        3000,
      );
      const onMessage = (answer: Buffer) => {
        if (answer.length < 20 || !answer.subarray(8, 20).equals(txid)) return;
        clearTimeout(timer);
        socket.off('message', onMessage);
        resolve(answer);
      };
      socket.on('message', onMessage);
      socket.send(msg, port, '127.0.0.1');
    });
  try {
    const first = randomBytes(12);
    const challenge = decode(await exchange(encode(first, [REQUESTED_TRANSPORT_UDP]), first));
    const realm = challenge.attrs.get(ATTR.realm);
    const nonce = challenge.attrs.get(ATTR.nonce);
    if (!realm || !nonce) throw new Error('the TURN server sent no REALM/NONCE challenge');
    const key = createHash('md5').update(`${username}:${realm.toString()}:${credential}`).digest();
    const second = randomBytes(12);
    const attrs = [
      REQUESTED_TRANSPORT_UDP,
      { type: ATTR.username, value: Buffer.from(username) },
      { type: ATTR.realm, value: realm },
      { type: ATTR.nonce, value: nonce },
    ];
    const answer = decode(await exchange(encode(second, attrs, key), second));
    if (answer.type === ALLOCATE_SUCCESS) return { success: true };
    const error = answer.attrs.get(ATTR.error);
    return { success: false, code: error ? error[2]! * 100 + error[3]! : 0 };
  } finally {
    socket.close();
  }
}
