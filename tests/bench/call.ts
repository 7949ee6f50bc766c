/**
 * `npm run bench:call`: call set-up time in Chromium on loopback. For each of N calls (default 20,
 * RVW_BENCH_CALLS), from the agent's click on Accept to the first decoded remote video frame on
 * each side, through the real screens, server and simple-peer. Prints p50 and p95.
 */
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { createTestAgent, createTestKiosk, startTestServer } from '@rvw/signaling-server/testing';
import { firstFrameAt, launchChromium, mediaOpenedAt, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack } from '@rvw/sim/kiosk-stack';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';
import { chooseNeed, rateAndGoHome } from '../support/flows';
import { summaryLine } from './stats';

// After a plain `npm ci` the console and the kiosk are not built yet, and Chromium may be missing.
if (!ensureDebian(['chromium'])) process.exit(1);
ensureBuilds({ only: ['console', 'kiosk'] });

const calls = Number(process.env.RVW_BENCH_CALLS ?? 20);
if (!Number.isInteger(calls) || calls < 1 || calls > 500) throw new Error('RVW_BENCH_CALLS must be 1..500');

const server = await startTestServer({
  consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
  logLevel: 'warn',
});
const agent = await createTestAgent(server.server, { displayName: 'Bench agent' });
const { token } = await createTestKiosk(server.server, { name: 'Bench kiosk', location: 'loopback' });
const kiosk = await startKioskStack({ serverUrl: server.url, kioskToken: token, reader: false });
const browser = await launchChromium();
const chromiumVersion = browser.version();
const kioskPage = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
const consolePage = await (await newProbedContext(browser, server.url)).newPage();

const kioskSide: number[] = [];
const agentSide: number[] = [];
const both: number[] = [];
const kioskMedia: number[] = [];
const agentMedia: number[] = [];
try {
  await kioskPage.goto(kiosk.url);
  await consolePage.goto(`${server.url}/console/`);
  await consolePage.getByTestId('login-username').fill(agent.agent.username);
  await consolePage.getByTestId('login-password').fill(agent.password);
  await consolePage.getByTestId('login-submit').click();

  for (let i = 0; i < calls; i++) {
    await kioskPage.getByTestId('screen-welcome').waitFor({ timeout: 30_000 });
    await kioskPage.getByTestId('call-agent').click();
    await chooseNeed(kioskPage);
    await kioskPage.getByTestId('screen-waiting').waitFor();
    const number = (await kioskPage.getByTestId('ticket-number').innerText()).trim();
    const accept = consolePage.locator(
      `[data-testid="queue-row"][data-ticket-number="${number}"] [data-testid="accept-button"]`,
    );
    await accept.waitFor();
    const kioskFrame = kioskPage
      .getByTestId('screen-call')
      .waitFor()
      .then(() => firstFrameAt(kioskPage));
    const t0 = Date.now();
    await accept.click();
    const agentFrame = firstFrameAt(consolePage);
    const [kioskAt, agentAt] = await Promise.all([kioskFrame, agentFrame]);
    kioskSide.push(kioskAt - t0);
    agentSide.push(agentAt - t0);
    both.push(Math.max(kioskAt, agentAt) - t0);
    kioskMedia.push((await mediaOpenedAt(kioskPage))! - t0);
    agentMedia.push((await mediaOpenedAt(consolePage))! - t0);
    process.stdout.write(`call ${i + 1}/${calls}: kiosk ${kioskAt - t0} ms, agent ${agentAt - t0} ms\n`);
    await consolePage.getByTestId('end-call').click();
    await consolePage.getByTestId('queue-table').or(consolePage.getByTestId('queue-empty')).first().waitFor();
    // The kiosk asks for the rating after a call the agent ended (issue 9), then goes home.
    await rateAndGoHome(kioskPage);
  }
} finally {
  await browser.close();
  await kiosk.close();
  await server.close();
}

console.log(
  `\nCall set-up, agent's Accept -> first decoded remote video frame (Chromium ${chromiumVersion}, loopback, ${cpus().length} cores)`,
);
console.log(summaryLine('kiosk side', kioskSide));
console.log(summaryLine('agent side', agentSide));
console.log(summaryLine('both sides (later of the two)', both));
console.log('of which, Accept -> camera and microphone open (getUserMedia resolved):');
console.log(summaryLine('  kiosk side', kioskMedia));
console.log(summaryLine('  agent side', agentMedia));
