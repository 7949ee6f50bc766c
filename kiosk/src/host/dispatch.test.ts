import { describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '@rvw/shared';
import { BridgeError, parseBridgeEvent } from '@rvw/shared';
import { dispatchBridgeCall } from './dispatch';

function handlers(overrides: Partial<BridgeHandlers> = {}): BridgeHandlers {
  return {
    'config:get': async () => ({ locale: 'zh-CN', demo: false, documentCamera: null, profile: 'fixed' }),
    'appointment:check-in': async () => ({ appointment: null }),
    'appointment:slots': async () => ({ slots: [] }),
    'readiness:check': async () => ({ canCall: true, checks: [], at: '2026-01-01T00:00:00.000Z' }),
    'call:setup': async () => ({}),
    'enrolment:state': async () => ({ enrolled: true, serverUrl: null, kiosk: null }),
    'enrolment:redeem': async () => {
      throw BridgeError.internal();
    },
    'appointment:book': async () => {
      throw BridgeError.internal();
    },
    'idcard:status': async () => ({ state: 'online' }),
    'idcard:current': async () => ({ card: null }),
    'identity:share': async () => ({ shared: true }),
    'identity:wipe': async () => ({}),
    'server:sync': async () => ({ connected: false }),
    'ticket:request': async () => {
      throw BridgeError.serverUnreachable('no answer');
    },
    'ticket:cancel': async () => ({}),
    'session:end': async ({ sessionId }) => ({
      sessionId,
      endedBy: 'kiosk',
      endedAt: '2026-01-01T00:00:00Z',
    }),
    'signal:send': async () => ({}),
    'form:flag': async () => ({}),
    'form:confirm': async () => ({}),
    'form:sign': async () => ({}),
    'rating:submit': async () => ({}),
    'print:consent': async () => {
      throw BridgeError.serverUnreachable('no answer');
    },
    'material:consent': async () => {
      throw BridgeError.serverUnreachable('no answer');
    },
    'material:cancel': async () => {
      throw BridgeError.serverUnreachable('no answer');
    },
    'material:upload': async () => {
      throw BridgeError.serverUnreachable('no answer');
    },
    'demo:card': async () => {
      throw BridgeError.forbidden('Sample cards can only be placed in demo mode.');
    },
    ...overrides,
  };
}

describe('dispatchBridgeCall', () => {
  it('answers ok with the handler data', async () => {
    expect(
      await dispatchBridgeCall(handlers(), 'identity:share', {
        ticketId: 'x',
        consentText: '把您的信息告诉工作人员吗？',
        locale: 'zh-CN',
      }),
    ).toEqual({
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
    expect(
      await dispatchBridgeCall(h, 'identity:share', {
        ticketId: '',
        consentText: '把您的信息告诉工作人员吗？',
        locale: 'zh-CN',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(
      await dispatchBridgeCall(h, 'identity:share', {
        ticketId: 'a',
        consentText: '把您的信息告诉工作人员吗？',
        locale: 'zh-CN',
        extra: 1,
      }),
    ).toMatchObject({
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

describe('parseBridgeEvent', () => {
  it('accepts contract events and rejects others', () => {
    expect(parseBridgeEvent('idcard:removed', {})).toEqual({});
    expect(parseBridgeEvent('idcard:status', { state: 'weird' })).toBeNull();
  });
});
