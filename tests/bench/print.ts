/**
 * `npm run bench:print` (issue 10 #7): two figures, p50 and p95 of each.
 *
 * (a) Print: the time from the agent's click on 打印 (a capturing click listener in the console page:
 *     performance.timeOrigin + event.timeStamp) to the moment the console receives the job's
 *     `print:state` done (a WebSocket message listener in the page), for N jobs (default 20,
 *     RVW_BENCH_JOBS, 1..200) of a case's receipt, through the real screens in Chromium and a real
 *     CUPS (the private cupsd of simulators/cups, a queue on the generic PDF driver whose test
 *     backend writes each job to a folder): the kiosk reports done when CUPS' job-state is
 *     `completed`. The resident's yes is in the path: the time is split where the offer appears on
 *     the kiosk screen (a MutationObserver) and where the resident taps 打印 (tapped as soon as the
 *     offer takes taps: like every new kiosk screen it settles for 1 s first).
 * (b) Render: renderDocument (signaling-server/src/documents/render) called directly, M times
 *     (default 20, RVW_BENCH_RENDERS, 1..500) per document kind, after one warm-up of each, on the
 *     sample input of the catalogue's items (the resident 李秀英, whose assessment result the demo
 *     records hold; the 长期护理 case completed, so that its assessment-result notice is planned).
 * Prints the figures; asserts nothing. Needs root (cupsd) and Debian's cups, cups-filters, chromium.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DocumentKind } from '@rvw/shared';
import type { CupsQueue } from '@rvw/sim/cups';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';
import {
  demoExternalRecords,
  planDocuments,
  renderDocument,
  sampleInput,
  type DocumentInput,
  type DocumentPlanEntry,
} from '@rvw/signaling-server/render';
import type { CaseRig } from '../support/case-flows';
import { printingMissing, signedCaseClosed, startPrintRig } from '../support/paper';
import { percentile } from './stats';

if (!ensureDebian(['chromium', 'socat', 'cups', 'cups-filters', 'poppler-utils', 'fonts-noto-cjk']))
  process.exit(1);
const missing = printingMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}
ensureBuilds({ only: ['console', 'kiosk'] });

function count(name: string, fallback: number, max: number): number {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be 1..${max}`);
  return n;
}
const jobs = count('RVW_BENCH_JOBS', 20, 200);
const renders = count('RVW_BENCH_RENDERS', 20, 500);

/** Console page: clicks on a print button, and every print:state frame the socket receives. */
const consoleProbe = `(() => {
  window.__rvwClicks = [];
  window.__rvwStates = [];
  addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target.closest('[data-testid^="document-print-"]') : null;
    if (t) window.__rvwClicks.push(performance.timeOrigin + e.timeStamp);
  }, true);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.includes('"print:state"')) return;
        try {
          const [, job] = JSON.parse(e.data.slice(e.data.indexOf('[')));
          window.__rvwStates.push({ at: performance.timeOrigin + performance.now(), jobId: job.jobId, state: job.state });
        } catch {}
      });
    }
  };
})();`;

/** Kiosk page: when an offer appears (a MutationObserver), and taps on its 打印. */
const kioskProbe = `(() => {
  window.__rvwAccepts = [];
  window.__rvwOffers = [];
  addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target.closest('[data-testid="print-accept"]') : null;
    if (t) window.__rvwAccepts.push(performance.timeOrigin + e.timeStamp);
  }, true);
  let shown = false;
  new MutationObserver(() => {
    const now = document.querySelector('[data-testid="print-offer"]') !== null;
    if (now && !shown) window.__rvwOffers.push(performance.timeOrigin + performance.now());
    shown = now;
  }).observe(document, { subtree: true, childList: true });
})();`;

interface StateFrame {
  at: number;
  jobId: string;
  state: string;
}
interface RenderFigure {
  times: number[];
  pages: number;
  bytes: number;
}
interface PrintFigures {
  total: number[];
  toOffer: number[];
  offerToTap: number[];
  tapToDone: number[];
  failures: string[];
}
declare global {
  interface Window {
    __rvwClicks: number[];
    __rvwStates: StateFrame[];
    __rvwAccepts: number[];
    __rvwOffers: number[];
  }
}

/** p50 and p95 of `values` in ms, as table cells. */
function cells(values: readonly number[]): string {
  const f = (n: number) => `${n.toFixed(0)} ms`.padStart(9);
  return `${String(values.length).padStart(4)}  ${f(percentile(values, 50))}  ${f(percentile(values, 95))}  ${f(Math.min(...values))}  ${f(Math.max(...values))}`;
}
const header = `${'measure'.padEnd(44)}${'n'.padStart(4)}  ${'p50'.padStart(9)}  ${'p95'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}`;

/** renderDocument's time per kind, on the sample input of the catalogue's items (read through the API). */
async function renderFigures(rig: CaseRig): Promise<Map<DocumentKind, RenderFigure>> {
  const itemOf = async (code: string) => (await rig.agentApi.getCatalogueItem({ params: { code } })).item;
  const ltci = await itemOf('ltci-assessment');
  const subsidy = await itemOf('disability-transport-subsidy');
  const records = demoExternalRecords();
  const cases: Array<{ entry: DocumentPlanEntry; input: DocumentInput }> = [];
  // Completed, so that the plan has every kind a form item gets (the assessment result's notice too).
  const completed = sampleInput(ltci, {
    outcome: { outcome: 'completed', reason: null, nextStep: null, at: '2026-12-07T06:05:00.000Z' },
  });
  for (const entry of planDocuments({ item: ltci, outcome: 'completed', signed: true }))
    cases.push({ entry, input: completed });
  const notDone = sampleInput(subsidy, {
    outcome: {
      outcome: 'not-done',
      reason: '居民没有第二代残疾人证，暂时不能申领交通补贴',
      nextStep: '请先带身份证和照片到街道残联换领第二代残疾人证，领证后再来申请',
      at: '2026-12-07T06:05:00.000Z',
    },
  });
  for (const entry of planDocuments({ item: subsidy, outcome: 'not-done', signed: false }))
    if (entry.kind === 'one-time-notice') cases.push({ entry, input: notDone });
  const figures = new Map<DocumentKind, RenderFigure>();
  for (const { entry, input } of cases) {
    const warm = await renderDocument(entry, input, records);
    if (!warm) throw new Error(`${entry.kind} rendered nothing for the sample input`);
    const times: number[] = [];
    for (let i = 0; i < renders; i++) {
      const start = performance.now();
      await renderDocument(entry, input, records);
      times.push(performance.now() - start);
    }
    figures.set(entry.kind, { times, pages: warm.pages, bytes: warm.bytes.length });
    process.stdout.write(`rendered ${entry.kind} x${renders}\n`);
  }
  return figures;
}

/** `jobs` prints of the receipt of a closed case, each timed from the agent's click. */
async function printFigures(rig: CaseRig, queue: CupsQueue): Promise<PrintFigures> {
  const f: PrintFigures = { total: [], toOffer: [], offerToTap: [], tapToDone: [], failures: [] };
  await rig.consolePage.addInitScript(consoleProbe);
  await rig.kioskPage.addInitScript(kioskProbe);
  await signedCaseClosed(rig, 'accepted');
  const { consolePage, kioskPage } = rig;
  for (let i = 0; i < jobs; i++) {
    await consolePage.evaluate(() => {
      window.__rvwClicks.length = 0;
      window.__rvwStates.length = 0;
    });
    await kioskPage.evaluate(() => {
      window.__rvwAccepts.length = 0;
      window.__rvwOffers.length = 0;
    });
    await consolePage.getByTestId('document-print-receipt').click();
    // Tapped in the first frame the offer takes taps (Playwright's own retries would add their backoff).
    await kioskPage.waitForFunction(
      () => {
        const b = document.querySelector<HTMLButtonElement>('[data-testid="print-accept"]');
        return b !== null && !b.disabled;
      },
      null,
      { polling: 'raf', timeout: 15_000 },
    );
    await kioskPage.getByTestId('print-accept').click();
    const handle = await consolePage.waitForFunction(
      () => window.__rvwStates.find((s) => s.state === 'done' || s.state === 'failed') ?? null,
      null,
      { timeout: 60_000 },
    );
    const final = (await handle.jsonValue()) as StateFrame;
    const clickAt = (await consolePage.evaluate(() => window.__rvwClicks))[0];
    const acceptAt = (await kioskPage.evaluate(() => window.__rvwAccepts))[0];
    const offerAt = (await kioskPage.evaluate(() => window.__rvwOffers))[0];
    if (final.state !== 'done') f.failures.push(`job ${i + 1}: ${final.state}`);
    else if (clickAt !== undefined && acceptAt !== undefined && offerAt !== undefined) {
      f.total.push(final.at - clickAt);
      f.toOffer.push(offerAt - clickAt);
      f.offerToTap.push(acceptAt - offerAt);
      f.tapToDone.push(final.at - acceptAt);
    }
    await kioskPage.getByTestId('print-dismiss').click();
    await kioskPage.getByTestId('print-status').waitFor({ state: 'detached' });
    process.stdout.write(`job ${i + 1}/${jobs}: ${final.state}, ${f.total.at(-1)?.toFixed(0) ?? '?'} ms\n`);
  }
  await queue.waitForOutput(jobs - f.failures.length, 30_000);
  return f;
}

const paper = await startPrintRig({ serverLogLevel: 'warn' });
const chromiumVersion = paper.rig.browser.version();
let rendered: Map<DocumentKind, RenderFigure>;
let printed: PrintFigures;
try {
  // Renders first, while the pages are blank and the server idle.
  rendered = await renderFigures(paper.rig);
  printed = await printFigures(paper.rig, paper.queue);
} finally {
  await paper.close();
}

console.log(
  `\nPrinting and rendering (Chromium ${chromiumVersion}, loopback, a private cupsd with the generic PDF driver and a test backend writing to a folder; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)})`,
);
console.log(header);
console.log(`${"agent's click -> print:state done".padEnd(44)}${cells(printed.total)}`);
console.log(`${'  click -> offer on the kiosk screen'.padEnd(44)}${cells(printed.toOffer)}`);
console.log(`${'  offer -> tap (the offer settles 1 s)'.padEnd(44)}${cells(printed.offerToTap)}`);
console.log(`${'  tap -> done (fetch, CUPS completed)'.padEnd(44)}${cells(printed.tapToDone)}`);
for (const [kind, r] of rendered)
  console.log(
    `${`render ${kind} (${r.pages} p, ${Math.round(r.bytes / 1024)} KB)`.padEnd(44)}${cells(r.times)}`,
  );
if (printed.failures.length) console.log(`jobs that did not print: ${printed.failures.join(', ')}`);
