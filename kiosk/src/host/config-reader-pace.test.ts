import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKioskConfig } from './config';

const base = {
  RVW_SERVER_URL: 'http://127.0.0.1:8080/',
  RVW_KIOSK_TOKEN: 'tok',
  RVW_IDCARD_PORT: '/dev/ttyUSB0',
};

describe('loadKioskConfig: the reader poll intervals (adaptive polling)', () => {
  it('leaves them absent by default (the host then uses 60 ms idle / 500 ms serving)', () => {
    expect(loadKioskConfig(base).idcard).toEqual({ path: '/dev/ttyUSB0', baudRate: 115200 });
  });

  it('reads RVW_IDCARD_POLL_IDLE_MS and RVW_IDCARD_POLL_SERVING_MS, over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ idcardPollIdleMs: 80, idcardPollServingMs: 900 }));
    expect(loadKioskConfig({ ...base, RVW_KIOSK_CONFIG: file }).idcard).toEqual({
      path: '/dev/ttyUSB0',
      baudRate: 115200,
      pollIdleMs: 80,
      pollServingMs: 900,
    });
    const env = {
      ...base,
      RVW_KIOSK_CONFIG: file,
      RVW_IDCARD_POLL_IDLE_MS: '70',
      RVW_IDCARD_POLL_SERVING_MS: '1000',
    };
    expect(loadKioskConfig(env).idcard).toMatchObject({ pollIdleMs: 70, pollServingMs: 1000 });
  });

  it('refuses a value out of range or not a whole number, naming the variable', () => {
    expect(() => loadKioskConfig({ ...base, RVW_IDCARD_POLL_IDLE_MS: '5' })).toThrow(
      /RVW_IDCARD_POLL_IDLE_MS.*at least 20/,
    );
    expect(() => loadKioskConfig({ ...base, RVW_IDCARD_POLL_SERVING_MS: 'slow' })).toThrow(
      /RVW_IDCARD_POLL_SERVING_MS.*number/,
    );
    expect(() => loadKioskConfig({ ...base, RVW_IDCARD_POLL_SERVING_MS: '20000' })).toThrow(/at most 10000/);
  });
});
