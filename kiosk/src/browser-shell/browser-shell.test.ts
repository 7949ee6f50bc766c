import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { KioskConfig } from '../host/config';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { BRIDGE_IO_PATH, IdCardErrorCode, MATERIAL_MAX_BYTES } from '@rvw/shared';
import type { BridgeResult } from '@rvw/shared';
import { FakePrinterDriver } from '../devices/printer';
import { bootKioskHost } from '../host/kiosk-host';
import type { KioskHost } from '../host/kiosk-host';
import { startBrowserShell } from './browser-shell';
import type { BrowserShell } from './browser-shell';

const config: KioskConfig = {
  serverUrl: 'http://127.0.0.1:9',
  kioskToken: 'tok',
  locale: 'zh-CN',
  idcard: { path: '/dev/fake', baudRate: 115200 },
  demo: false,
  demoSimControl: null,
  fullscreen: false,
};
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** A GET that sends the path exactly as written (fetch would normalise dot segments first). */
function rawGet(base: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { path }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

function invoke(socket: Socket, channel: string, request: unknown): Promise<BridgeResult> {
  return new Promise((resolve) => socket.emit('invoke', channel, request, resolve));
}

// The consent text a screen showed, which identity:share carries to the consent ledger.
const shown = { consentText: '把您的信息告诉工作人员吗？', locale: 'zh-CN' as const };

describe('startBrowserShell', () => {
  let dir: string;
  let reader: FakeReader;
  let printer: FakePrinterDriver;
  let kioskHost: KioskHost;
  let web: BrowserShell;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rvw-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    reader = new FakeReader();
    printer = new FakePrinterDriver({ printers: ['Front'] });
    kioskHost = await bootKioskHost(config, {
      reader,
      printerDriver: printer,
      printTempDir: dir,
      // The printer is re-read often here, so that a change shows without waiting a minute.
      healthIntervalMs: 50,
      logger: quiet,
      connect: () => io(config.serverUrl, { autoConnect: false }),
    });
    web = await startBrowserShell({ kioskHost, rendererDir: dir });
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await web.close();
    await kioskHost.close();
  });

  function connect(extraHeaders?: Record<string, string>): Promise<Socket> {
    const socket = io(web.url, {
      path: BRIDGE_IO_PATH,
      transports: ['websocket'],
      extraHeaders,
      reconnection: false,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  it('binds to loopback and serves the renderer with an index fallback', async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const index = await fetch(`${web.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await (await fetch(`${web.url}/assets/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${web.url}/welcome`)).status).toBe(200);
    expect((await fetch(`${web.url}/assets/missing.js`)).status).toBe(404);
    for (const path of [
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/../../../etc/passwd',
    ]) {
      const body = await rawGet(web.url, path);
      expect(body).not.toContain('root:');
    }
  });

  it("serves the kiosk's health: the reader's and the printer's state", async () => {
    const health = async () => (await fetch(`${web.url}/health`)).json() as Promise<Record<string, unknown>>;
    await expect.poll(async () => (await health()).printer).toMatchObject({ name: 'Front', ready: true });
    expect(await health()).toMatchObject({ idcard: { state: 'online' } });
    printer.setProblem('not-accepting');
    reader.setStatus({ state: 'fault', reason: IdCardErrorCode.SamSelfTestFailed });
    await expect
      .poll(async () => (await health()).printer)
      .toMatchObject({ ready: false, problem: 'not-accepting', accepting: false });
    expect(await health()).toMatchObject({ idcard: { state: 'fault' } });
    expect(JSON.stringify(await health())).not.toContain('tok');
  });

  it('refuses a non-loopback bind address', async () => {
    await expect(startBrowserShell({ kioskHost, rendererDir: dir, host: '0.0.0.0' })).rejects.toThrow(
      TypeError,
    );
  });

  it('answers invokes with the same validation as the Electron bridge', async () => {
    const socket = await connect();
    expect(await invoke(socket, 'idcard:status', {})).toEqual({ ok: true, data: { state: 'online' } });
    expect(await invoke(socket, 'config:get', {})).toEqual({
      ok: true,
      data: { locale: 'zh-CN', demo: false, documentCamera: null, profile: 'fixed' },
    });
    expect(await invoke(socket, 'identity:share', { ticketId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(await invoke(socket, 'shell:exec', {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_CHANNEL' },
    });
    expect(await invoke(socket, 'identity:share', { ticketId: 't', ...shown })).toMatchObject({
      ok: false,
      error: { code: 'NO_CARD' },
    });
    // A bad call leaves the connection usable.
    expect(await invoke(socket, 'idcard:current', {})).toEqual({ ok: true, data: { card: null } });
  });

  it('carries a captured picture of the largest size to the host', async () => {
    const socket = await connect();
    const data = Buffer.alloc(MATERIAL_MAX_BYTES, 7).toString('base64');
    // The host has no server here: the answer is the host's, and the page stays connected.
    expect(
      await invoke(socket, 'material:upload', { requestId: 'r1', mime: 'image/jpeg', data }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE' },
    });
    expect(socket.connected).toBe(true);
  });

  it('pushes card events to every page, masked', async () => {
    const a = await connect();
    const b = await connect();
    const got = (s: Socket) =>
      new Promise<unknown[]>((resolve) => s.once('event', (...args: unknown[]) => resolve(args)));
    const pa = got(a);
    const pb = got(b);
    reader.place(sampleResidentCard);
    const [ea, eb] = await Promise.all([pa, pb]);
    expect(ea).toEqual(eb);
    expect(ea![0]).toBe('idcard:card');
    expect(ea![1]).toMatchObject({ name: '李秀英', idNumberMasked: '310***********0021' });
    expect(JSON.stringify(ea)).not.toContain(sampleResidentCard.idNumber);
  });

  it('forgets a held card taken away while no page is open; keeps it while a page is open', async () => {
    const page = await connect();
    reader.place(sampleResidentCard);
    reader.remove();
    // A page is open: the resident may still consent with the card in hand (the share goes on to the server).
    expect(await invoke(page, 'identity:share', { ticketId: 't', ...shown })).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE' },
    });
    page.disconnect();
    await new Promise((r) => setTimeout(r, 50));
    reader.place(sampleResidentCard);
    reader.remove();
    // Nobody is looking: the card is wiped at once, not when the next page starts.
    await expect(kioskHost.handlers['identity:share']({ ticketId: 't', ...shown })).rejects.toMatchObject({
      code: 'NO_CARD',
    });
  });

  it('refuses pages from another origin', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow();
    const ok = await connect({ origin: web.url });
    expect(ok.connected).toBe(true);
  });
});
