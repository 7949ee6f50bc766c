import { describe, expect, it } from 'vitest';
import { okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

/** An object nested `depth` levels deep: { a: { a: { ... } } }. */
function nested(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('relayed signal bounds', () => {
  it('refuses a deeply nested, oversized or binary transceiverRequest.init with BAD_PAYLOAD, relays nothing, logs no error', async () => {
    const { kiosk, agent, ticket } = await t.kioskWithTicket();
    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    const send = (init: unknown) =>
      agent.requestRaw('signal', {
        sessionId: session.id,
        data: { type: 'transceiverRequest', transceiverRequest: { kind: 'video', init } },
      });
    for (const init of [
      nested(1000),
      nested(12),
      { sendEncodings: Array.from({ length: 2000 }, () => ({ rid: 'x'.repeat(20) })) },
      { direction: Buffer.from('binary') },
    ]) {
      expect(await send(init)).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    }
    // A real RTCRtpTransceiverInit still passes.
    okData(await send({ direction: 'recvonly', sendEncodings: [{ rid: 'h', maxBitrate: 900_000 }] }));
    const relayed = await kiosk.waitFor('signal', (s) => s.data.type === 'transceiverRequest');
    expect(relayed.data.transceiverRequest?.init).toEqual({
      direction: 'recvonly',
      sendEncodings: [{ rid: 'h', maxBitrate: 900_000 }],
    });
    expect(kiosk.received.filter((r) => r.event === 'signal')).toHaveLength(1);
    const log = t.logText();
    expect(log).not.toContain('"level":50');
    expect(log).not.toContain('INTERNAL');
  });
});
