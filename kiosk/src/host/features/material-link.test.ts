/**
 * The material link passes the resident's yes, no and stop to the server, uploads the captured
 * picture's bytes with the kiosk's credential, passes a refusal (too large, wrong type) through with
 * the server's code and sentence while the session goes on, and forwards the server's capture
 * events. A stand-in server (socket.io and the upload route) plays the signaling server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventChannel, HandlersOf, paperInvokes } from '@rvw/shared';
import { dispatchBridgeCall } from '../dispatch';
import type { HostFeature } from '../feature';
import { paperHttp } from '../paper-http';
import { materialLinkFeature } from './material-link';
import { materialRequest, startPaperStandIn, STAND_IN_TOKEN, type PaperStandIn } from './paper-stand-in';
import { recordingContext, type RecordedEvent } from './recording-context';
import { serverLinkFeature, type ServerLinkFeature } from './server-link';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });
// A 1 x 1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const shown = { consentText: '拍摄您的材料吗？', locale: 'zh-CN' as const };

type MaterialSlice = Pick<typeof paperInvokes, 'material:consent' | 'material:cancel' | 'material:upload'>;

describe('material link', () => {
  let stand: PaperStandIn;
  let events: RecordedEvent[];
  let logs: string[];
  let link: ServerLinkFeature | null;
  let materials: HostFeature<MaterialSlice> | null;

  beforeEach(async () => {
    stand = await startPaperStandIn();
    const recorded = recordingContext(stand.url, STAND_IN_TOKEN);
    events = recorded.events;
    logs = recorded.logs;
    link = serverLinkFeature(recorded.ctx);
    materials = materialLinkFeature(
      recorded.ctx,
      link.port,
      paperHttp(recorded.ctx.config, { fetch, timeoutMs: 2000 }),
    );
    await until(() => expect(named('kiosk:state')).toHaveLength(1));
  });
  afterEach(async () => {
    await materials?.close();
    await link?.close();
    await stand.close();
  });

  const named = (channel: BridgeEventChannel) =>
    events.filter((e) => e.channel === channel).map((e) => e.event);
  const handlers = (): HandlersOf<MaterialSlice> => materials!.handlers;

  it('forwards checked capture events and passes the consent and a stop to the server', async () => {
    stand.socket().emit('material:state', { requestId: 'r1', junk: true });
    stand.socket().emit('material:state', materialRequest('r1', 'asked'));
    stand.socket().emit('material:capture-now', { requestId: 'r1' });
    await until(() => expect(named('material:capture-now')).toEqual([{ requestId: 'r1' }]));
    expect(named('material:state')).toEqual([materialRequest('r1', 'asked')]);

    expect(
      (await handlers()['material:consent']({ requestId: 'r1', accepted: true, ...shown })).request.state,
    ).toBe('consented');
    expect((await handlers()['material:cancel']({ requestId: 'r1' })).request.state).toBe('cancelled');
    expect(stand.received.filter(([e]) => e.startsWith('material:'))).toEqual([
      ['material:consent', { requestId: 'r1', accepted: true, ...shown }],
      ['material:cancel', { requestId: 'r1' }],
    ]);
  });

  it("uploads the picture's bytes with the kiosk's credential and answers with the material", async () => {
    const { material } = await handlers()['material:upload']({
      requestId: 'r2',
      mime: 'image/png',
      data: PNG.toString('base64'),
    });
    expect(material).toMatchObject({ requestId: 'r2', bytes: PNG.length, mime: 'image/png' });
    expect(stand.uploads).toHaveLength(1);
    expect(stand.uploads[0]).toMatchObject({ requestId: 'r2', contentType: 'image/png' });
    expect(stand.uploads[0]!.bytes.equals(PNG)).toBe(true);
  });

  it("passes a refused upload through with the server's code and sentence, and the session goes on", async () => {
    stand.refuseNextUpload = { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The picture is too large.' };
    const call = { requestId: 'r3', mime: 'image/png' as const, data: PNG.toString('base64') };
    const refused = await dispatchBridgeCall(materials!.handlers as never, 'material:upload', call);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The picture is too large.' },
    });
    stand.refuseNextUpload = { status: 415, code: 'UNSUPPORTED_MEDIA', message: 'Only JPEG or PNG.' };
    await expect(handlers()['material:upload'](call)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    // Another picture goes up, and the link is still connected: nothing ended.
    expect((await handlers()['material:upload'](call)).material.requestId).toBe('r3');
    expect(named('server:status').at(-1)).toEqual({ connected: true });
    expect(named('session:ended')).toEqual([]);
    expect(logs.join('\n')).toMatch(/r3 upload refused: HTTP 413 PAYLOAD_TOO_LARGE/);
  });

  it('tells the renderer the server is out of reach when it is', async () => {
    await stand.close();
    const call = { requestId: 'r4', mime: 'image/png' as const, data: PNG.toString('base64') };
    await expect(handlers()['material:upload'](call)).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
  });

  it('gives a reloaded screen the pending request back, and forgets it when the session ends', async () => {
    stand.socket().emit('material:state', materialRequest('r5', 'consented'));
    stand.socket().emit('material:state', materialRequest('r6', 'asked'));
    stand
      .socket()
      .emit('material:state', { ...materialRequest('r6', 'declined'), updatedAt: '2026-01-01T00:06:00Z' });
    await until(() => expect(named('material:state')).toHaveLength(3));
    let before = events.length;
    await link!.handlers['server:sync']({});
    expect(
      events.slice(before).map((e) => [e.channel, (e.event as { requestId?: string }).requestId]),
    ).toEqual([
      ['kiosk:state', undefined],
      ['material:state', 'r5'],
    ]);
    stand
      .socket()
      .emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: '2026-01-01T00:09:00Z' });
    await new Promise((r) => setTimeout(r, 50));
    before = events.length;
    stand.socket().disconnect();
    await until(() => expect(named('kiosk:state')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(events.slice(before).filter((e) => e.channel.startsWith('material:'))).toEqual([]);
  });
});
