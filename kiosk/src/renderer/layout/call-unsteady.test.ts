/**
 * Issue 13 #1: the call shows "网络不稳定，正在重新连接" while no media gets through or while the
 * kiosk's own link to the server is down, and the video window follows the host's link status.
 */
import { describe, expect, it } from 'vitest';
import type { KioskBridge } from '@rvw/shared';
import { t } from '../i18n';
import { callUnsteady } from './CallVideo';
import { VideoViewApp } from './video-view-app';

describe('callUnsteady', () => {
  it('is true while the media is lost or the server link is down, and only then', () => {
    expect(callUnsteady('connected', true)).toBe(false);
    expect(callUnsteady(undefined, true)).toBe(false);
    expect(callUnsteady('connecting', true)).toBe(false);
    expect(callUnsteady('reconnecting', true)).toBe(true);
    expect(callUnsteady('connected', false)).toBe(true);
  });

  it('says the network is unsteady and that nothing needs doing, in both languages', () => {
    expect(t('zh-CN', 'call.reconnecting')).toBe('网络不稳定，正在重新连接');
    expect(t('zh-CN', 'call.reconnectingHint')).toContain('您不用做任何操作');
    expect(t('en', 'call.reconnecting')).toBe('The network is unsteady — reconnecting');
    expect(t('en', 'call.reconnectingHint')).toContain('nothing you need to do');
  });
});

/** A bridge whose host says its server link is `connected` at the sync; events sent by the test. */
function fakeBridge(connected: boolean) {
  const listeners = new Map<string, Array<(e: unknown) => void>>();
  const bridge = {
    on(channel: string, listener: (e: unknown) => void) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return () => undefined;
    },
    invoke(channel: string) {
      if (channel === 'server:sync') return Promise.resolve({ connected });
      if (channel === 'config:get') return Promise.resolve({ locale: 'zh-CN' });
      return Promise.reject(new Error(`unexpected ${channel}`));
    },
  };
  const emit = (channel: string, event: unknown) => {
    for (const l of listeners.get(channel) ?? []) l(event);
  };
  return { bridge: bridge as unknown as KioskBridge, emit };
}

describe("the video window's view of the server link", () => {
  const locales = { read: () => null, subscribe: () => () => undefined, publish: () => undefined };

  it('takes the status from the sync at start, then follows server:status', async () => {
    const { bridge, emit } = fakeBridge(false);
    const app = new VideoViewApp(bridge, {
      locales,
      startCall: () => ({ sessionId: 's', signal() {}, end() {} }),
    });
    await app.start();
    expect(app.getSnapshot().serverConnected).toBe(false);
    emit('server:status', { connected: true });
    expect(app.getSnapshot().serverConnected).toBe(true);
    emit('server:status', { connected: false });
    expect(app.getSnapshot().serverConnected).toBe(false);
    app.stop();
  });
});
