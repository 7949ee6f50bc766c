import { describe, expect, it } from 'vitest';
import type { KioskBridge } from '@rvw/shared';
import { SHARED_LOCALE_KEY, storageLocaleChannel, type LocaleChannel } from './shared-locale';
import { VideoViewApp } from './video-view-app';

/** One origin's localStorage shared by two windows, each told of the other's writes as browsers do. */
function origin() {
  const values = new Map<string, string>();
  const windows: EventTarget[] = [];
  const window = () => {
    const target = new EventTarget();
    windows.push(target);
    const localStorage = {
      getItem: (k: string) => values.get(k) ?? null,
      setItem: (k: string, v: string) => {
        const old = values.get(k) ?? null;
        values.set(k, v);
        for (const other of windows)
          if (other !== target)
            other.dispatchEvent(Object.assign(new Event('storage'), { key: k, oldValue: old, newValue: v }));
      },
    };
    return Object.assign(target, { localStorage }) as unknown as typeof globalThis;
  };
  return { values, window };
}

describe('the language shared between the windows', () => {
  it('the touch window publishes, the video window reads and hears it', () => {
    const o = origin();
    const touch = storageLocaleChannel(o.window());
    const video = storageLocaleChannel(o.window());
    const heard: string[] = [];
    const off = video.subscribe((l) => heard.push(l));
    expect(video.read()).toBeNull();
    touch.publish('en');
    touch.publish('en');
    touch.publish('zh-CN');
    expect(heard).toEqual(['en', 'zh-CN']);
    expect(video.read()).toBe('zh-CN');
    off();
    touch.publish('en');
    expect(heard).toEqual(['en', 'zh-CN']);
  });

  it('ignores other keys and values that are not a language', () => {
    const o = origin();
    const video = storageLocaleChannel(o.window());
    const other = o.window();
    const heard: string[] = [];
    video.subscribe((l) => heard.push(l));
    other.localStorage.setItem('something', 'en');
    other.localStorage.setItem(SHARED_LOCALE_KEY, 'fr');
    expect(heard).toEqual([]);
    expect(video.read()).toBeNull();
  });

  it('without storage it does nothing and throws nothing', () => {
    const target = Object.defineProperty(new EventTarget(), 'localStorage', {
      get() {
        throw new Error('SecurityError');
      },
    }) as unknown as typeof globalThis;
    const channel = storageLocaleChannel(target);
    expect(channel.read()).toBeNull();
    expect(() => channel.publish('en')).not.toThrow();
  });
});

describe("the video window follows the resident's language", () => {
  const bridge = {
    on: () => () => undefined,
    invoke: async (channel: string) =>
      channel === 'config:get' ? { locale: 'zh-CN', demo: false } : { connected: true },
  } as unknown as KioskBridge;

  function channel(initial: 'en' | 'zh-CN' | null) {
    let value = initial;
    let listener: ((l: 'en' | 'zh-CN') => void) | null = null;
    const c: LocaleChannel & { change(l: 'en' | 'zh-CN'): void } = {
      read: () => value,
      publish: (l) => (value = l),
      subscribe: (cb) => ((listener = cb), () => (listener = null)),
      change: (l) => {
        value = l;
        listener?.(l);
      },
    };
    return c;
  }

  it("starts in the published language, else the kiosk's, and follows changes", async () => {
    const locales = channel(null);
    const app = new VideoViewApp(bridge, { locales });
    await app.start();
    expect(app.getSnapshot().locale).toBe('zh-CN');
    locales.change('en');
    expect(app.getSnapshot().locale).toBe('en');
    app.stop();
    locales.change('zh-CN');
    expect(app.getSnapshot().locale).toBe('en');

    const reloaded = new VideoViewApp(bridge, { locales: channel('en') });
    await reloaded.start();
    expect(reloaded.getSnapshot().locale).toBe('en');
    reloaded.stop();
  });
});
