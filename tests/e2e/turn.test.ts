/**
 * TURN as a real deployment needs (issue 13 #4): a coturn of the test's own on loopback
 * (use-auth-secret), a server with `turn` and `iceTransportPolicy: 'relay'`, and a real call kiosk ↔
 * agent in Chromium. Video rises on both sides, both peers were made with the relay policy, the
 * selected candidate pair is relay ↔ relay on both sides, and coturn's log shows an allocation under
 * the session's short-lived username (`<expiry>:<sessionId>`). With a wrong secret no relay is
 * allocated and no frame arrives (tests/integration/coturn.test.ts shows coturn's 401 for it).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { adminApi, type TestServer } from '@rvw/signaling-server/testing';
import type { KioskStack } from '@rvw/sim/kiosk-stack';
import { startCallRig, type CallRig } from '../support/call-rig';
import { startCoturn, type Coturn } from '../support/coturn';
import { callAndAccept } from '../support/flows';

let coturn: Coturn;
let rig: CallRig;
let server: TestServer;
let kiosk: KioskStack;
let kioskPage: Page;
let consolePage: Page;
let agent: { username: string; password: string };

/** What a page's live peer connections use: their policy and the selected pair's candidate types. */
interface PeerPath {
  policy: string | undefined;
  local: string | undefined;
  remote: string | undefined;
}

/** The selected candidate pair of each open peer connection of the page (getStats in the page). */
function selectedPaths(page: Page): Promise<PeerPath[]> {
  return page.evaluate(async () => {
    const peers = (window as unknown as { __rvwPeers?: RTCPeerConnection[] }).__rvwPeers ?? [];
    const out: { policy: string | undefined; local: string | undefined; remote: string | undefined }[] = [];
    for (const pc of peers) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((r: Record<string, unknown>) => byId.set(r.id as string, r));
      let pairId: string | undefined;
      stats.forEach((r: Record<string, unknown>) => {
        if (r.type === 'transport' && typeof r.selectedCandidatePairId === 'string')
          pairId = r.selectedCandidatePairId;
      });
      if (!pairId) {
        stats.forEach((r: Record<string, unknown>) => {
          if (r.type === 'candidate-pair' && r.nominated === true && r.state === 'succeeded')
            pairId = r.id as string;
        });
      }
      const pair = pairId ? byId.get(pairId) : undefined;
      out.push({
        policy: pc.getConfiguration().iceTransportPolicy,
        local: pair ? (byId.get(pair.localCandidateId as string)?.candidateType as string) : undefined,
        remote: pair ? (byId.get(pair.remoteCandidateId as string)?.candidateType as string) : undefined,
      });
    }
    return out;
  });
}

beforeAll(async () => {
  coturn = await startCoturn();
  rig = await startCallRig({
    server: {
      turn: { urls: coturn.urls, secret: coturn.secret, ttlSeconds: 3600 },
      iceTransportPolicy: 'relay',
    },
  });
  ({ server, kiosk, kioskPage, consolePage, agent } = rig);
});

afterAll(async () => {
  await rig?.close();
  await coturn?.close();
});

test('a call through coturn only: relay on both sides, the session’s short-lived username in coturn’s log', async () => {
  await kioskPage.goto(kiosk.url);
  await kioskPage.getByTestId('screen-welcome').waitFor();
  // Frames rise on both sides (expectFramesRising inside).
  await callAndAccept(kioskPage, consolePage, server.url, agent);

  const [session] = (await (await adminApi(server.server)).listSessions()).sessions;
  expect(session?.endedAt).toBeNull();
  for (const [side, page] of [
    ['kiosk', kioskPage],
    ['console', consolePage],
  ] as const) {
    await expect
      .poll(() => selectedPaths(page), { timeout: 10_000, message: `${side}'s selected pair` })
      .toContainEqual({ policy: 'relay', local: 'relay', remote: 'relay' });
    const paths = await selectedPaths(page);
    console.log(`[turn] ${side}: ${JSON.stringify(paths)}`);
    // Every live peer was made with the relay policy: nothing could go host to host.
    expect(paths.every((p) => p.policy === 'relay')).toBe(true);
  }

  // coturn allocated under the session's REST username: <unix expiry>:<sessionId>.
  const log = coturn.log();
  const username = new RegExp(`username=<(\\d{10}):${session!.id}>`);
  const m = username.exec(log);
  expect(m, log.split('\n').slice(-40).join('\n')).not.toBeNull();
  expect(Number(m![1])).toBeGreaterThan(Date.now() / 1000 + 3000);
  expect(log).toMatch(
    new RegExp(`user <\\d{10}:${session!.id}>: incoming packet ALLOCATE processed, success`),
  );
  // The server logged neither the secret nor a credential.
  expect(server.logText()).not.toContain(coturn.secret);
});
