/**
 * The call set-up's floor on this machine: `npm run bench:call-floor`. The same steps bench:call
 * measures, with nothing of the product: two bare pages in the same Chromium (a fake camera and
 * microphone, opened before the accept on both sides, 1280×720 asked as the product asks), the
 * offering page's peer and offer made before the "accept" (as the console prepares them), the
 * offer relayed to the answering page by a bare WebSocket relay on loopback, the answer and the
 * candidates back the same way, the same start bitrate. Each call is timed from the accept to the
 * first frame out of each side's decoder (MediaStreamTrackProcessor, as bench:call's probe).
 *
 * What bench:call measures above this floor is the product (its screens, its server, the kiosk's
 * host hop); what this measures is Chromium's own set-up on this machine. RVW_BENCH_CALLS (default
 * 20); relay cases are not run here (bench:call has them).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { WebSocketServer, type WebSocket } from 'ws';
import { launchChromium } from '@rvw/sim/browser';
import { CALL_START_BITRATE_KBPS, withStartBitrate } from '@rvw/shared/call';
import { ensureDebian } from '../../scripts/setup.mjs';
import { summaryLine } from './stats';

const CALLS = Number(process.env.RVW_BENCH_CALLS ?? 20);

/** What the page script puts on window. */
interface FloorPage {
  ready: Promise<unknown>;
  opened: Promise<unknown>;
  prepare(): Promise<void>;
  accept(): number;
  reset(): void;
  marks: { frame?: number; dtls?: number };
}

/** The page: prepare() (offering side), then accept(); the answering side answers what it is sent. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>floor</title><script>
const role = new URLSearchParams(location.search).get('role');
const ws = new WebSocket('ws://' + location.host);
const send = (m) => ws.send(JSON.stringify(m));
const munge = (sdp) => window.__munge(sdp);
let stream = null, pc = null;
window.marks = {};
window.opened = navigator.mediaDevices
  .getUserMedia({ audio: true, video: { width: { ideal: 1280 }, height: { ideal: 720 } } })
  .then((s) => { stream = s; });
function makePeer() {
  const p = new RTCPeerConnection();
  for (const t of stream.getTracks()) p.addTrack(t.clone(), stream);
  p.onicecandidate = (e) => { if (e.candidate && p.__live) send({ candidate: e.candidate.toJSON() }); };
  p.onconnectionstatechange = () => { if (p.connectionState === 'connected') window.marks.dtls ??= Date.now(); };
  p.ontrack = (e) => {
    if (e.track.kind !== 'video') return;
    const reader = new MediaStreamTrackProcessor({ track: e.track.clone() }).readable.getReader();
    reader.read().then(({ value }) => { window.marks.frame ??= Date.now(); value && value.close(); reader.cancel(); });
  };
  return p;
}
window.prepare = async () => {
  await window.opened;
  pc?.close();
  window.marks = {};
  pc = makePeer();
  const offer = await pc.createOffer();
  await pc.setLocalDescription({ type: 'offer', sdp: await munge(offer.sdp) });
  await new Promise((r) => { if (pc.iceGatheringState === 'complete') r(); else pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && r(); });
};
window.accept = () => { const at = Date.now(); pc.__live = true; send({ accept: pc.localDescription.sdp }); return at; };
window.reset = () => { pc?.close(); pc = null; window.marks = {}; };
ws.onmessage = async (e) => {
  const m = JSON.parse(e.data);
  if (m.offer) {
    await window.opened;
    pc?.close();
    pc = makePeer();
    pc.__live = true;
    await pc.setRemoteDescription({ type: 'offer', sdp: m.offer });
    const answer = await pc.createAnswer();
    await pc.setLocalDescription({ type: 'answer', sdp: await munge(answer.sdp) });
    send({ answer: pc.localDescription.sdp });
  } else if (m.answer) {
    await pc.setRemoteDescription({ type: 'answer', sdp: m.answer });
  } else if (m.candidate && pc) {
    await pc.addIceCandidate(m.candidate).catch(() => undefined);
  }
};
window.ready = new Promise((r) => (ws.onopen = r));
</script>`;

/** A relay: what one page sends goes to the other ("accept" arrives at the answering page as its offer). */
async function startRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  const wss = new WebSocketServer({ server: http });
  const peers: WebSocket[] = [];
  wss.on('connection', (ws) => {
    peers.push(ws);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { accept?: string };
      const out = m.accept ? JSON.stringify({ offer: m.accept }) : String(data);
      for (const other of peers) if (other !== ws) other.send(out);
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((r) => {
        for (const p of peers) p.terminate();
        wss.close();
        http.close(() => r());
      }),
  };
}

async function frameAt(page: Page): Promise<{ frame: number; dtls: number }> {
  return page.evaluate(async () => {
    const w = window as unknown as FloorPage;
    const deadline = Date.now() + 20_000;
    while (w.marks.frame === undefined) {
      if (Date.now() > deadline) throw new Error('no frame');
      await new Promise((r) => setTimeout(r, 5));
    }
    return { frame: w.marks.frame, dtls: w.marks.dtls ?? NaN };
  });
}

async function main(): Promise<void> {
  ensureDebian();
  const relay = await startRelay();
  const browser = await launchChromium();
  const open = async (role: string): Promise<Page> => {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    await page.exposeFunction('__munge', (sdp: string) => withStartBitrate(sdp, CALL_START_BITRATE_KBPS));
    await page.goto(`${relay.url}?role=${role}`);
    await page.evaluate(() => {
      const w = window as unknown as FloorPage;
      return Promise.all([w.ready, w.opened]).then(() => undefined);
    });
    return page;
  };
  const agent = await open('agent');
  const kiosk = await open('kiosk');
  const rows = { agent: [] as number[], kiosk: [] as number[], both: [] as number[], dtls: [] as number[] };
  try {
    for (let i = 0; i < CALLS + 1; i++) {
      await agent.evaluate(() => (window as unknown as FloorPage).prepare());
      await kiosk.evaluate(() => (window as unknown as FloorPage).reset());
      await new Promise((r) => setTimeout(r, 300));
      const t0 = await agent.evaluate(() => (window as unknown as FloorPage).accept());
      const [a, k] = await Promise.all([frameAt(agent), frameAt(kiosk)]);
      if (i === 0) continue; // the first call warms the browser up
      rows.agent.push(a.frame - t0);
      rows.kiosk.push(k.frame - t0);
      rows.both.push(Math.max(a.frame, k.frame) - t0);
      rows.dtls.push(k.dtls - t0);
      console.log(`call ${i}/${CALLS}: kiosk ${k.frame - t0} ms, agent ${a.frame - t0} ms`);
    }
  } finally {
    await browser.close();
    await relay.close();
  }
  console.log(
    `\nCall set-up floor: bare pages, prepared offer, WebSocket relay on loopback (${CALLS} calls)`,
  );
  console.log(summaryLine('answering side (kiosk) first frame', rows.kiosk));
  console.log(summaryLine('offering side (agent) first frame', rows.agent));
  console.log(summaryLine('both sides (later of the two)', rows.both));
  console.log(summaryLine('answering side DTLS done', rows.dtls));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
