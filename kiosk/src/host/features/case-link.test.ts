/**
 * The case link forwards the server's case events to the renderer only after checking them, keeps
 * the highest revision of each case, gives a reloaded screen its open session's cases (and the
 * ticket's entitlements) back after its kiosk:state, forgets them when the session ends, and passes
 * the resident's flag, confirmation, signature and rating to the server with its refusals intact.
 * A stand-in socket.io server plays the signaling server, so every event comes on cue.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import type { BridgeEventChannel, caseInvokes, CaseState, KioskState } from '@rvw/shared';
import type { HostFeature } from '../feature';
import { caseLinkFeature } from './case-link';
import { recordingContext, type RecordedEvent } from './recording-context';
import { serverLinkFeature, type ServerLinkFeature } from './server-link';
import { greetingWith } from './test-greeting';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });
const HASH = 'a'.repeat(64);

function caseState(revision: number, caseId = 'c1', sessionId = 's1'): CaseState {
  return {
    caseId,
    number: 'XH-20260101-0001',
    sessionId,
    item: {
      code: 'senior-allowance',
      version: 1,
      name: { zh: '高龄津贴', en: 'Senior allowance' },
      fields: [{ id: 'name', kind: 'text', label: { zh: '姓名', en: 'Name' }, required: true }],
    },
    status: 'open',
    form: {
      revision,
      values: { name: '李秀英' },
      hash: HASH,
      fromCard: ['name'],
      maskedFields: [],
      lastChanged: revision > 0 ? 'name' : null,
      flags: [],
      confirmRequested: null,
      confirmation: null,
      signature: null,
      voided: false,
    },
    outcome: null,
    abandonReason: null,
    openedAt: `2026-01-01T00:0${caseId === 'c1' ? 2 : 3}:00Z`,
    closedAt: null,
  };
}

const entitlements = {
  sessionId: null,
  ticketId: 't1',
  entitlements: [
    {
      itemCode: 'senior-allowance',
      itemName: { zh: '高龄津贴', en: 'Senior allowance' },
      note: { zh: '年满 65 周岁，自动发放', en: 'Paid automatically from 65' },
    },
  ],
};

describe('case link', () => {
  let http: ReturnType<typeof createServer>;
  let io: Server;
  let socket: Socket | null;
  let received: Array<[string, unknown]>;
  let events: RecordedEvent[];
  let logs: string[];
  let link: ServerLinkFeature | null;
  let cases: HostFeature<typeof caseInvokes> | null;
  let greeting: KioskState;

  beforeEach(async () => {
    received = [];
    socket = null;
    greeting = greetingWith('s1');
    http = createServer();
    io = new Server(http);
    io.on('connection', (s) => {
      socket = s;
      s.emit('kiosk:state', greeting);
      for (const event of ['form:flag', 'form:sign', 'rating:submit'])
        s.on(event, (payload: unknown, ack: (r: unknown) => void) => {
          received.push([event, payload]);
          ack({ ok: true, data: {} });
        });
      s.on('form:confirm', (payload: unknown, ack: (r: unknown) => void) => {
        received.push(['form:confirm', payload]);
        ack({ ok: false, error: { code: 'CONFLICT', message: 'The form has changed.' } });
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const recorded = recordingContext(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, 'tok');
    events = recorded.events;
    logs = recorded.logs;
    link = serverLinkFeature(recorded.ctx);
    cases = caseLinkFeature(recorded.ctx, link.port);
    await until(() => expect(named('kiosk:state')).toHaveLength(1));
  });
  afterEach(async () => {
    await cases?.close();
    await link?.close();
    await new Promise<void>((r) => io.close(() => r()));
  });

  const named = (channel: BridgeEventChannel) =>
    events.filter((e) => e.channel === channel).map((e) => e.event);
  const revisions = () => named('case:state').map((e) => (e as CaseState).form.revision);
  const handlers = () => cases!.handlers;

  it('forwards checked case states and entitlements, and drops what breaks the protocol', async () => {
    socket!.emit('case:state', { caseId: 'c1', junk: true });
    socket!.emit('session:entitlements', { ticketId: 't1' });
    socket!.emit('case:state', caseState(1));
    socket!.emit('session:entitlements', entitlements);
    await until(() => expect(named('session:entitlements')).toHaveLength(1));
    expect(named('case:state')).toEqual([caseState(1)]);
    expect(named('session:entitlements')).toEqual([entitlements]);
  });

  it('keeps the highest revision: an older state arriving late is not forwarded', async () => {
    socket!.emit('case:state', caseState(3));
    socket!.emit('case:state', caseState(2));
    // The same revision again may carry news without a form change (an outcome).
    socket!.emit('case:state', { ...caseState(3), status: 'closed' });
    await until(() => expect(revisions()).toEqual([3, 3]));
    expect((named('case:state')[1] as CaseState).status).toBe('closed');
  });

  it('gives a reloaded screen its kiosk:state, then the open cases in order and the entitlements', async () => {
    socket!.emit('session:entitlements', entitlements);
    socket!.emit('case:state', caseState(1, 'c2'));
    socket!.emit('case:state', caseState(4, 'c1'));
    await until(() => expect(named('case:state')).toHaveLength(2));
    const before = events.length;
    expect(await link!.handlers['server:sync']({})).toEqual({ connected: true });
    const after = events.slice(before).map((e) => [e.channel, (e.event as CaseState).caseId]);
    expect(after).toEqual([
      ['kiosk:state', undefined],
      ['session:entitlements', undefined],
      ['case:state', 'c1'],
      ['case:state', 'c2'],
    ]);
  });

  it('forgets the cases when the session ends, even if a later greeting still names it', async () => {
    socket!.emit('case:state', caseState(1));
    await until(() => expect(named('case:state')).toHaveLength(1));
    socket!.emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: '2026-01-01T00:09:00Z' });
    await new Promise((r) => setTimeout(r, 50));
    // A reconnect whose greeting was made before the end reached it.
    socket!.disconnect();
    await until(() => expect(named('kiosk:state')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(named('case:state')).toHaveLength(1);
  });

  it('drops what a greeting no longer backs: another session, a ticket that is gone', async () => {
    socket!.emit('case:state', caseState(1));
    socket!.emit('session:entitlements', entitlements);
    // A case of another session is forwarded, but not kept for this kiosk's screen.
    socket!.emit('case:state', caseState(1, 'c9', 's9'));
    await until(() => expect(named('case:state')).toHaveLength(2));
    greeting = greetingWith(null);
    socket!.disconnect();
    await until(() => expect(named('kiosk:state')).toHaveLength(2));
    greeting = greetingWith('s1');
    socket!.disconnect();
    await until(() => expect(named('kiosk:state')).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 50));
    expect(named('case:state')).toHaveLength(2);
    expect(named('session:entitlements')).toHaveLength(1);
  });

  it("passes the resident's actions to the server and its refusal codes back, logging no content", async () => {
    socket!.emit('case:state', caseState(2));
    expect(await handlers()['form:flag']({ caseId: 'c1', field: 'name', revision: 2 })).toEqual({});
    const strokes = {
      canvas: { width: 800, height: 300 },
      strokes: [{ points: [{ x: 1, y: 2, time: 1000 }] }],
    };
    const signed = {
      caseId: 'c1',
      revision: 2,
      hash: HASH,
      strokes,
      consentText: '请在下面签名',
      locale: 'zh-CN',
    } as const;
    expect(await handlers()['form:sign'](signed)).toEqual({});
    const rating = {
      sessionId: 's1',
      rating: { rated: true as const, level: 'satisfied' as const, reasons: [] },
    };
    expect(await handlers()['rating:submit'](rating)).toEqual({});
    const confirm = {
      caseId: 'c1',
      revision: 1,
      hash: HASH,
      consentText: '内容正确，确认',
      locale: 'zh-CN',
    } as const;
    await expect(handlers()['form:confirm'](confirm)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(received).toEqual([
      ['form:flag', { caseId: 'c1', field: 'name', revision: 2 }],
      ['form:sign', signed],
      ['rating:submit', rating],
      ['form:confirm', confirm],
    ]);
    expect(logs.join('\n')).not.toMatch(/李秀英|签名|内容正确/);
  });
});
