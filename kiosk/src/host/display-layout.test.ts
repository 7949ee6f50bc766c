import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKioskConfig } from './config';
import { formatDisplaySelector, parseDisplaySelector, sameSelector } from './display-layout';

const base = { RVW_SERVER_URL: 'http://127.0.0.1:8080', RVW_KIOSK_TOKEN: 'tok' };

describe('display selectors', () => {
  it('reads upper, lower, primary, index:N and id:N, in any case', () => {
    expect(parseDisplaySelector('upper')).toEqual({ kind: 'upper' });
    expect(parseDisplaySelector(' Lower ')).toEqual({ kind: 'lower' });
    expect(parseDisplaySelector('PRIMARY')).toEqual({ kind: 'primary' });
    expect(parseDisplaySelector('index:1')).toEqual({ kind: 'index', index: 1 });
    expect(parseDisplaySelector('id:2528732444')).toEqual({ kind: 'id', id: 2528732444 });
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'top', '1', 'index:', 'index:-1', 'id:x', 'index:1.5', 'upper lower'])
      expect(parseDisplaySelector(bad), bad).toBeNull();
  });

  it('writes a selector back as the configuration names it', () => {
    for (const text of ['upper', 'lower', 'primary', 'index:0', 'id:77'])
      expect(formatDisplaySelector(parseDisplaySelector(text)!)).toBe(text);
    expect(sameSelector({ kind: 'index', index: 1 }, { kind: 'index', index: 1 })).toBe(true);
    expect(sameSelector({ kind: 'index', index: 1 }, { kind: 'id', id: 1 })).toBe(false);
  });
});

describe('loadKioskConfig: the display layout', () => {
  it('is single by default', () => {
    expect(loadKioskConfig(base).display).toEqual({ layout: 'single' });
  });

  it('dual puts the video on the upper display and the touch screens on the lower one by default', () => {
    expect(loadKioskConfig({ ...base, RVW_KIOSK_LAYOUT: 'dual' }).display).toEqual({
      layout: 'dual',
      video: { kind: 'upper' },
      touch: { kind: 'lower' },
    });
  });

  it('names the displays by index or id, from the environment or the file', () => {
    expect(
      loadKioskConfig({
        ...base,
        RVW_KIOSK_LAYOUT: 'Dual',
        RVW_KIOSK_VIDEO_DISPLAY: 'index:1',
        RVW_KIOSK_TOUCH_DISPLAY: 'primary',
      }).display,
    ).toEqual({ layout: 'dual', video: { kind: 'index', index: 1 }, touch: { kind: 'primary' } });

    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-display-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...{ serverUrl: base.RVW_SERVER_URL, kioskToken: 't' },
        layout: 'dual',
        videoDisplay: 'id:42',
        touchDisplay: 'id:43',
      }),
    );
    expect(loadKioskConfig({ RVW_KIOSK_CONFIG: file }).display).toEqual({
      layout: 'dual',
      video: { kind: 'id', id: 42 },
      touch: { kind: 'id', id: 43 },
    });
    // The environment wins over the file, as for every setting.
    expect(loadKioskConfig({ RVW_KIOSK_CONFIG: file, RVW_KIOSK_LAYOUT: 'single' }).display).toEqual({
      layout: 'single',
    });
  });

  it('refuses a bad layout or display with a sentence naming the variable and the file field', () => {
    expect(() => loadKioskConfig({ ...base, RVW_KIOSK_LAYOUT: 'triple' })).toThrow(
      /RVW_KIOSK_LAYOUT \(or layout in the config file\) must be single or dual, not "triple"/,
    );
    expect(() =>
      loadKioskConfig({ ...base, RVW_KIOSK_LAYOUT: 'dual', RVW_KIOSK_VIDEO_DISPLAY: 'top' }),
    ).toThrow(
      /RVW_KIOSK_VIDEO_DISPLAY \(or videoDisplay in the config file\) must be upper, lower, primary, index:N or id:N, not "top"/,
    );
    expect(() => loadKioskConfig({ ...base, RVW_KIOSK_TOUCH_DISPLAY: '2' })).toThrow(
      /RVW_KIOSK_TOUCH_DISPLAY .* not "2"/,
    );
    expect(() =>
      loadKioskConfig({ ...base, RVW_KIOSK_LAYOUT: 'dual', RVW_KIOSK_VIDEO_DISPLAY: 'lower' }),
    ).toThrow(/RVW_KIOSK_TOUCH_DISPLAY .* must name another display than RVW_KIOSK_VIDEO_DISPLAY .* "lower"/);
    expect(() => loadKioskConfig({ ...base, RVW_KIOSK_LAYOUT: 'dual' })).not.toThrow();
  });

  it('refuses a display field of the wrong type in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-display-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ serverUrl: base.RVW_SERVER_URL, kioskToken: 't', videoDisplay: 1 }));
    expect(() => loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toThrow(/videoDisplay must be a string/);
  });

  it('a single layout ignores the display names (a technician may switch back and forth)', () => {
    expect(
      loadKioskConfig({ ...base, RVW_KIOSK_VIDEO_DISPLAY: 'lower', RVW_KIOSK_TOUCH_DISPLAY: 'lower' })
        .display,
    ).toEqual({ layout: 'single' });
  });
});
