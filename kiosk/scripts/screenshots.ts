/**
 * Walks every resident screen in Debian's Chromium and saves a screenshot of each at the three
 * kiosk sizes (1920x1080, 1080x1920 portrait, 1280x1024), in Chinese and in English, for people to
 * look at (not a test: it asserts nothing). Real web host + real kiosk host over a fake reader, and
 * a tiny socket.io server standing in for the signaling server (so a slow answer, a refusal and a
 * lost server come on cue).
 *   npx tsx kiosk/scripts/screenshots.ts [outDir=screenshots/kiosk]
 * writes <outDir>/<width>x<height>-<lang>/NN-name.png. It builds the renderer first when its
 * sources changed (scripts/setup.mjs).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import {
  ErrorCode,
  type Appointment,
  type AppointmentSlot,
  type KioskState,
  type SessionOpened,
  type TicketNeed,
  type TicketPosition,
  type WaitEstimate,
} from '@rvw/shared';
import { bootKioskHost } from '../src/host/kiosk-host';
import { FakeReader, sampleResidentCard } from '../src/host/fake-reader';
import { startBrowserShell } from '../src/browser-shell/browser-shell';
import { caseAt, entitlements, notDone } from './screenshot-cases';
import { launchChromium } from '@rvw/sim/browser';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';

if (!ensureDebian(['chromium', 'fonts-noto-cjk'])) process.exit(1);
ensureBuilds({ only: ['kiosk'] });

const outDir = process.argv[2] ?? 'screenshots/kiosk';
const sizes = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 1024 },
] as const;

const kiosk = {
  id: 'k1',
  name: '1 号机',
  location: '愚园路居委会',
  centreId: 'main',
  kind: 'fixed' as const,
};
const ticket = (
  position: number,
  estimate: WaitEstimate = { kind: 'minutes', minutes: 6, agentsOnline: 2, meanHandlingS: 240 },
  need: TicketNeed = 'elderly-care',
): TicketPosition => ({
  ticket: {
    id: 't1',
    number: 'A007',
    kioskId: 'k1',
    status: 'waiting',
    createdAt: new Date().toISOString(),
    hasIdentity: true,
    need,
    centreId: 'main',
  },
  position,
  waiting: 4,
  estimate,
});
// Appointments (issue 11 #8): two open slots today and tomorrow; the check-in finds one when asked to.
// Hours as the centre's clock reads them (Shanghai, UTC+8), whatever this machine's zone.
const at = (days: number, hour: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d.toISOString();
};
const slot = (id: string, days: number, hour: number): AppointmentSlot => ({
  slotId: id,
  centreId: 'main',
  skill: 'elderly-care',
  itemCode: 'ltci-assessment',
  itemName: { zh: '长期护理保险需求评估申请', en: 'Long-term care insurance needs assessment' },
  startsAt: at(days, hour),
  endsAt: at(days, hour + 1),
  capacity: 4,
  booked: 1,
});
const slots = [slot('sl1', 0, 15), slot('sl2', 1, 9), slot('sl3', 1, 10)];
const appointment: Appointment = {
  appointmentId: 'ap1',
  slot: slot('sl0', 0, (new Date().getUTCHours() + 8) % 24),
  status: 'arrived',
  residentName: '李秀英',
  idNumberMasked: '310***********0021',
  bookedBy: 'kiosk',
  bookedAt: new Date().toISOString(),
};
let appointmentDue = false;
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

// How the stand-in answers the next ticket request: a ticket (one ahead), no answer yet (the slow
// state), or a refusal (the problem screens).
type Answer = 'ticket' | 'hold' | 'already-queued' | 'failed';
let answer: Answer = 'ticket';
let release: (() => void) | null = null;

// The stand-in signaling server: the identity API and the kiosk's socket events.
const http = createServer((req, res) => {
  req.resume();
  // The identity route answers the ticket, as httpRoutes says (the host's typed client checks it);
  // the appointment routes answer the check-in, the slots and a booking.
  const json = (status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  req.on('end', () => {
    if (req.url === '/api/kiosk/identity') return json(200, { ticket: ticket(2).ticket });
    if (req.url === '/api/kiosk/appointments/check-in')
      return json(200, { appointment: appointmentDue ? appointment : null });
    if (req.url?.startsWith('/api/kiosk/appointments/slots')) return json(200, { slots });
    if (req.url === '/api/kiosk/appointments' && req.method === 'POST')
      return json(201, { appointment: { ...appointment, slot: slots[1], status: 'booked' } });
    return json(404, {});
  });
});
const io = new Server(http, { cors: { origin: true } });
io.on('connection', (socket) => {
  const state: KioskState = { kiosk, ticket: null, session: null };
  socket.emit('kiosk:state', state);
  socket.on('ticket:request', (_p: unknown, ack: (r: unknown) => void) => {
    const now = answer;
    answer = 'ticket';
    if (now === 'already-queued')
      ack({ ok: false, error: { code: ErrorCode.AlreadyQueued, message: 'already queued' } });
    else if (now === 'failed') ack({ ok: false, error: { code: ErrorCode.Internal, message: 'failed' } });
    else if (now === 'hold') release = () => ack({ ok: true, data: ticket(2) });
    else ack({ ok: true, data: ticket(2) });
  });
  socket.on('ticket:cancel', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, data: {} }));
  socket.on('signal', (_p: unknown, ack: (r: unknown) => void) => ack?.({ ok: true, data: {} }));
  socket.on('session:end', (_p: unknown, ack: (r: unknown) => void) =>
    ack({ ok: true, data: { sessionId: 's1', endedBy: 'kiosk', endedAt: new Date().toISOString() } }),
  );
  // The resident's side of a case (issue 9): every action is accepted.
  for (const event of ['form:flag', 'form:confirm', 'form:sign', 'rating:submit'])
    socket.on(event, (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, data: {} }));
});
await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
const serverUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
const emitAll = (event: string, payload: unknown) => {
  for (const s of io.sockets.sockets.values()) s.emit(event, payload);
};

const reader = new FakeReader();
const kioskHost = await bootKioskHost(
  {
    serverUrl,
    kioskToken: 'tok',
    locale: 'zh-CN',
    idcard: { path: '/dev/fake', baudRate: 115200 },
    demo: false,
    demoSimControl: null,
    fullscreen: false,
  },
  { reader, logger: { info() {}, warn() {}, error() {} } },
);
const rendererDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const web = await startBrowserShell({ kioskHost, rendererDir });

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: sizes[0] });
  page.on('console', (m) => console.info(`[page] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  const lang = () => page.evaluate(() => document.documentElement.lang);
  /** The screen on show, at every size in both languages (the language switch is on every screen). */
  const shot = async (name: string) => {
    const first = await lang();
    for (const want of [first, first === 'en' ? 'zh-CN' : 'en']) {
      if ((await lang()) !== want) {
        await page.getByTestId('lang-switch').click({ timeout: 3_000 });
        await page.waitForFunction((l) => document.documentElement.lang === l, want, { timeout: 3_000 });
      }
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.waitForTimeout(150);
        const dir = `${outDir}/${size.width}x${size.height}-${want}`;
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: `${dir}/${name}.png` });
      }
    }
    await page.setViewportSize(sizes[0]);
  };
  // A screen's buttons take taps only after it settles (issue 8 #1).
  const tap = async (testId: string) => {
    await page.waitForFunction(
      (id) => !(document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement | null)?.disabled,
      testId,
      { timeout: 6_000 },
    );
    await page.getByTestId(testId).click();
  };

  await page.goto(web.url);
  await page.getByTestId('place-card-prompt').waitFor();
  await shot('01-welcome');

  // Without a card: what do you need (issue 11 #1), then the optional disability question.
  await tap('call-without-card');
  await page.getByTestId('screen-need').waitFor();
  await shot('01a-need-tiles');
  await tap('need-tile-medical-insurance');
  await page.getByTestId('screen-disability').waitFor();
  await shot('01b-disability-question');
  answer = 'already-queued';
  await tap('disability-no');
  await page.getByTestId('screen-problem').waitFor();
  await shot('02-problem-already-queued');
  await tap('problem-back');
  answer = 'failed';
  await tap('call-without-card');
  await tap('need-tile-unsure');
  await tap('disability-no');
  await page.getByTestId('screen-problem').waitFor();
  await shot('03-problem-server');
  await tap('problem-back');
  await page.getByTestId('place-card-prompt').waitFor();

  reader.place(sampleResidentCard);
  await page.getByTestId('greeting').waitFor();
  await shot('04-greeting');
  await tap('confirm-identity');
  await page.getByTestId('consent-yes').waitFor();
  await shot('05-consent');
  await tap('consent-yes');
  // A consented card: no appointment due, so the tiles, with booking (issue 11 #8).
  await page.getByTestId('need-tile-appointment').waitFor();
  await shot('05a-need-tiles-with-booking');
  await tap('need-tile-appointment');
  await page.locator('[data-testid="screen-appointment-book"][data-step="choose"]').waitFor();
  await shot('05b-appointment-book');
  await tap('appointment-book-back');
  await tap('need-tile-elderly-care');
  await page.getByTestId('screen-disability').waitFor();
  answer = 'hold';
  await tap('disability-no');
  await page.getByTestId('screen-requesting').waitFor();
  await shot('06-requesting');
  await page.getByTestId('requesting-slow').waitFor({ timeout: 10_000 });
  await shot('07-requesting-slow');
  (release as (() => void) | null)?.();
  await page.getByTestId('ticket-number').waitFor();
  await shot('08-waiting-1-ahead');
  // The honest estimate (issue 11 #5): nobody online for the need, too little history, connecting.
  emitAll('ticket:update', ticket(3, { kind: 'none', reason: 'no-agent-online' }, 'medical-insurance'));
  await page.getByText(/暂时无法估计|cannot say/).waitFor();
  await shot('08a-waiting-no-agent-online');
  emitAll('ticket:update', ticket(2, { kind: 'none', reason: 'no-history' }));
  await page.getByText(/记录还不够|Too few matters/).waitFor();
  await shot('08b-waiting-no-history');
  emitAll('ticket:update', ticket(1, { kind: 'next' }));
  await page.getByText(/下一位就是您|You are next/).waitFor();
  await shot('09-waiting-next');
  // What the resident gets without applying (免申即享), told while they wait.
  emitAll('session:entitlements', { sessionId: null, ticketId: 't1', entitlements });
  await page.getByTestId('entitlements').waitFor();
  await shot('09a-waiting-entitlements');
  emitAll('session:opened', opened);
  await page.getByTestId('screen-call').waitFor();
  await page.waitForTimeout(1500);
  await shot('10-call');
  // A transfer (issue 11 #6): the calm screen, then the same session with another agent.
  emitAll('session:transfer', { sessionId: 's1', phase: 'transferring' });
  await page.getByTestId('screen-transferring').waitFor();
  await shot('10a-transferring');
  emitAll('session:opened', {
    ...opened,
    session: { ...opened.session, agent: { id: 'a2', displayName: '陈静' } },
  });
  emitAll('session:transfer', { sessionId: 's1', phase: 'connected' });
  await page.getByTestId('screen-call').waitFor();
  await page.waitForTimeout(1500);
  await shot('10b-call-after-transfer');
  await page.getByTestId('hang-up').click();
  await page.getByTestId('hang-up-confirm').waitFor();
  await shot('11-hang-up-question');
  await page.getByTestId('hang-up-keep').click();

  // Issue 9: the form the agent fills beside the call (before it, the entitlements showed there).
  emitAll('case:state', caseAt(2));
  await page.getByTestId('kiosk-field-contactPhone').waitFor();
  await shot('17-call-form-changed');
  await page.getByTestId('kiosk-flag-visitAddress').click();
  await page.getByTestId('kiosk-flagged-visitAddress').waitFor();
  await shot('18-call-form-flagged');
  emitAll('case:state', caseAt(3, { voided: true, lastChanged: 'visitAddress' }));
  await page.getByTestId('form-voided').waitFor();
  await shot('19-call-form-voided');
  emitAll('case:state', caseAt(4, { confirmRequested: 4, lastChanged: 'visitAddress' }));
  await page.getByTestId('review-screen').waitFor();
  await shot('20-confirm-first-page');
  await tap('review-next');
  await page.waitForTimeout(1100);
  await tap('review-next');
  await page.getByTestId('review-confirm').waitFor();
  await shot('21-confirm-last-page');
  await tap('review-confirm');
  await page.getByTestId('sign-screen').waitFor();
  await shot('22-sign');
  // A signature drawn with the mouse (pointer events, as a finger on the touch screen), once the
  // box has its size again after the shots.
  await page.waitForTimeout(500);
  const box = (await page.getByTestId('signature-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++)
    await page.mouse.move(
      box.x + box.width * (0.2 + i * 0.02),
      box.y + box.height * (0.6 - 0.25 * Math.sin(i / 3)),
      { steps: 2 },
    );
  await page.mouse.up();
  await shot('23-sign-drawn');
  await tap('sign-submit');
  const signedAt = new Date().toISOString();
  emitAll(
    'case:state',
    caseAt(4, {
      confirmation: { revision: 4, hash: 'c'.repeat(64), at: signedAt },
      signature: { revision: 4, hash: 'c'.repeat(64), signedAt },
    }),
  );
  await page.getByTestId('form-notice').waitFor();
  await shot('24-call-form-signed');

  // 办不成: the reason and the next step before the rating; a low rating asks why.
  emitAll('case:state', notDone(5));
  await page.getByTestId('hang-up').click();
  await page.getByTestId('hang-up-confirm').waitFor();
  await page.getByTestId('hang-up-end').click();
  await page.getByTestId('outcome-notice').waitFor();
  await shot('25-outcome-not-done');
  await tap('outcome-ok');
  await page.getByTestId('screen-rating').waitFor();
  await shot('26-rating');
  await tap('rating-dissatisfied');
  await page.getByTestId('rating-reason-not-solved').waitFor();
  await tap('rating-reason-not-solved');
  await shot('27-rating-why');
  await tap('rating-submit');
  await page.getByTestId('screen-thanks').waitFor();
  await shot('12-thanks-card-on-reader');
  await tap('thanks-done');
  await page.getByTestId('take-card').waitFor();
  await shot('13-welcome-card-left');
  reader.remove();
  await page.getByTestId('take-card').waitFor({ state: 'hidden' });
  reader.unplug();
  await page.getByTestId('reader-offline').waitFor();
  await shot('14-welcome-reader-offline');
  reader.replug();
  await page.getByTestId('place-card-prompt').waitFor();
  // An appointment due now (issue 11 #8): after consent it shows instead of the tiles.
  appointmentDue = true;
  reader.place(sampleResidentCard);
  await tap('confirm-identity');
  await tap('consent-yes');
  await page.getByTestId('appointment-found').waitFor();
  await shot('28-appointment-found');
  await tap('appointment-other');
  await page.getByTestId('screen-need').waitFor();
  reader.remove();
  // Back to welcome as a restarted screen would be (nothing is held: the card is gone).
  await page.reload();
  await page.getByTestId('place-card-prompt').waitFor();
  io.disconnectSockets(true);
  io.close();
  await page.getByTestId('service-down').waitFor({ timeout: 15_000 });
  await shot('15-welcome-server-unavailable');
  console.info(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await web.close();
  await kioskHost.close();
  io.close();
}
