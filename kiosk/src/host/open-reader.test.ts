import { describe, expect, it } from 'vitest';
import type { ReaderLogEntry } from '../devices/idcard/service';
import type { KioskConfig } from './config';
import { openReader } from './open-reader';

const base: KioskConfig = {
  serverUrl: 'http://127.0.0.1:9',
  kioskToken: 't',
  locale: 'zh-CN',
  idcard: null,
  demo: false,
  demoSimControl: null,
  fullscreen: false,
};

describe('openReader', () => {
  it('returns null when no port is configured (the host then reports disabled)', async () => {
    expect(await openReader(base)).toBeNull();
  });
  it('returns an unstarted GA 467 reader service for a configured port', async () => {
    const reader = await openReader({ ...base, idcard: { path: '/dev/rvw-no-such-port', baudRate: 115200 } });
    expect(reader).not.toBeNull();
    expect(typeof reader!.start).toBe('function');
    expect(reader!.status.state).not.toBe('online');
    await reader!.stop();
  });
  it('hands the service the log sink: its status changes reach it as codes', async () => {
    const entries: ReaderLogEntry[] = [];
    const reader = await openReader(
      { ...base, idcard: { path: '/dev/rvw-no-such-port', baudRate: 115200 } },
      (entry) => entries.push(entry),
    );
    await reader!.start();
    await reader!.stop();
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'warn', event: 'status', code: 'IDCARD_PORT_OPEN_FAILED' }),
    );
  });
});
