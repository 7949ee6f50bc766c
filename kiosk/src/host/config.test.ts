import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKioskConfig } from './config';
import { kioskDataDir } from './data-dir';

const base = { RVW_SERVER_URL: 'http://127.0.0.1:8080/', RVW_KIOSK_TOKEN: 'tok' };

describe('loadKioskConfig', () => {
  it('applies the defaults', () => {
    expect(loadKioskConfig(base)).toEqual({
      serverUrl: 'http://127.0.0.1:8080',
      kioskToken: 'tok',
      locale: 'zh-CN',
      idcard: null,
      demo: false,
      demoSimControl: null,
      fullscreen: true,
      profile: 'fixed',
      display: { layout: 'single' },
      printer: { name: null, cupsUrl: 'http://localhost:631' },
      documentCamera: null,
    });
  });

  it('reads the reader, locale, demo and fullscreen settings from the environment', () => {
    const c = loadKioskConfig({
      ...base,
      RVW_IDCARD_PORT: '/dev/ttyUSB0',
      RVW_IDCARD_BAUD: '57600',
      RVW_LOCALE: 'en',
      RVW_DEMO: '1',
      RVW_DEMO_SIM_CONTROL: 'http://127.0.0.1:7001',
      RVW_KIOSK_FULLSCREEN: 'false',
    });
    expect(c).toMatchObject({
      idcard: { path: '/dev/ttyUSB0', baudRate: 57600 },
      locale: 'en',
      demo: true,
      demoSimControl: 'http://127.0.0.1:7001',
      fullscreen: false,
    });
  });

  it('reads a config file, and the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ serverUrl: 'https://centre.example', kioskToken: 'from-file' }));
    expect(loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toMatchObject({
      serverUrl: 'https://centre.example',
      kioskToken: 'from-file',
    });
    expect(loadKioskConfig({ RVW_KIOSK_CONFIG: file, RVW_KIOSK_TOKEN: 'env' }).kioskToken).toBe('env');
  });

  it('fails with CONFIG_INVALID and a sentence naming the problem', () => {
    expect(() => loadKioskConfig({})).toThrow(/RVW_SERVER_URL/);
    expect(() => loadKioskConfig({ ...base, RVW_SERVER_URL: 'ftp://x' })).toThrow(/http/);
    expect(() => loadKioskConfig({ ...base, RVW_LOCALE: 'fr' })).toThrow(/RVW_LOCALE/);
    expect(() => loadKioskConfig({ ...base, RVW_IDCARD_BAUD: '12345' })).toThrow(/RVW_IDCARD_BAUD/);
    expect(() => loadKioskConfig({ RVW_KIOSK_CONFIG: '/nonexistent/k.json' })).toThrow(/cannot be read/);
    try {
      loadKioskConfig({});
    } catch (err) {
      expect(err).toMatchObject({ code: 'CONFIG_INVALID' });
    }
  });
});

describe('loadKioskConfig variable checks', () => {
  it('names the variable of a flag, a baud rate or a URL it cannot read', () => {
    expect(() => loadKioskConfig({ ...base, RVW_DEMO: 'maybe' })).toThrow(/RVW_DEMO .*must be a boolean/);
    expect(() => loadKioskConfig({ ...base, RVW_IDCARD_BAUD: 'fast' })).toThrow(/RVW_IDCARD_BAUD .*number/);
    expect(() => loadKioskConfig({ ...base, RVW_DEMO_SIM_CONTROL: 'not a url' })).toThrow(
      /RVW_DEMO_SIM_CONTROL .*URL/,
    );
  });

  it('reads yes/no flags both ways and treats empty variables as unset', () => {
    expect(loadKioskConfig({ ...base, RVW_DEMO: 'on', RVW_KIOSK_FULLSCREEN: 'off' })).toMatchObject({
      demo: true,
      fullscreen: false,
    });
    expect(loadKioskConfig({ ...base, RVW_IDCARD_PORT: ' ', RVW_LOCALE: '' })).toMatchObject({
      idcard: null,
      locale: 'zh-CN',
    });
  });
});

describe('loadKioskConfig file checks', () => {
  it('judges file values as it judges variables, naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(
      file,
      JSON.stringify({ serverUrl: 'http://x', kioskToken: 't', idcardPort: 'COM3', idcardBaud: 12345 }),
    );
    expect(() => loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toThrow(
      /RVW_IDCARD_BAUD \(or idcardBaud in the config file\) must be one of/,
    );
  });

  it('names a field of the wrong type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ serverUrl: 'http://x', kioskToken: 't', demo: 'yes' }));
    expect(() => loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toThrow(/demo must be a boolean/);
    writeFileSync(file, '[1,2]');
    expect(() => loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toThrow(/JSON object/);
    writeFileSync(file, '{not json');
    expect(() => loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toThrow(/not valid JSON/);
  });
});

describe('loadKioskConfig printer and document camera', () => {
  it('reads the queue, the CUPS address and the camera label from the environment', () => {
    const c = loadKioskConfig({
      ...base,
      RVW_KIOSK_PRINTER: ' Front-Desk ',
      RVW_KIOSK_CUPS_URL: 'http://127.0.0.1:8631/',
      RVW_KIOSK_DOCUMENT_CAMERA: 'Document Cam',
    });
    expect(c.printer).toEqual({ name: 'Front-Desk', cupsUrl: 'http://127.0.0.1:8631' });
    expect(c.documentCamera).toBe('Document Cam');
    expect(loadKioskConfig({ ...base, RVW_KIOSK_CUPS_URL: 'ipp://printhost:631' }).printer?.cupsUrl).toBe(
      'ipp://printhost:631',
    );
  });

  it('reads them from the config file, the environment winning, and empty means unset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(
      file,
      JSON.stringify({
        serverUrl: 'http://x',
        kioskToken: 't',
        printer: 'Q1',
        cupsUrl: 'http://cups.local:631',
        documentCamera: '',
      }),
    );
    expect(loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toMatchObject({
      printer: { name: 'Q1', cupsUrl: 'http://cups.local:631' },
      documentCamera: null,
    });
    expect(
      loadKioskConfig({ RVW_KIOSK_CONFIG: file, RVW_KIOSK_PRINTER: 'Q2', RVW_KIOSK_DOCUMENT_CAMERA: 'USB' }),
    ).toMatchObject({ printer: { name: 'Q2' }, documentCamera: 'USB' });
  });

  it('names a bad CUPS address or a field of the wrong type', () => {
    expect(() => loadKioskConfig({ ...base, RVW_KIOSK_CUPS_URL: 'localhost:631' })).toThrow(
      /RVW_KIOSK_CUPS_URL \(or cupsUrl in the config file\) must be an http\(s\) or ipp\(s\) URL/,
    );
    expect(() => loadKioskConfig({ ...base, RVW_KIOSK_DOCUMENT_CAMERA: 'x'.repeat(201) })).toThrow(
      /RVW_KIOSK_DOCUMENT_CAMERA/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ serverUrl: 'http://x', kioskToken: 't', printer: 3 }));
    expect(() => loadKioskConfig({ RVW_KIOSK_CONFIG: file })).toThrow(/printer must be a string/);
  });

  it('without a token the kiosk is not enrolled: the token is empty, not an error (issue 12)', () => {
    expect(loadKioskConfig({ RVW_SERVER_URL: 'http://x' }).kioskToken).toBe('');
    expect(loadKioskConfig({ RVW_SERVER_URL: 'http://x', RVW_KIOSK_TOKEN: '  ' }).kioskToken).toBe('');
  });

  it('reads kiosk.json in the data folder by default; RVW_KIOSK_CONFIG wins over it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-data-'));
    writeFileSync(join(dataDir, 'kiosk.json'), JSON.stringify({ serverUrl: 'https://from-data.example' }));
    expect(loadKioskConfig({ RVW_KIOSK_DATA_DIR: dataDir })).toMatchObject({
      serverUrl: 'https://from-data.example',
      kioskToken: '',
    });
    const other = join(dataDir, 'other.json');
    writeFileSync(other, JSON.stringify({ serverUrl: 'https://named.example', kioskToken: 'from-named' }));
    expect(loadKioskConfig({ RVW_KIOSK_DATA_DIR: dataDir, RVW_KIOSK_CONFIG: other })).toMatchObject({
      serverUrl: 'https://named.example',
      kioskToken: 'from-named',
    });
    // A data folder without kiosk.json: environment only, as before.
    const empty = mkdtempSync(join(tmpdir(), 'rvw-kiosk-data-'));
    expect(() => loadKioskConfig({ RVW_KIOSK_DATA_DIR: empty })).toThrow(/RVW_SERVER_URL/);
    writeFileSync(join(empty, 'kiosk.json'), '{ not json');
    expect(() => loadKioskConfig({ RVW_KIOSK_DATA_DIR: empty })).toThrow(/not valid JSON/);
  });

  it('finds the data folder per platform, and RVW_KIOSK_DATA_DIR names it', () => {
    expect(kioskDataDir({}, 'linux', '/home/k')).toBe('/home/k/.config/@rvw/kiosk');
    expect(kioskDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/k')).toBe('/x/@rvw/kiosk');
    expect(kioskDataDir({ APPDATA: 'C:/Users/k/AppData/Roaming' }, 'win32', 'C:/Users/k')).toContain(
      join('C:/Users/k/AppData/Roaming', '@rvw', 'kiosk'),
    );
    expect(kioskDataDir({ RVW_KIOSK_DATA_DIR: '/srv/kiosk' }, 'linux', '/home/k')).toBe('/srv/kiosk');
  });
});
