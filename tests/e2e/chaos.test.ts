/**
 * Chaos on real network cuts (issue 13 #2). The server, the kiosk (host and Chromium) and the
 * agent's Chromium each run in a network namespace of their own, joined by veth pairs to a bridge
 * (tests/support/chaos/). A resident calls, the agent accepts and opens a case with a form, and
 * edits it. Then the kiosk's link is cut (its veth down) for 3 s, 10 s and 40 s, with agent edits
 * before and during each cut. After each restore: video decodes again on both sides (bounded at
 * 15 s, the goal is 5 s; the time is printed), the session is the same and still open, the server
 * holds every edit and the kiosk shows the latest values at the latest revision. Then the server
 * gets SIGTERM mid-call and starts again on the same port and data folder: the media keeps flowing
 * peer to peer while it is down, both clients resume, and no ticket, session or edit is lost.
 *
 * Needs root: where namespaces cannot be made the test says why and fails.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { framesDecoded } from '@rvw/sim/browser';
import { ChaosCall, framesRising, type Recovery } from '../support/chaos/chaos-call';
import { startChaosStack, type ChaosStack } from '../support/chaos/chaos-stack';
import { NetnsRig } from '../support/chaos/netns-rig';

const RECOVERY_LIMIT_MS = 15_000;
const CUTS_MS = [3_000, 10_000, 40_000];

let rig: NetnsRig | null = null;
let unavailable: Error | null = null;
let stack: ChaosStack | null = null;
let call: ChaosCall | null = null;
let callHealthy = false;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function report(what: string, r: Recovery): void {
  console.log(
    `[chaos] ${what}: video back after the link returned: kiosk ${r.kioskBackMs} ms, console ${r.consoleBackMs} ms; ` +
      `form on the kiosk ${r.formBackMs} ms (revision ${r.kioskRevision}/${r.serverRevision}); ` +
      `edits ${call!.edits.length}, lost ${r.lostOnServer.length}; session same ${r.sameSession}, open ${r.sessionOpen}`,
  );
}

function expectRecovered(what: string, r: Recovery): void {
  expect.soft(r.kioskBackMs, `${what}: kiosk video back`).not.toBeNull();
  expect.soft(r.consoleBackMs, `${what}: console video back`).not.toBeNull();
  expect.soft(r.sessionOpen, `${what}: session still open`).toBe(true);
  expect.soft(r.sessionsOfTicket, `${what}: one session for the ticket`).toBe(1);
  expect
    .soft(
      r.lostOnServer.map((e) => e.n),
      `${what}: edits the server lost`,
    )
    .toEqual([]);
  expect.soft(r.staleOnKiosk, `${what}: fields stale on the kiosk`).toEqual([]);
  expect.soft(r.kioskRevision, `${what}: the kiosk's revision`).toBe(r.serverRevision);
}

beforeAll(async () => {
  try {
    rig = NetnsRig.create();
  } catch (e) {
    unavailable = e as Error;
    return;
  }
  stack = await startChaosStack(rig, { graceSeconds: 60 });
});

afterAll(async () => {
  await stack?.close();
  if (rig) {
    rig.teardown();
    // Nothing the rig made outlives it.
    expect(rig.leftovers()).toEqual([]);
  }
});

test('the kiosk link cut for 3 s, 10 s and 40 s: video back, same session, no edit lost', async () => {
  if (unavailable) throw unavailable;
  onTestFailed(() => console.log(stack!.diagnostics()));
  call = new ChaosCall(stack!);
  await call.setUp();
  await call.edit();
  await call.edit();
  expect(call.edits.every((e) => e.stored)).toBe(true);

  for (const cutMs of CUTS_MS) {
    const what = `cut ${cutMs / 1000} s`;
    await call.edit();
    const cutAt = Date.now();
    rig!.cut('kiosk');
    // The cut is real: the console's decoded frames stop while the kiosk is away.
    await sleep(1000);
    const stalledFrom = await framesDecoded(stack!.consolePage);
    const duringEdits = [];
    for (let at = 1500; at < cutMs - 500; at += 5000) {
      await sleep(Math.max(0, cutAt + at - Date.now()));
      duringEdits.push(await call.edit());
    }
    const stalledTo = await framesDecoded(stack!.consolePage);
    expect(stalledTo - stalledFrom, `${what}: frames decoded by the console during the cut`).toBeLessThan(5);
    await sleep(Math.max(0, cutAt + cutMs - Date.now()));
    rig!.restore('kiosk');
    const restoredAt = Date.now();

    const r = await call.checkRecovery(restoredAt, RECOVERY_LIMIT_MS);
    report(`${what} (${duringEdits.length} edits during it)`, r);
    expect
      .soft(
        duringEdits.every((e) => e.stored),
        `${what}: edits during the cut reached the server`,
      )
      .toBe(true);
    expectRecovered(what, r);
    expect.soft(await framesRising(stack!.kioskPage, 5000), `${what}: kiosk frames rising`).toBe(true);
    expect.soft(await framesRising(stack!.consolePage, 5000), `${what}: console frames rising`).toBe(true);
    if (r.problems.length) {
      console.log(`[chaos] ${what} did not recover: ${r.problems.join('; ')}`);
      return;
    }
  }
  callHealthy = true;
}, 170_000);

test('a server restart mid-call: media continues peer to peer, both clients resume, nothing lost', async () => {
  if (unavailable) throw unavailable;
  onTestFailed(() => console.log(stack!.diagnostics()));
  if (!callHealthy) {
    // The cuts left the call broken: this case starts from a fresh call of its own.
    await stack!.close();
    stack = await startChaosStack(rig!, { graceSeconds: 60 });
    call = new ChaosCall(stack);
    await call.setUp();
  }
  const c = call!;
  await c.edit();
  const before = c.ids!;

  let mediaDuringDown: [boolean, boolean] = [false, false];
  const { exitCode, readyAt, startMs } = await stack!.restartServer(3000, async () => {
    mediaDuringDown = await Promise.all([
      framesRising(stack!.kioskPage, 2500, 1000),
      framesRising(stack!.consolePage, 2500, 1000),
    ]);
  });
  console.log(`[chaos] server restart: the new server listened ${startMs} ms after it was started`);
  expect(exitCode, 'the server closes gracefully on SIGTERM').toBe(0);
  expect
    .soft(mediaDuringDown, 'frames rising on kiosk and console while the server is down')
    .toEqual([true, true]);

  const r = await c.checkRecovery(readyAt, RECOVERY_LIMIT_MS);
  report('server restart', r);
  expectRecovered('server restart', r);
  // Both clients resume: an edit after the restart reaches the server and the kiosk.
  const after = await c.edit(15_000);
  expect.soft(after.stored, 'an edit after the restart reaches the server').toBe(true);
  const r2 = await c.checkRecovery(Date.now(), RECOVERY_LIMIT_MS);
  report('after the restart, an edit', r2);
  expectRecovered('after the restart, an edit', r2);
  expect(c.ids).toEqual(before);
  await stack!.consolePage.getByTestId('call-view').waitFor({ timeout: 5000 });
  await stack!.kioskPage.getByTestId('screen-call').waitFor({ timeout: 5000 });
}, 150_000);
