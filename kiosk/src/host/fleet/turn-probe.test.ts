/**
 * The readiness TURN probe's servers (issue 13 #4): the kiosk-bound short-lived TURN credential the
 * server hands out with kiosk:state and each heartbeat's ack is used before any session, the latest
 * wins, and a renewed credential (a new `<expiry>:` prefix) does not undo the probe's minute cache.
 */
import { EventEmitter } from 'node:events';
import type { BridgeEventMap, IceServer } from '@rvw/shared';
import { describe, expect, it, vi } from 'vitest';
import { kioskIceServers, turnProbe } from './turn-probe';

const turn = (expiry: number, id = 'kiosk-K1'): IceServer => ({
  urls: ['turn:127.0.0.1:3478'],
  username: `${expiry}:${id}`,
  credential: `cred-${expiry}`,
});

describe('kioskIceServers', () => {
  it('takes the kiosk’s own entry from kiosk:state, then the session’s, then the latest ack', () => {
    const events = new EventEmitter<BridgeEventMap>();
    const ice = kioskIceServers(events, { RVW_ICE_SERVERS: '[{"urls":"stun:env"}]' });
    expect(ice.current()).toEqual([{ urls: 'stun:env' }]);
    const state = { kiosk: { id: 'K1', name: 'k' }, ticket: null, session: null, iceServers: [turn(100)] };
    events.emit('kiosk:state', state as unknown as BridgeEventMap['kiosk:state'][0]);
    expect(ice.current()).toEqual([turn(100)]);
    events.emit('session:opened', {
      iceServers: [turn(200, 'S1')],
    } as unknown as BridgeEventMap['session:opened'][0]);
    expect(ice.current()).toEqual([turn(200, 'S1')]);
    ice.update([turn(300)]);
    expect(ice.current()).toEqual([turn(300)]);
    ice.close();
  });
});

describe('turnProbe with renewed REST credentials', () => {
  it('uses the newest credential, and a renewal within the minute reuses the outcome', async () => {
    let servers = [turn(100)];
    let t = 0;
    const step = vi.fn(async () => ({ ok: true as const, phrase: 'TURN ok', details: {} }));
    const probe = turnProbe({ iceServers: () => servers, step, now: () => t });
    expect(await probe.check()).toMatchObject({ result: 'ok' });
    expect(step).toHaveBeenLastCalledWith(
      expect.objectContaining({ username: '100:kiosk-K1' }),
      expect.any(Number),
    );
    servers = [turn(130)];
    t = 30_000;
    await probe.check();
    expect(step).toHaveBeenCalledTimes(1);
    t = 61_000;
    await probe.check();
    expect(step).toHaveBeenCalledTimes(2);
    expect(step).toHaveBeenLastCalledWith(
      expect.objectContaining({ username: '130:kiosk-K1', credential: 'cred-130' }),
      expect.any(Number),
    );
  });
});
