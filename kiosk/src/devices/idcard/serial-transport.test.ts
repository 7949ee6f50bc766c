/**
 * The real transport on a socat pty pair: an I/O error that arrives when nobody listens any more
 * (the reader client was disposed while the line was unplugged and is being reopened) must not be
 * thrown out of the process, while a listener still hears it.
 */
import { afterEach, expect, it } from 'vitest';
import { startPtyPair, type PtyPair } from '@rvw/sim';
import { SerialTransport } from './serial-transport';

let pair: PtyPair | null = null;
afterEach(async () => {
  await pair?.dispose();
  pair = null;
});

/** The serialport under the transport, to play the operating system's part. */
const portOf = (t: SerialTransport) => (t as unknown as { port: NodeJS.EventEmitter }).port;

it('an I/O error with no listener is swallowed; with one, it is reported', async () => {
  pair = await startPtyPair();
  const transport = new SerialTransport(pair.kioskPath);
  await transport.open();
  const eio = Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
  expect(() => portOf(transport).emit('error', eio)).not.toThrow();
  const heard: Error[] = [];
  transport.on('error', (e) => heard.push(e));
  portOf(transport).emit('error', eio);
  expect(heard).toEqual([eio]);
  await transport.close();
});
