import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { io } from 'socket.io-client';
import { AttachIdentityRequest, IdCardErrorCode, isValidIdNumber } from '@rvw/shared';
import type { CardSummary } from '@rvw/shared';
import type { KioskConfig } from './config';
import { FakeReader, sampleForeignCard, sampleResidentCard } from './fake-reader';
import { bootKioskHost } from './kiosk-host';
import type { KioskHost, KioskLogger } from './kiosk-host';

const TOKEN = 'kiosk-secret-token';
const shown = { consentText: 'May we tell the staff member who you are?', locale: 'en' as const };

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

// What the server answers: the identity route returns the ticket (as httpRoutes says), the simulator control {}.
function okBody(url: string | undefined): unknown {
  if (url !== '/api/kiosk/identity') return {};
  const ticket = {
    id: 't-1',
    number: 'A001',
    kioskId: 'k1',
    status: 'waiting',
    createdAt: '2026-01-01T00:00:00Z',
    need: 'unsure',
    centreId: 'main',
  };
  return { ticket: { ...ticket, hasIdentity: true } };
}

/** A tiny real HTTP server standing in for the signaling server's identity API and the simulator control. */
async function startStub(status = 200): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : null,
      });
      if (req.headers.authorization !== undefined && req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'AUTH_INVALID', message: 'bad token' } }));
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 200 ? okBody(req.url) : { error: { code: 'NOT_FOUND', message: 'no ticket' } },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function config(overrides: Partial<KioskConfig> = {}): KioskConfig {
  return {
    serverUrl: 'http://127.0.0.1:9',
    kioskToken: TOKEN,
    locale: 'zh-CN',
    idcard: { path: '/dev/fake', baudRate: 115200 },
    demo: false,
    demoSimControl: null,
    fullscreen: false,
    ...overrides,
  };
}

// These tests are about the card and demo features: the server link gets a socket that never connects.
const offline = { connect: () => io('http://127.0.0.1:9', { autoConnect: false }) };

class MemoryLogger implements KioskLogger {
  lines: string[] = [];
  info(m: string): void {
    this.lines.push(m);
  }
  warn(m: string): void {
    this.lines.push(m);
  }
  error(m: string): void {
    this.lines.push(m);
  }
}

describe('bootKioskHost', () => {
  let stub: Awaited<ReturnType<typeof startStub>>;
  let reader: FakeReader;
  let logger: MemoryLogger;
  let host: KioskHost | null = null;

  beforeEach(async () => {
    stub = await startStub();
    reader = new FakeReader();
    logger = new MemoryLogger();
  });
  afterEach(async () => {
    await host?.close();
    host = null;
    await new Promise((r) => stub.server.close(r));
  });

  it('starts the reader and reports its status', async () => {
    host = await bootKioskHost(config(), { ...offline, reader, logger });
    const statuses: string[] = [];
    host.events.on('idcard:status', (s) => statuses.push(s.state));
    await Promise.resolve();
    expect(reader.started).toBe(true);
    expect((await host.handlers['idcard:status']({})).state).toBe('online');
    reader.setStatus({ state: 'fault', reason: IdCardErrorCode.SamSelfTestFailed });
    expect(statuses).toEqual(['fault']);
    expect(await host.handlers['idcard:status']({})).toEqual({
      state: 'fault',
      reason: IdCardErrorCode.SamSelfTestFailed,
    });
  });

  it('reports disabled when no reader is configured', async () => {
    host = await bootKioskHost(config({ idcard: null }), { ...offline, reader: null, logger });
    expect((await host.handlers['idcard:status']({})).state).toBe('disabled');
  });

  it('reports fault when the reader cannot start', async () => {
    reader.failStart = new Error('ENOENT /dev/ttyUSB0');
    host = await bootKioskHost(config(), { ...offline, reader, logger });
    // The start failure may be reported before boot returns: read the status the host holds.
    await vi.waitFor(async () =>
      expect(await host!.handlers['idcard:status']({})).toMatchObject({
        state: 'fault',
        reason: 'START_FAILED',
      }),
    );
  });

  it('emits a masked summary on card and keeps the card for idcard:current', async () => {
    host = await bootKioskHost(config(), {
      ...offline,
      reader,
      logger,
      now: () => new Date('2025-05-01T00:00:00Z'),
    });
    const cards: CardSummary[] = [];
    host.events.on('idcard:card', (c) => cards.push(c));
    reader.place(sampleResidentCard);
    expect(cards).toEqual([
      {
        cardType: 'resident',
        name: '李秀英',
        familyName: '李',
        gender: 'female',
        age: 76,
        idNumberMasked: '310***********0021',
      },
    ]);
    expect(JSON.stringify(cards)).not.toContain(sampleResidentCard.idNumber);
    expect((await host.handlers['idcard:current']({})).card?.idNumberMasked).toBe('310***********0021');
    const removed: unknown[] = [];
    host.events.on('idcard:removed', (e) => removed.push(e));
    reader.remove();
    expect(removed).toEqual([{}]);
  });

  it('greets a foreign card without a Chinese name by its English name, with no family name', async () => {
    host = await bootKioskHost(config(), { ...offline, reader, logger });
    const card = new Promise<CardSummary>((r) => host!.events.once('idcard:card', r));
    reader.place(sampleForeignCard);
    expect(await card).toMatchObject({ name: 'SMITH, JOHN', familyName: '', cardType: 'foreign-permanent' });
  });

  it('shares the identity with the bearer token and the exact body after consent', async () => {
    host = await bootKioskHost(config({ serverUrl: stub.url }), { ...offline, reader, logger });
    reader.place(sampleResidentCard);
    expect(await host.handlers['identity:share']({ ticketId: 't-1', ...shown })).toEqual({ shared: true });
    expect(stub.received).toHaveLength(1);
    const [req] = stub.received;
    expect(req).toMatchObject({
      method: 'POST',
      url: '/api/kiosk/identity',
      authorization: `Bearer ${TOKEN}`,
    });
    const body = AttachIdentityRequest.parse(req!.body);
    // The consent text the screen showed, in its language, goes with it (the consent ledger).
    expect(body).toMatchObject({ ticketId: 't-1', consent: true, ...shown });
    expect(body.identity).toMatchObject({
      name: '李秀英',
      idNumber: sampleResidentCard.idNumber,
      idNumberValid: true,
      // What a form is prefilled from (issue 9 part 2), under the same consent.
      address: '上海市静安区示例路1号',
      issuer: '上海市公安局静安分局',
      validFrom: '2015-01-01',
      validTo: 'long-term',
    });
    expect(isValidIdNumber(body.identity.idNumber)).toBe(true);
  });

  it('refuses to share without a card (NO_CARD) and after a wipe', async () => {
    host = await bootKioskHost(config({ serverUrl: stub.url }), { ...offline, reader, logger });
    await expect(host.handlers['identity:share']({ ticketId: 't-1', ...shown })).rejects.toMatchObject({
      code: 'NO_CARD',
    });
    reader.place(sampleResidentCard);
    await host.handlers['identity:wipe']({});
    expect((await host.handlers['idcard:current']({})).card).toBeNull();
    await expect(host.handlers['identity:share']({ ticketId: 't-1', ...shown })).rejects.toMatchObject({
      code: 'NO_CARD',
    });
    expect(stub.received).toHaveLength(0);
  });

  it('keeps the card after it is taken off the reader, so consent can still be honoured', async () => {
    host = await bootKioskHost(config({ serverUrl: stub.url }), { ...offline, reader, logger });
    reader.place(sampleResidentCard);
    reader.remove();
    expect(await host.handlers['identity:share']({ ticketId: 't-2', ...shown })).toEqual({ shared: true });
  });

  it('says SERVER_UNREACHABLE when nothing listens and SERVER_REJECTED with the server code on an error', async () => {
    host = await bootKioskHost(config({ serverUrl: 'http://127.0.0.1:9' }), { ...offline, reader, logger });
    reader.place(sampleResidentCard);
    await expect(host.handlers['identity:share']({ ticketId: 't-1', ...shown })).rejects.toMatchObject({
      code: 'SERVER_UNREACHABLE',
    });
    await host.close();

    const refusing = await startStub(404);
    try {
      host = await bootKioskHost(config({ serverUrl: refusing.url }), { ...offline, reader, logger });
      reader.place(sampleResidentCard);
      const err = await host.handlers['identity:share']({ ticketId: 'gone', ...shown }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: 'SERVER_REJECTED' });
      expect((err as Error).message).toContain('NOT_FOUND');
      // The card is still held: a retry with a good ticket may follow.
      expect((await host.handlers['idcard:current']({})).card).not.toBeNull();
    } finally {
      await new Promise((r) => refusing.server.close(r));
    }
  });

  it('never writes the full ID number or the name to the log', async () => {
    host = await bootKioskHost(config({ serverUrl: stub.url }), { ...offline, reader, logger });
    reader.place(sampleResidentCard);
    await host.handlers['identity:share']({ ticketId: 't-1', ...shown });
    await host.handlers['identity:wipe']({});
    const log = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(log).not.toContain(sampleResidentCard.idNumber);
    expect(log).not.toContain('李秀英');
    expect(log).not.toContain('示例路');
  });

  it('wipes the card and stops the reader on close; later cards are ignored', async () => {
    host = await bootKioskHost(config({ serverUrl: stub.url }), { ...offline, reader, logger });
    reader.place(sampleResidentCard);
    await host.close();
    expect(reader.stopped).toBe(true);
    expect(reader.listenerCount('card')).toBe(0);
    await expect(host.handlers['idcard:current']({})).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(host.handlers['identity:share']({ ticketId: 't', ...shown })).rejects.toMatchObject({
      code: 'CLOSED',
    });
  });

  it('returns the runtime config without the reader settings, the server URL or the token', async () => {
    host = await bootKioskHost(config({ demo: true }), { ...offline, reader, logger });
    // Neither the server URL nor the kiosk token: the host alone talks to the server.
    expect(await host.handlers['config:get']({})).toEqual({
      locale: 'zh-CN',
      demo: true,
      documentCamera: null,
      profile: 'fixed',
    });
    await host.close();
    const printer = { name: 'Front', cupsUrl: 'http://127.0.0.1:8631' };
    host = await bootKioskHost(config({ printer, documentCamera: 'Doc Cam' }), {
      ...offline,
      reader,
      logger,
    });
    const answer = await host.handlers['config:get']({});
    // The document camera's label, but not the printer's address.
    expect(answer).toEqual({ locale: 'zh-CN', demo: false, documentCamera: 'Doc Cam', profile: 'fixed' });
  });

  it('forbids demo:card outside demo mode and drives the simulator control in demo mode', async () => {
    host = await bootKioskHost(config(), { ...offline, reader, logger });
    await expect(host.handlers['demo:card']({ cardType: 'resident' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await host.close();

    host = await bootKioskHost(config({ demo: true, demoSimControl: stub.url }), {
      ...offline,
      reader,
      logger,
    });
    await host.handlers['demo:card']({ cardType: 'hk-macao-taiwan' });
    await host.handlers['demo:card']({ cardType: null });
    expect(stub.received.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/card', { cardType: 'hk-macao-taiwan' }],
      ['DELETE', '/card', null],
    ]);
    await host.close();

    host = await bootKioskHost(config({ demo: true, demoSimControl: 'http://127.0.0.1:9' }), {
      ...offline,
      reader,
      logger,
    });
    await expect(host.handlers['demo:card']({ cardType: null })).rejects.toMatchObject({
      code: 'DEMO_UNAVAILABLE',
    });
  });
});
