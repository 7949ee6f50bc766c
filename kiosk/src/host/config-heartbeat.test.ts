import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKioskConfig } from './config';

// A data folder of its own, so that no kiosk.json of this machine is read.
const base = () => ({
  RVW_SERVER_URL: 'http://127.0.0.1:8080/',
  RVW_KIOSK_TOKEN: 'tok',
  RVW_KIOSK_DATA_DIR: mkdtempSync(join(tmpdir(), 'rvw-hb-')),
});

describe('RVW_HEARTBEAT_MS', () => {
  it('is absent by default (the reporter then beats every 30 s)', () => {
    expect(loadKioskConfig(base()).heartbeatMs).toBeUndefined();
  });

  it('reads the interval from the environment or the file, the environment winning', () => {
    expect(loadKioskConfig({ ...base(), RVW_HEARTBEAT_MS: ' 10000 ' }).heartbeatMs).toBe(10_000);
    const file = join(mkdtempSync(join(tmpdir(), 'rvw-hb-')), 'kiosk.json');
    writeFileSync(file, JSON.stringify({ heartbeatMs: 15000 }));
    expect(loadKioskConfig({ ...base(), RVW_KIOSK_CONFIG: file }).heartbeatMs).toBe(15_000);
    expect(
      loadKioskConfig({ ...base(), RVW_KIOSK_CONFIG: file, RVW_HEARTBEAT_MS: '20000' }).heartbeatMs,
    ).toBe(20_000);
  });

  it('refuses a value that is not a sensible number of ms, naming the variable', () => {
    for (const bad of ['fast', '500', '1.5', '99999999'])
      expect(() => loadKioskConfig({ ...base(), RVW_HEARTBEAT_MS: bad })).toThrow(/RVW_HEARTBEAT_MS/);
  });
});
