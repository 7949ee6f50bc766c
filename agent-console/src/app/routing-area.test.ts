/**
 * The routing area's binding of the server's pushes: checked payloads reach the status and offer
 * stores, malformed ones and those of a replaced sign-in are dropped; the offer's countdown takes
 * the workbench's server-clock offset; a dropped connection or a call closes the prompt.
 */
import { describe, expect, it } from 'vitest';
import { offerOf, presence, queueEntry } from '../queue/test-entries';
import type { ConsoleSocket } from './console-socket';
import type { NoticeBody } from './console-state';
import { RoutingArea } from './routing-area';

/** A socket that only records listeners, so the test can push events. */
function fakeSocket() {
  const handlers = new Map<string, (payload: unknown) => void>();
  const socket = { on: (event: string, fn: (payload: unknown) => void) => handlers.set(event, fn) };
  return {
    socket: socket as unknown as ConsoleSocket,
    push: (event: string, payload: unknown) => handlers.get(event)?.(payload),
  };
}

function area(offsetMs = 0) {
  const notices: NoticeBody[] = [];
  const routing = new RoutingArea(
    () => null,
    { opened: () => undefined, notice: (n) => notices.push(n), offsetMs: () => offsetMs },
    { centres: async () => [] },
  );
  return { routing, notices };
}

const T0 = '2026-11-22T01:00:00.000Z';

describe('RoutingArea', () => {
  it('feeds checked pushes to its stores and drops malformed ones', () => {
    const { routing } = area(3000);
    const { socket, push } = fakeSocket();
    routing.bind(socket);
    push('agent:status', { status: 'available' });
    expect(routing.status.getSnapshot().presence).toBeNull();
    push('agent:status', presence({ status: 'wrap-up' }));
    expect(routing.status.getSnapshot().presence?.status).toBe('wrap-up');
    push('offer:new', { offerId: 'o1' });
    expect(routing.offers.getSnapshot().held).toBeNull();
    push('offer:new', offerOf(queueEntry('A001'), T0));
    expect(routing.offers.getSnapshot().held).toMatchObject({ offer: { offerId: 'o-A001' }, offsetMs: 3000 });
    push('offer:gone', { offerId: 'o-A001', outcome: 'nonsense' });
    expect(routing.offers.getSnapshot().held).not.toBeNull();
    push('offer:gone', { offerId: 'o-A001', outcome: 'withdrawn' });
    expect(routing.offers.getSnapshot().held).toBeNull();
    routing.reset();
  });

  it('ignores the pushes of a sign-in that is no longer the page’s', () => {
    const { routing } = area();
    const { socket, push } = fakeSocket();
    routing.bind(socket, () => false);
    push('agent:status', presence());
    push('offer:new', offerOf(queueEntry('A001'), T0));
    expect(routing.status.getSnapshot().presence).toBeNull();
    expect(routing.offers.getSnapshot().held).toBeNull();
  });

  it('closes the prompt without a word when the connection drops or a call opens', () => {
    const { routing, notices } = area();
    const { socket, push } = fakeSocket();
    routing.bind(socket);
    push('offer:new', offerOf(queueEntry('A001'), T0));
    routing.disconnected();
    expect(routing.offers.getSnapshot().held).toBeNull();
    push('offer:new', offerOf(queueEntry('A002'), T0));
    routing.callOpened();
    expect(routing.offers.getSnapshot().held).toBeNull();
    expect(notices).toEqual([]);
    routing.reset();
  });

  it('tells a refused status change as a notice', async () => {
    const notices: NoticeBody[] = [];
    const routing = new RoutingArea(
      () => null,
      { opened: () => undefined, notice: (n) => notices.push(n), offsetMs: () => 0 },
      { status: { choose: () => Promise.reject(Object.assign(new Error('x'), { code: 'WRONG_STATE' })) } },
    );
    await routing.status.choose('away');
    expect(notices).toEqual([{ kind: 'status-refused', status: 'away', code: 'WRONG_STATE' }]);
  });
});
