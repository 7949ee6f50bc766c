import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
} from '@rvw/signaling-server/testing';
import type { TestClient, TestServer } from '@rvw/signaling-server/testing';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { bootKioskHost } from '../host/kiosk-host';
import type { KioskHost, KioskHostDeps } from '../host/kiosk-host';
import type { BrowserShell } from '../browser-shell/browser-shell';
import { startRendererStack, testKioskConfig, type RendererStack } from '../browser-shell/test-stack';
import type { KioskApp } from './kiosk-app';
import { takesTaps } from './flow/machine';
import type { FlowState } from './flow/machine';
import type { TicketNeed } from '@rvw/shared';

const quiet = { info() {}, warn() {}, error() {} };

// The controller on the real stack it runs on in a browser: the real signaling server, the real
// kiosk host (with a fake reader) and the web bridge over the browser shell's socket.io. The call's
// WebRTC part finds no camera and no RTCPeerConnection in Node, so the call screen shows no media.
describe('KioskApp against the real signaling server, through the real host', () => {
  let t: TestServer;
  let token: string;
  let agent: TestClient;
  let reader: FakeReader;
  let host: KioskHost | null;
  let web: BrowserShell | null;
  let bridge: RendererStack['bridge'] | null;
  let app: KioskApp | null;
  let serverUp: boolean;
  const others: TestClient[] = [];

  beforeEach(async () => {
    t = await startTestServer();
    serverUp = true;
    token = (await createTestKiosk(t.server)).token;
    // The walk's resident presses 医保: the agent has the skill, so the queue shows the ticket at once.
    agent = await connectAgent(
      t.url,
      (await createTestAgent(t.server, { skills: ['medical-insurance'] })).token,
    );
    reader = new FakeReader();
    host = web = bridge = app = null;
  });

  afterEach(async () => {
    app?.stop();
    bridge?.close();
    await web?.close();
    await host?.close();
    agent.close();
    for (const c of others.splice(0)) c.close();
    if (serverUp) await t.close();
  });

  async function startKiosk(deps: KioskHostDeps = {}): Promise<KioskApp> {
    host = await bootKioskHost(testKioskConfig(t.url, token), { reader, logger: quiet, ...deps });
    const stack = await startRendererStack(host, 'rvw-kiosk-app-');
    ({ web, bridge } = stack);
    app = stack.app;
    return stack.app;
  }

  /** A kiosk ticket made before the screen starts, as a kiosk that restarted mid-visit has. */
  async function ticketBeforeStart(): Promise<string> {
    const kiosk = await connectKiosk(t.url, token);
    others.push(kiosk);
    const position = okData(await kiosk.request('ticket:request', {}));
    kiosk.close();
    return position.ticket.id;
  }

  const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });
  // A screen takes taps once it has settled (read time, and speech started: immediate without speech).
  const settled = (a: KioskApp) => until(() => expect(takesTaps(a.getSnapshot().flow)).toBe(true));
  /** The tile and the disability answer, each once its screen has settled. */
  async function sayNeed(a: KioskApp, need: TicketNeed = 'unsure', disability = false): Promise<void> {
    await until(() => expect(a.getSnapshot().flow.screen).toBe('need'));
    await settled(a);
    a.send({ type: 'choose-need', need });
    await settled(a);
    a.send({ type: 'answer-disability', disability });
  }

  it('walks card -> consent -> ticket -> identity shared -> call -> rating -> thanks -> wiped welcome', async () => {
    const a = await startKiosk();
    const flow = (): FlowState => a.getSnapshot().flow;
    await until(() => expect(a.getSnapshot().serverConnected).toBe(true));
    expect(flow().reader.state).toBe('online');

    reader.place(sampleResidentCard);
    await until(() => expect(flow().screen).toBe('greeting'));
    a.send({ type: 'confirm-identity' });
    await settled(a);
    a.send({ type: 'consent', agree: true });
    await sayNeed(a, 'medical-insurance', true);
    await until(() => expect(flow().identityShared).toBe(true));
    expect(flow().screen).toBe('waiting');
    expect(flow().ticket?.position).toBe(1);
    const ticketId = flow().ticket!.ticket.id;
    // The agent's queue shows the consented identity, masked.
    const entry = await agent.waitFor('queue:update', (q) =>
      q.entries.some((e) => e.ticketId === ticketId && e.identity?.name === '李秀英'),
    );
    expect(JSON.stringify(entry)).not.toContain(sampleResidentCard.idNumber);
    // The ticket carries the tile the resident pressed (issue 11 #1).
    expect(flow().ticket?.ticket.need).toBe('medical-insurance');

    const opened = okData(await agent.request('ticket:accept', { ticketId }));
    await until(() => expect(flow().screen).toBe('call'));
    expect(flow().session?.session.id).toBe(opened.session.id);
    okData(await agent.request('session:end', { sessionId: opened.session.id }));
    await until(() => expect(flow().screen).toBe('rating'));
    await settled(a);
    a.send({ type: 'rate', level: 'very-satisfied' });
    expect(flow().screen).toBe('thanks');
    await settled(a);
    a.send({ type: 'thanks-done' });
    await until(async () => expect((await host!.handlers['idcard:current']({})).card).toBeNull());
    expect(flow().screen).toBe('welcome');
  });

  it('declining consent wipes the card before the ticket and never posts the identity', async () => {
    const a = await startKiosk();
    const flow = (): FlowState => a.getSnapshot().flow;
    await until(() => expect(a.getSnapshot().serverConnected).toBe(true));
    reader.place(sampleResidentCard);
    await until(() => expect(flow().screen).toBe('greeting'));
    a.send({ type: 'confirm-identity' });
    await settled(a);
    a.send({ type: 'consent', agree: false });
    await sayNeed(a);
    await until(() => expect(flow().screen).toBe('waiting'));
    expect((await host!.handlers['idcard:current']({})).card).toBeNull();
    const ticketId = flow().ticket!.ticket.id;
    const entry = await agent.waitFor('queue:update', (q) => q.entries.some((e) => e.ticketId === ticketId));
    expect(entry.entries.find((e) => e.ticketId === ticketId)?.identity).toBeUndefined();
    expect(flow().ticket?.ticket.hasIdentity).toBe(false);
    // The agent is told the resident declined, not that no card was shown (issue 8 #13b).
    expect(entry.entries.find((e) => e.ticketId === ticketId)?.identityIntent).toBe('declined');
  });

  it('resumes a waiting ticket when the server says so on connect, and cancels it', async () => {
    const ticketId = await ticketBeforeStart();
    const a = await startKiosk();
    const flow = (): FlowState => a.getSnapshot().flow;
    await until(() => expect(flow().screen).toBe('waiting'));
    expect(flow().ticket?.ticket.id).toBe(ticketId);
    expect(flow().ticket?.position).toBe(1);
    await settled(a);
    a.send({ type: 'cancel-ticket' });
    expect(flow().screen).toBe('welcome');
    await agent.waitFor('queue:update', (q) => q.entries.length === 0 && q.serverTime !== '');
  });

  it('hang-up tells the server and language returns to the default after the visit', async () => {
    const ticketId = await ticketBeforeStart();
    const a = await startKiosk();
    const flow = (): FlowState => a.getSnapshot().flow;
    // An offline kiosk's ticket cannot be accepted (issue 8 #5): the agent accepts once it is back.
    await until(() => expect(flow().screen).toBe('waiting'));
    const opened = okData(await agent.request('ticket:accept', { ticketId }));
    await until(() => expect(flow().screen).toBe('call'));
    a.setLocale('en');
    const mark = agent.received.length;
    a.send({ type: 'hang-up' });
    const ended = await agent.waitFor('session:ended', (e) => e.sessionId === opened.session.id, {
      from: mark,
    });
    expect(ended.endedBy).toBe('kiosk');
    expect(flow().screen).toBe('rating');
    await settled(a);
    a.send({ type: 'rate', level: 'satisfied' });
    await settled(a);
    a.send({ type: 'thanks-done' });
    expect(a.getSnapshot().locale).toBe('zh-CN');
  });

  it('with the server out of reach the readiness check stops the call before a ticket, and goes home from it', async () => {
    await t.close();
    serverUp = false;
    const a = await startKiosk({ requestTimeoutMs: 200 });
    const flow = (): FlowState => a.getSnapshot().flow;
    expect(a.getSnapshot().serverConnected).toBe(false);
    a.send({ type: 'call-without-card' });
    await sayNeed(a);
    // The host's verdict names the server: the resident is told calmly, never sent into a call.
    await until(() => expect(flow().screen).toBe('no-video'));
    expect(flow().ticket).toBeNull();
    a.send({ type: 'reset' });
    expect(flow().screen).toBe('welcome');
  });
});
