/**
 * Walks the resident screens in Debian's Chromium and saves a screenshot of each, for people to
 * look at (not a test: it asserts nothing). Real web host + real kiosk host over a fake reader, and
 * a tiny socket.io server standing in for the signaling server.
 *   npx tsx kiosk/scripts/screenshots.ts [outDir=screenshots/kiosk] [locale=zh-CN]
 * It builds the renderer first when its sources changed (scripts/setup.mjs).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import type { KioskState, SessionOpened, TicketPosition } from '@rvw/shared';
import { bootKioskHost } from '../src/host/kiosk-host';
import { FakeReader, sampleResidentCard } from '../src/host/fake-reader';
import { startBrowserShell } from '../src/browser-shell/browser-shell';
import { launchChromium } from '@rvw/sim/browser';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';

if (!ensureDebian(['chromium', 'fonts-noto-cjk'])) process.exit(1);
ensureBuilds({ only: ['kiosk'] });

const outDir = process.argv[2] ?? 'screenshots/kiosk';
const locale = (process.argv[3] ?? 'zh-CN') as 'zh-CN' | 'en';
mkdirSync(outDir, { recursive: true });

const kiosk = { id: 'k1', name: '1 号机', location: '愚园路居委会' };
const ticket = (position: number, status: 'waiting' | 'serving' = 'waiting'): TicketPosition => ({
  ticket: {
    id: 't1',
    number: 'A007',
    kioskId: 'k1',
    status,
    createdAt: new Date().toISOString(),
    hasIdentity: true,
  },
  position,
  waiting: 4,
});
const opened: SessionOpened = {
  session: {
    id: 's1',
    ticketId: 't1',
    ticketNumber: 'A007',
    kiosk,
    agent: { id: 'a1', displayName: '王芳' },
    startedAt: new Date().toISOString(),
    endedAt: null,
    endedBy: null,
  },
  iceServers: [],
  initiator: false,
};

// The stand-in signaling server: the identity API and the kiosk's socket events.
const http = createServer((req, res) => {
  req.resume();
  // The identity route answers the ticket, as httpRoutes says (the host's typed client checks it).
  req.on('end', () =>
    req.url === '/api/kiosk/identity'
      ? res.writeHead(200).end(JSON.stringify({ ticket: ticket(3).ticket }))
      : res.writeHead(404).end('{}'),
  );
});
const io = new Server(http, { cors: { origin: true } });
io.on('connection', (socket) => {
  const state: KioskState = { kiosk, ticket: null, session: null };
  socket.emit('kiosk:state', state);
  socket.on('ticket:request', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, data: ticket(3) }));
  socket.on('ticket:cancel', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, data: {} }));
  socket.on('signal', (_p: unknown, ack: (r: unknown) => void) => ack?.({ ok: true, data: {} }));
  socket.on('session:end', (_p: unknown, ack: (r: unknown) => void) =>
    ack({ ok: true, data: { sessionId: 's1', endedBy: 'kiosk', endedAt: new Date().toISOString() } }),
  );
});
await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
const serverUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

const reader = new FakeReader();
const kioskHost = await bootKioskHost(
  {
    serverUrl,
    kioskToken: 'tok',
    locale,
    idcard: { path: '/dev/fake', baudRate: 115200 },
    demo: true,
    demoSimControl: null,
    fullscreen: false,
  },
  { reader, logger: { info() {}, warn() {}, error() {} } },
);
const rendererDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const web = await startBrowserShell({ kioskHost, rendererDir });

const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: {
      width: Number(process.env.SHOT_WIDTH ?? 1920),
      height: Number(process.env.SHOT_HEIGHT ?? 1080),
    },
  });
  const shot = (name: string) => page.screenshot({ path: `${outDir}/${name}.png` });
  page.on('console', (m) => console.info(`[page] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(web.url);
  await page.getByTestId('place-card-prompt').waitFor();
  await shot('1-welcome');
  reader.place(sampleResidentCard);
  await page.getByTestId('greeting').waitFor();
  await shot('2-greeting');
  await page.getByTestId('confirm-identity').click();
  await page.getByTestId('consent-yes').waitFor();
  await shot('3-consent');
  await page.getByTestId('consent-yes').click();
  await page.getByTestId('ticket-number').waitFor();
  await shot('4-waiting');
  for (const s of io.sockets.sockets.values()) s.emit('session:opened', opened);
  await page.getByTestId('screen-call').waitFor();
  await page.waitForTimeout(1500);
  await shot('5-call');
  await page.getByTestId('hang-up').click();
  // Hanging up asks once (issue 8 #7).
  await page.getByTestId('hang-up-confirm').waitFor();
  await shot('5b-hang-up-confirm');
  await page.getByTestId('hang-up-end').click();
  await page.getByTestId('screen-thanks').waitFor();
  await shot('6-thanks');
  await page.getByTestId('thanks-done').click();
  reader.unplug();
  await page.getByTestId('reader-offline').waitFor();
  await shot('7-reader-offline');
  console.info(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await web.close();
  await kioskHost.close();
  io.close();
}
