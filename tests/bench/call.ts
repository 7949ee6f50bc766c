/**
 * `npm run bench:call`: call set-up time in Chromium on loopback. For each of N calls per case
 * (default 20, RVW_BENCH_CALLS), from the agent's click on Accept (as the console page received it)
 * to the first decoded remote video frame on each side, through the real screens, server and
 * simple-peer. Prints p50 and p95, and the breakdown of each side (the page probe's marks:
 * simulators/src/browser.ts callMarks).
 *
 * Two cases: direct (host candidates on loopback), then relay (`iceTransportPolicy: 'relay'`
 * through a real coturn started here, with the server's TURN REST credentials).
 * The agent is available (空闲) before the first call, as an agent taking calls is: the console
 * opens its camera and microphone then, and the kiosk shows its mirror while the resident is next.
 */
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import type { Page } from 'playwright-core';
import { createTestAgent, createTestKiosk, startTestServer } from '@rvw/signaling-server/testing';
import {
  callMarks,
  firstFrameAt,
  firstFrameMarkAt,
  launchChromium,
  longTasks,
  newProbedContext,
  resetCallMarks,
  videoStats,
} from '@rvw/sim/browser';
import type { CallMarks } from '@rvw/sim/browser';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';
import { chooseNeed, rateAndGoHome } from '../support/flows';
import { startCoturn } from '../support/coturn';
import { startKioskProcess } from '../support/kiosk-process';
import { summaryLine } from './stats';

// After a plain `npm ci` the console and the kiosk are not built yet, and Chromium may be missing.
if (!ensureDebian(['chromium'])) process.exit(1);
ensureBuilds({ only: ['console', 'kiosk'] });

const calls = Number(process.env.RVW_BENCH_CALLS ?? 20);
if (!Number.isInteger(calls) || calls < 1 || calls > 500) throw new Error('RVW_BENCH_CALLS must be 1..500');
/**
 * How the first frame is seen. 'decoder' (default): the first frame out of the decoder, read from
 * the remote track by the page's probe, then confirmed by getStats (framesDecoded > 0). 'stats':
 * the former method, getStats polled every 5 ms from the test; it reads up to 50 ms late (Chromium
 * caches getStats results that long) and its polling loads both pages while the call sets up.
 */
const frameMethod = process.env.RVW_BENCH_FRAME ?? 'decoder';
if (frameMethod !== 'decoder' && frameMethod !== 'stats')
  throw new Error("RVW_BENCH_FRAME must be 'decoder' or 'stats'");
const frameAt = frameMethod === 'decoder' ? firstFrameMarkAt : firstFrameAt;

/** One side of one call: ms after the Accept click of each mark, of the first frame, and main-thread long tasks. */
type Side = CallMarks & { firstFrame: number; longTaskMs: number };

/** What one case measured. */
interface CaseResult {
  kiosk: Side[];
  agent: Side[];
}

type ServerExtras = Parameters<typeof startTestServer>[0];

/** Per call: from the driver beginning its click to the page getting it (not counted in the figures). */
const driverMs: number[] = [];

function relative(marks: CallMarks, t0: number, frame: number, tasks: Array<[number, number]>): Side {
  // The main thread's long tasks (> 50 ms) between the click and the first frame: time it was busy.
  const longTaskMs = tasks
    .filter(([start]) => start >= t0 && start < frame)
    .reduce((sum, [, ms]) => sum + ms, 0);
  const side: Side = { firstFrame: frame - t0, longTaskMs: Math.round(longTaskMs) };
  for (const [k, v] of Object.entries(marks)) side[k as keyof CallMarks] = v - t0;
  return side;
}

async function runCase(label: string, extras: ServerExtras): Promise<CaseResult> {
  const server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
    logLevel: 'warn',
    ...extras,
  });
  const agent = await createTestAgent(server.server, { displayName: 'Bench agent' });
  const { token } = await createTestKiosk(server.server, { name: 'Bench kiosk', location: 'loopback' });
  // The kiosk host in a process of its own, as on a kiosk: sharing the server's and the driver's
  // event loop, it heard session:opened 20-100 ms after the server sent it (measured 2026-12-08).
  const kiosk = await startKioskProcess(server.url, token);
  const browser = await launchChromium();
  const result: CaseResult = { kiosk: [], agent: [] };
  try {
    const kioskPage = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
    const consolePage = await (await newProbedContext(browser, server.url)).newPage();
    await kioskPage.goto(kiosk.url);
    await consolePage.goto(`${server.url}/console/`);
    await consolePage.getByTestId('login-username').fill(agent.agent.username);
    await consolePage.getByTestId('login-password').fill(agent.password);
    await consolePage.getByTestId('login-submit').click();
    await consolePage.getByTestId('status-available').click();
    await consolePage.getByTestId('status-current').filter({ hasText: '空闲' }).waitFor();

    for (let i = 0; i < calls; i++) {
      const { kiosk: k, agent: a } = await oneCall(kioskPage, consolePage);
      result.kiosk.push(k);
      result.agent.push(a);
      process.stdout.write(
        `${label} call ${i + 1}/${calls}: kiosk ${k.firstFrame} ms, agent ${a.firstFrame} ms\n`,
      );
    }
  } finally {
    await browser.close();
    await kiosk.close();
    await server.close();
  }
  return result;
}

async function oneCall(kioskPage: Page, consolePage: Page): Promise<{ kiosk: Side; agent: Side }> {
  await kioskPage.getByTestId('screen-welcome').waitFor({ timeout: 30_000 });
  await kioskPage.getByTestId('call-agent').click();
  await chooseNeed(kioskPage);
  await kioskPage.getByTestId('screen-waiting').waitFor();
  const number = (await kioskPage.getByTestId('ticket-number').innerText()).trim();
  const accept = consolePage.locator(
    `[data-testid="queue-row"][data-ticket-number="${number}"] [data-testid="accept-button"]`,
  );
  await accept.waitFor();
  // The resident is next in line: the mirror is on before the agent accepts (as it would be).
  await kioskPage.getByTestId('mirror-video').waitFor({ timeout: 10_000 });
  await Promise.all([resetCallMarks(kioskPage), resetCallMarks(consolePage)]);
  // With 'decoder', nothing polls the pages while the call sets up (the probe marks the frame).
  const kioskFrame =
    frameMethod === 'decoder'
      ? firstFrameMarkAt(kioskPage)
      : kioskPage
          .getByTestId('screen-call')
          .waitFor()
          .then(() => firstFrameAt(kioskPage));
  const driverStart = Date.now();
  await accept.click();
  const agentFrame = frameAt(consolePage);
  const [kioskAt, agentAt] = await Promise.all([kioskFrame, agentFrame]);
  const [km, am, kt, at] = await Promise.all([
    callMarks(kioskPage),
    callMarks(consolePage),
    longTasks(kioskPage),
    longTasks(consolePage),
  ]);
  // From the click as the console page got it: the driver's own checks before it clicks (visible,
  // stable, hit) are not the agent's time. Without the mark, from when the driver began.
  const t0 = am.click ?? driverStart;
  driverMs.push(t0 - driverStart);
  if (process.env.RVW_BENCH_VIDEO_STATS) {
    const [ks, as] = await Promise.all([videoStats(kioskPage), videoStats(consolePage)]);
    console.log(
      `video stats: kiosk ${kioskAt - t0} ms ${JSON.stringify(ks)} | agent ${agentAt - t0} ms ${JSON.stringify(as)}`,
    );
  }
  await consolePage.getByTestId('end-call').click();
  await consolePage.getByTestId('queue-table').or(consolePage.getByTestId('queue-empty')).first().waitFor();
  // The kiosk asks for the rating after a call the agent ended (issue 9), then goes home.
  await rateAndGoHome(kioskPage);
  return { kiosk: relative(km, t0, kioskAt, kt), agent: relative(am, t0, agentAt, at) };
}

/** The steps of each side, in order; `media` is the call's stream ready (a clone of pre-opened media, or opened now). */
const AGENT_STEPS: Array<[keyof Side | 'media', string]> = [
  ['sessionOpened', 'accept acknowledged (session opened)'],
  ['media', 'local media ready (clone or getUserMedia)'],
  ['peerCreated', 'RTCPeerConnection created'],
  ['offerSet', 'offer created (setLocalDescription)'],
  ['answerReceived', 'answer received (setRemoteDescription)'],
  ['iceConnected', 'ICE connected'],
  ['connected', 'DTLS done (connectionState connected)'],
  ['firstFrame', 'first decoded frame of the resident'],
];
const KIOSK_STEPS: Array<[keyof Side | 'media', string]> = [
  ['sessionOpened', 'session:opened seen'],
  ['media', 'local media ready (clone or getUserMedia)'],
  ['peerCreated', 'RTCPeerConnection created'],
  ['offerReceived', 'offer received (setRemoteDescription)'],
  ['answerSet', 'answer created (setLocalDescription)'],
  ['iceConnected', 'ICE connected'],
  ['connected', 'DTLS done (connectionState connected)'],
  ['firstFrame', "first decoded frame of the agent's"],
];

function valueOf(side: Side, step: keyof Side | 'media'): number | undefined {
  if (step === 'media') return side.mediaCloned ?? side.mediaOpened;
  return side[step];
}

function printSide(name: string, sides: Side[], steps: Array<[keyof Side | 'media', string]>): void {
  console.log(`  ${name}, ms after the Accept click:`);
  for (const [step, text] of steps) {
    const values = sides.map((s) => valueOf(s, step)).filter((v): v is number => v !== undefined);
    if (values.length === 0) console.log(`    ${text}: not seen`);
    else console.log(summaryLine(`    ${text}`, values));
  }
  console.log(
    summaryLine(
      '    main thread in long tasks (> 50 ms) before the frame',
      sides.map((s) => s.longTaskMs),
    ),
  );
  const cloned = sides.filter((s) => s.mediaCloned !== undefined).length;
  const opened = sides.filter((s) => s.mediaOpened !== undefined).length;
  console.log(
    `    media: pre-opened and cloned in ${cloned} calls, getUserMedia after the accept in ${opened}`,
  );
}

function printCase(title: string, r: CaseResult): void {
  console.log(`\n${title}`);
  console.log(
    summaryLine(
      'kiosk side',
      r.kiosk.map((s) => s.firstFrame),
    ),
  );
  console.log(
    summaryLine(
      'agent side',
      r.agent.map((s) => s.firstFrame),
    ),
  );
  console.log(
    summaryLine(
      'both sides (later of the two)',
      r.kiosk.map((s, i) => Math.max(s.firstFrame, r.agent[i]!.firstFrame)),
    ),
  );
  console.log('breakdown (each line: when the step was done, counted from the Accept click):');
  printSide('agent (offers)', r.agent, AGENT_STEPS);
  printSide('kiosk (answers)', r.kiosk, KIOSK_STEPS);
}

const browserVersion = await (async () => {
  const b = await launchChromium();
  const v = b.version();
  await b.close();
  return v;
})();
const direct = await runCase('direct', {});
const coturn = await startCoturn();
let relay: CaseResult;
try {
  relay = await runCase('relay', {
    turn: { urls: coturn.urls, secret: coturn.secret, ttlSeconds: 600 },
    iceTransportPolicy: 'relay',
  });
} finally {
  await coturn.close();
}

const where = `Chromium ${browserVersion}, loopback, ${cpus().length} cores`;
const seen =
  frameMethod === 'decoder'
    ? 'the first frame out of the decoder, read from the track (RVW_BENCH_FRAME=decoder)'
    : 'getStats framesDecoded > 0, polled every 5 ms (RVW_BENCH_FRAME=stats)';
printCase(
  `Call set-up, direct: agent's Accept -> first decoded remote video frame (${where}; ${seen})`,
  direct,
);
printCase(
  `Call set-up, relay (iceTransportPolicy 'relay', through coturn on 127.0.0.1): the same (${where})`,
  relay,
);
console.log(
  `\nTimes count from the click as the console page received it. Before it, the driver (Playwright)\n` +
    `checks that the button is visible, stable and hit; not counted:`,
);
console.log(summaryLine('driver click -> page click', driverMs));
