/**
 * Issue 13 #1 on the console, against the real server: while the kiosk is away the call view carries
 * the deadline the server announced (`session:member`), and when the kiosk is back the call restarts
 * its media at once: an ICE restart on a live peer, a fresh peer for a dead one.
 */
import { afterEach, expect, test } from 'vitest';
import { CallController, FakePeer, noLocalMedia, type CallControllerOptions } from '@rvw/shared/call';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
} from '@rvw/signaling-server/testing';
import type { ConsoleSocket } from '../app/console-socket';
import { useConsoleTestServer } from '../app/test-rig';
import { ConsoleCall, type ConsoleCallView } from './console-call';

const server = useConsoleTestServer();
const calls: ConsoleCall[] = [];

afterEach(() => {
  for (const call of calls.splice(0)) call.end();
});

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** An accepted session whose call runs in a ConsoleCall with test peers; the kiosk's token to come back with. */
async function callInProgress() {
  const { token: kioskToken } = await createTestKiosk(server.server);
  const kiosk = await connectKiosk(server.url, kioskToken);
  const { ticket } = okData(await kiosk.request('ticket:request', {}));
  const agent = await connectAgent(server.url, (await createTestAgent(server.server)).token);
  server.track(kiosk, agent);
  const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
  const peers: FakePeer[] = [];
  const views: ConsoleCallView[] = [];
  const options: CallControllerOptions[] = [];
  const call = new ConsoleCall({
    socket: agent.socket as unknown as ConsoleSocket,
    opened,
    tabId: 'tab-1',
    createCall: (o) => {
      options.push(o);
      return new CallController({
        ...o,
        openMedia: noLocalMedia,
        createPeer: (p) => {
          const peer = new FakePeer(p);
          peers.push(peer);
          return peer;
        },
      });
    },
    onChange: (view) => views.push(view),
  });
  calls.push(call);
  call.start();
  await until(() => peers[0]?.started === true);
  peers[0]!.connect();
  const back = async () => {
    const again = await connectKiosk(server.url, kioskToken);
    server.track(again);
    return again;
  };
  return { kiosk, back, peers, options, last: () => views.at(-1)!, opened };
}

test("the media grace follows the server's member grace (graceSeconds)", async () => {
  const { options, opened } = await callInProgress();
  expect(opened.graceSeconds).toBe(60);
  expect(options[0]!.mediaGraceMs).toBe(60_000);
});

test('says the kiosk is away until its deadline, and restarts ICE on the live peer when it is back', async () => {
  const { kiosk, back, peers, last } = await callInProgress();
  const before = Date.now();
  kiosk.close();
  await until(() => typeof last().kioskAway === 'string');
  const deadline = Date.parse(last().kioskAway!);
  expect(deadline).toBeGreaterThanOrEqual(before + 59_000);
  expect(deadline).toBeLessThanOrEqual(Date.now() + 60_000);
  // The kiosk's network is out: ICE finds no path.
  peers[0]!.unstable(true);
  expect(peers[0]!.iceRestarts).toBe(0);

  await back();
  await until(() => last().kioskAway === null);
  expect(peers[0]!.iceRestarts).toBe(1);
  expect(peers).toHaveLength(1);
  peers[0]!.unstable(false);
  expect(last().media?.state).toBe('connected');
});

test('builds a fresh peer at once when the kiosk is back and the old peer is dead', async () => {
  const { kiosk, back, peers, last } = await callInProgress();
  kiosk.close();
  await until(() => typeof last().kioskAway === 'string');
  peers[0]!.close(new Error('ICE failed'));
  // The policy's next attempt would come 2 s after the close; the kiosk's return does not wait for it.
  await back();
  await until(() => last().kioskAway === null);
  await until(() => peers.length === 2, 1000);
  expect(peers[1]!.started).toBe(true);
});
