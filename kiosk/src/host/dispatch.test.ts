import { describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '@rvw/shared';
import { checkBridgeEvent, dispatchBridgeCall } from './dispatch';
import { KioskError } from './errors';

function handlers(overrides: Partial<BridgeHandlers> = {}): BridgeHandlers {
  return {
    'config:get': async () => ({
      serverUrl: 'http://127.0.0.1:1',
      kioskToken: 't',
      locale: 'zh-CN',
      demo: false,
    }),
    'idcard:status': async () => ({ state: 'online' }),
    'idcard:current': async () => ({ card: null }),
    'identity:share': async () => ({ shared: true }),
    'identity:wipe': async () => ({}),
    'demo:card': async () => {
      throw KioskError.forbidden('Sample cards can only be placed in demo mode.');
    },
    ...overrides,
  };
}

describe('dispatchBridgeCall', () => {
  it('answers ok with the handler data', async () => {
    expect(await dispatchBridgeCall(handlers(), 'identity:share', { ticketId: 'x' })).toEqual({
      ok: true,
      data: { shared: true },
    });
  });
  it('rejects unknown channels and malformed payloads without calling a handler', async () => {
    let called = false;
    const h = handlers({
      'identity:share': async () => {
        called = true;
        return { shared: true };
      },
    });
    expect(await dispatchBridgeCall(h, 'fs:read', {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_CHANNEL' },
    });
    expect(await dispatchBridgeCall(h, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_CHANNEL' },
    });
    expect(await dispatchBridgeCall(h, 'identity:share', { ticketId: '' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(await dispatchBridgeCall(h, 'identity:share', { ticketId: 'a', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(called).toBe(false);
  });
  it('passes coded errors through and hides unexpected ones behind INTERNAL', async () => {
    expect(await dispatchBridgeCall(handlers(), 'demo:card', { cardType: null })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const logged: string[] = [];
    const h = handlers({
      'idcard:status': async () => {
        throw new Error('secret 310106194903070021');
      },
    });
    const res = await dispatchBridgeCall(h, 'idcard:status', {}, { error: (m) => logged.push(m) });
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toContain('310106');
    expect(logged.join()).not.toContain('310106');
  });
  it('holds answers to the contract', async () => {
    const h = handlers({ 'idcard:status': async () => ({ state: 'exploded' }) as never });
    expect(await dispatchBridgeCall(h, 'idcard:status', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('checkBridgeEvent', () => {
  it('accepts contract events and rejects others', () => {
    expect(checkBridgeEvent('idcard:removed', {})).toEqual({});
    expect(() => checkBridgeEvent('idcard:status', { state: 'weird' })).toThrow(/contract/);
  });
});
