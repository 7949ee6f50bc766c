/**
 * The console's call against the real server: the call is given up after its grace period and the
 * session ends as lost media with the resident back at the front (issue 7 #2); one tab owns the
 * call, another is told it is open elsewhere and can take it over (issue 8 #4).
 */
import { afterEach, expect, test } from 'vitest';
import {
  CallController,
  DelayTablePolicy,
  FakePeer,
  noLocalMedia,
  type CallControllerOptions,
} from '@rvw/shared/call';
import { connectAgent, createTestAgent, okData, type TestClient } from '@rvw/signaling-server/testing';
import type { ConsoleSocket } from '../app/console-socket';
import { useConsoleTestServer } from '../app/test-rig';
import { ConsoleCall, type ConsoleCallView } from './console-call';

const server = useConsoleTestServer();
const calls: ConsoleCall[] = [];

afterEach(() => {
  for (const call of calls.splice(0)) call.end();
});

/** A kiosk whose ticket an agent (socket `tab1`) accepted, plus a second socket of the same agent. */
async function acceptedCall() {
  const { kiosk, ticket } = await server.kioskWithTicket();
  const { token } = await createTestAgent(server.server);
  const tab1 = await connectAgent(server.url, token);
  const tab2 = await connectAgent(server.url, token);
  server.track(tab1, tab2);
  const opened = okData(await tab1.request('ticket:accept', { ticketId: ticket.id }));
  return { kiosk, tab1, tab2, ticket, opened };
}

/** A ConsoleCall on `client`'s socket with test peers; returns it, its peers and its views. */
function startCall(
  client: TestClient,
  opened: Awaited<ReturnType<typeof acceptedCall>>['opened'],
  tabId: string,
  policy?: DelayTablePolicy,
) {
  const peers: FakePeer[] = [];
  const views: ConsoleCallView[] = [];
  const call = new ConsoleCall({
    socket: client.socket as unknown as ConsoleSocket,
    opened,
    tabId,
    createCall: (options: CallControllerOptions) =>
      new CallController({
        ...options,
        openMedia: noLocalMedia,
        ...(policy ? { policy } : {}),
        createPeer: (o) => {
          const peer = new FakePeer(o);
          peers.push(peer);
          return peer;
        },
      }),
    onChange: (view) => views.push(view),
  });
  calls.push(call);
  call.start();
  return { call, peers, views, last: () => views.at(-1) };
}

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('past the grace period the console ends the session as lost media; the resident is first in line again', async () => {
  const { kiosk, tab1, ticket, opened } = await acceptedCall();
  // Gives up at the first drop, as the default policy does once its 45 s are over.
  const { peers, last } = startCall(tab1, opened, 'tab-1', new DelayTablePolicy({ maxRetries: 0 }));
  await until(() => peers[0]?.started === true);
  const from = kiosk.received.length;
  peers[0]!.options.onConnected?.();
  peers[0]!.options.onClosed?.(new Error('ICE failed'));
  expect(last()?.media?.state).toBe('failed');
  expect(await kiosk.waitFor('session:ended', () => true, { from })).toMatchObject({
    endedBy: 'system',
    reason: 'media-lost',
  });
  expect(await kiosk.waitFor('ticket:update', (u) => u.ticket.status === 'waiting', { from })).toMatchObject({
    ticket: { id: ticket.id },
    position: 1,
  });
});

test('a second tab is told the call is open elsewhere and stops; taking it over moves the call', async () => {
  const { tab1, tab2, opened } = await acceptedCall();
  const first = startCall(tab1, opened, 'tab-1');
  const second = startCall(tab2, opened, 'tab-2');
  await until(() => second.last()?.elsewhere === true);
  expect(second.peers.every((p) => p.ended)).toBe(true);
  expect(first.last()?.elsewhere).toBe(false);

  await second.call.takeOver();
  await until(() => first.last()?.elsewhere === true);
  expect(first.peers.every((p) => p.ended)).toBe(true);
  expect(second.last()).toMatchObject({ elsewhere: false, media: { state: 'connecting' } });
  expect(second.peers.filter((p) => !p.ended)).toHaveLength(1);
});
