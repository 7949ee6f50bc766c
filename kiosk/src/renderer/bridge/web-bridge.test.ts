import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeErrorCode } from '@rvw/shared';
import type { CardSummary } from '@rvw/shared';
import { io } from 'socket.io-client';
import type { KioskConfig } from '../../host/config';
import { FakeReader, sampleResidentCard } from '../../host/fake-reader';
import { bootKioskHost } from '../../host/kiosk-host';
import type { KioskHost } from '../../host/kiosk-host';
import { startBrowserShell } from '../../browser-shell/browser-shell';
import type { BrowserShell } from '../../browser-shell/browser-shell';
import { createWebBridge } from './web-bridge';

const config: KioskConfig = {
  serverUrl: 'http://127.0.0.1:9',
  kioskToken: 'tok',
  locale: 'en',
  idcard: { path: '/dev/fake', baudRate: 115200 },
  demo: false,
  demoSimControl: null,
  fullscreen: false,
};

describe('web bridge against the real browser shell', () => {
  let reader: FakeReader;
  let host: KioskHost;
  let web: BrowserShell;
  let bridge: ReturnType<typeof createWebBridge>;

  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-r-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    reader = new FakeReader();
    host = await bootKioskHost(config, {
      reader,
      logger: { info() {}, warn() {}, error() {} },
      connect: () => io(config.serverUrl, { autoConnect: false }),
    });
    web = await startBrowserShell({ kioskHost: host, rendererDir: dir });
    bridge = createWebBridge(web.url);
  });
  afterEach(async () => {
    bridge.close();
    await web.close();
    await host.close();
  });

  it('invokes and receives events with the same types as the preload bridge', async () => {
    expect(await bridge.invoke('config:get', {})).toMatchObject({ locale: 'en', demo: false });
    const card = new Promise<CardSummary>((resolve) => bridge.on('idcard:card', resolve));
    // The socket is connected once an invoke has been answered.
    reader.place(sampleResidentCard);
    expect(await card).toMatchObject({ familyName: '李', idNumberMasked: '310***********0021' });
  });

  it('throws coded errors', async () => {
    const err = await bridge
      .invoke('identity:share', { ticketId: 't', consentText: '把您的信息告诉工作人员吗？', locale: 'zh-CN' })
      .catch((e: unknown) => e);
    expect(bridgeErrorCode(err)).toBe('NO_CARD');
    const bad = await bridge
      .invoke('identity:share', { ticketId: '', consentText: '把您的信息告诉工作人员吗？', locale: 'zh-CN' })
      .catch((e: unknown) => e);
    expect(bridgeErrorCode(bad)).toBe('BAD_PAYLOAD');
    expect(bridgeErrorCode(new Error('FORBIDDEN: no'))).toBe('FORBIDDEN');
    expect(bridgeErrorCode('weird')).toBe('INTERNAL');
  });
});
