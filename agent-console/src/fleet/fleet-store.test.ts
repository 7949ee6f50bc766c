/** The fleet store: the first list, live updates merging rows, filters, order, diagnostics, actions. */
import { describe, expect, it, vi } from 'vitest';
import { ConsoleError } from '../lib/errors';
import type { ConsoleSocket } from '../app/console-socket';
import { FleetStore } from './fleet-store';
import { levelCounts, visibleFleet } from './fleet-rules';
import { diagnostic, fakeTransport, fleetKiosk } from './test-fleet';

/** A socket that only records handlers, and lets the test push. */
function fakeSocket() {
  const handlers = new Map<string, (payload: unknown) => void>();
  const socket = { on: (event: string, fn: (p: unknown) => void) => handlers.set(event, fn) };
  return {
    socket: socket as unknown as ConsoleSocket,
    push: (event: string, payload?: unknown) => handlers.get(event)?.(payload),
  };
}

const ROWS = [
  fleetKiosk('k1', '田林 一号'),
  fleetKiosk('k2', '华悦 二号', ['printer-out-of-paper']),
  fleetKiosk('k3', '康健 三号', ['reader-fault']),
];

describe('FleetStore', () => {
  it('reads the list when opened, then a live update replaces its own row', async () => {
    const store = new FleetStore(fakeTransport(ROWS));
    const { socket, push } = fakeSocket();
    store.bind(socket);
    await store.open();
    expect(store.getSnapshot().kiosks.map((k) => k.level)).toEqual(['green', 'amber', 'red']);

    push('fleet:update', { kiosk: fleetKiosk('k1', '田林 一号', ['offline']) });
    const { kiosks } = store.getSnapshot();
    expect(kiosks).toHaveLength(3);
    expect(kiosks.find((k) => k.kiosk.id === 'k1')?.level).toBe('red');
  });

  it('reads the whole list again when the socket comes back (pushes sent meanwhile were lost)', async () => {
    let rows = ROWS;
    const store = new FleetStore(
      fakeTransport([], { fleet: async () => ({ ...(await fakeTransport(rows).fleet()) }) }),
    );
    const { socket, push } = fakeSocket();
    store.bind(socket);
    push('connect'); // the first connection: nothing loaded yet, nothing read
    await store.open();
    rows = [fleetKiosk('k1', '田林 一号', ['reader-fault']), ...ROWS.slice(1)];
    push('connect');
    await vi.waitFor(() =>
      expect(store.getSnapshot().kiosks.find((k) => k.kiosk.id === 'k1')?.level).toBe('red'),
    );
  });

  it('adds a kiosk it did not know (just enrolled) and ignores malformed pushes', async () => {
    const store = new FleetStore(fakeTransport(ROWS));
    const { socket, push } = fakeSocket();
    store.bind(socket);
    await store.open();
    push('fleet:update', { kiosk: fleetKiosk('k4', '新 四号') });
    push('fleet:update', { kiosk: { id: 'broken' } });
    expect(store.getSnapshot().kiosks.map((k) => k.kiosk.id)).toEqual(['k1', 'k2', 'k3', 'k4']);
  });

  it('filters by centre and level, with counts per level of the chosen centre', async () => {
    const other = fleetKiosk('k9', '姑苏 九号', ['offline']);
    other.kiosk.centreId = 'suzhou-gusu';
    const store = new FleetStore(fakeTransport([...ROWS, other]));
    await store.open();
    store.chooseCentre('xuhui-tianlin');
    store.chooseLevel('red');
    const { kiosks, filter } = store.getSnapshot();
    expect(visibleFleet(kiosks, filter).map((k) => k.kiosk.id)).toEqual(['k3']);
    expect(levelCounts(kiosks, filter.centreId)).toEqual({ green: 1, amber: 1, red: 1, all: 3 });
    expect(levelCounts(kiosks, null).red).toBe(2);
  });

  it('sorts red first, then amber, then by name', () => {
    const rows = [
      fleetKiosk('a', 'B 站'),
      fleetKiosk('b', 'A 站'),
      fleetKiosk('c', 'Z 站', ['disk-low']),
      fleetKiosk('d', 'Y 站', ['offline']),
    ];
    expect(visibleFleet(rows, { centreId: null, level: null }).map((k) => k.kiosk.id)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
  });

  it('keeps diagnostics: the request, then its answer pushed in its place', async () => {
    const sent = diagnostic('k1');
    const store = new FleetStore(
      fakeTransport(ROWS, { requestDiagnostics: vi.fn().mockResolvedValue(sent) }),
    );
    const { socket, push } = fakeSocket();
    store.bind(socket);
    await store.open();
    expect(await store.diagnose('k1', 'checks')).toBe(true);
    push('fleet:diagnostics', {
      request: {
        ...sent,
        state: 'done',
        result: {
          kind: 'checks',
          checks: [{ name: 'printer', ok: false, exitCode: 2, summary: 'out of paper' }],
        },
        finishedAt: sent.requestedAt,
      },
    });
    const list = store.getSnapshot().diagnostics.k1!;
    expect(list).toHaveLength(1);
    expect(list[0]!.state).toBe('done');
  });

  it('merges earlier diagnostics read on select after pushes, without doubles', async () => {
    const older = diagnostic('k1', { id: 'd0', state: 'done' });
    const store = new FleetStore(
      fakeTransport(ROWS, { diagnostics: vi.fn().mockResolvedValue([diagnostic('k1'), older]) }),
    );
    await store.open();
    store.applyDiagnostic(diagnostic('k1', { state: 'done' }));
    await store.select('k1');
    const list = store.getSnapshot().diagnostics.k1!;
    expect(list.map((r) => [r.id, r.state])).toEqual([
      ['d1', 'done'],
      ['d0', 'done'],
    ]);
  });

  it('revoke removes the kiosk and closes its panel; a failure keeps the code', async () => {
    const store = new FleetStore(
      fakeTransport(ROWS, {
        revoke: vi.fn().mockResolvedValue({ kiosk: ROWS[0]!.kiosk, revokedAt: 'x', cancelledTicketId: null }),
        rotate: vi.fn().mockRejectedValue(new ConsoleError('KIOSK_OFFLINE', 'offline', 409)),
      }),
    );
    await store.open();
    await store.select('k1');
    expect(await store.rotate('k2')).toBe(false);
    expect(store.getSnapshot().error).toBe('KIOSK_OFFLINE');
    expect(await store.revoke('k1')).toBe(true);
    const s = store.getSnapshot();
    expect(s.kiosks.map((k) => k.kiosk.id)).toEqual(['k2', 'k3']);
    expect(s.selectedId).toBeNull();
    expect(s.outcome?.kind).toBe('revoked');
    expect(s.error).toBeNull();
  });
});

describe('searching the fleet', () => {
  it('keeps kiosks whose name, location or id hold every word', async () => {
    const store = new FleetStore(fakeTransport(ROWS));
    await store.open();
    store.search('华悦');
    const { kiosks, filter } = store.getSnapshot();
    expect(visibleFleet(kiosks, filter).map((k) => k.kiosk.id)).toEqual(['k2']);
    store.search('  康健   三号 ');
    expect(visibleFleet(kiosks, store.getSnapshot().filter).map((k) => k.kiosk.id)).toEqual(['k3']);
    store.search('nowhere');
    expect(visibleFleet(kiosks, store.getSnapshot().filter)).toEqual([]);
  });
});
