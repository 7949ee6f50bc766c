import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventChannel } from '@rvw/shared';
import {
  connectAgent,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import type { ServerLinkFeature } from './server-link';
import { recordingContext, type RecordedEvent } from './recording-context';
import { serverLinkFeature } from './server-link';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });

describe('server link: a transfer of the session (issue 11 #6)', () => {
  let t: TestServer;
  let link: ServerLinkFeature | null = null;
  const agents: TestClient[] = [];
  let events: RecordedEvent[] = [];
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    await link?.close();
    link = null;
    for (const a of agents.splice(0)) a.close();
    await t.close();
  });

  async function agent(name: string): Promise<{ id: string; client: TestClient }> {
    const a = await createTestAgent(t.server, { displayName: name });
    const client = await connectAgent(t.url, a.token);
    agents.push(client);
    okData(await client.request('agent:status', { status: 'available' }));
    return { id: a.agent.id, client };
  }

  it('forwards session:transfer, and the second session:opened of the same session with the new agent', async () => {
    const k = await createTestKiosk(t.server);
    const recorded = recordingContext(t.url, k.token);
    events = recorded.events;
    link = serverLinkFeature(recorded.ctx);
    const named = (channel: BridgeEventChannel) =>
      events.filter((e) => e.channel === channel).map((e) => e.event);
    await until(() => expect(named('kiosk:state')).toHaveLength(1));
    const first = await agent('李敏');
    const second = await agent('王芳');
    const position = await link.handlers['ticket:request']({});
    const opened = okData(await first.client.request('ticket:accept', { ticketId: position.ticket.id }));
    const sessionId = opened.session.id;
    okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'blind',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    await until(() => expect(named('session:transfer')).toHaveLength(1));
    okData(await second.client.request('ticket:accept', { ticketId: position.ticket.id }));
    await until(() => expect(named('session:transfer')).toHaveLength(2));

    const story = events
      .filter((e) => e.channel === 'session:opened' || e.channel === 'session:transfer')
      .map((e) =>
        e.channel === 'session:opened'
          ? `opened:${(e.event as { session: { id: string; agent: { id: string } } }).session.agent.id === second.id ? 'second' : 'first'}`
          : `transfer:${(e.event as { phase: string }).phase}`,
      );
    expect(story).toEqual(['opened:first', 'transfer:transferring', 'opened:second', 'transfer:connected']);
    const openings = named('session:opened') as Array<{ session: { id: string }; initiator: boolean }>;
    expect(openings.map((o) => [o.session.id, o.initiator])).toEqual([
      [sessionId, false],
      [sessionId, false],
    ]);
    expect(named('session:transfer')).toEqual([
      { sessionId, phase: 'transferring' },
      { sessionId, phase: 'connected' },
    ]);
  });
});
