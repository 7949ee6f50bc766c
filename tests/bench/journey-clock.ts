/**
 * The clock of bench:journey: each step of a journey timed on the Node side (performance.now()
 * around the Playwright calls that make it), the kind of time it is, and the report over N journeys.
 * Steps are contiguous: their sum is the journey's total, less the few milliseconds between them.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { percentile } from './stats';

/**
 * `product`: waits on the software (a read, a round trip, a render, a print). `settle`: a screen's
 * deliberate pause before it takes taps (kiosk flow/settle.ts: 1 s, consent 1.5 s and its speech),
 * product time a real resident spends reading anyway. `person`: a scripted click, tap or typing,
 * which a real person would take longer over.
 */
export type StepKind = 'product' | 'settle' | 'person';

/** One journey's steps (name → ms, summed where a step recurs) and its total. */
export interface JourneyTimes {
  steps: Map<string, number>;
  total: number;
  /** Each run of a step, in epoch ms (performance.timeOrigin + now), to match the pages' clocks. */
  spans: Array<{ name: string; from: number; to: number }>;
  /** Main-thread long tasks (> 50 ms) inside each step, per page: step → page → ms. */
  longTasks: Map<string, Map<string, number>>;
  /** For steps in which a click reached a page: ms from the step's start to the (first) click. */
  clickLanded: Map<string, number>;
}

/** A page's main-thread long tasks, [start, duration] in epoch ms (PerformanceObserver 'longtask'). */
export const longTaskProbe = `(() => {
  window.__rvwLong = [];
  window.__rvwClickAt = [];
  addEventListener('click', (e) => void window.__rvwClickAt.push(performance.timeOrigin + e.timeStamp), true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__rvwLong.push([performance.timeOrigin + e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {}
})();`;

/** Takes the page's long tasks recorded so far (and clears them). */
export function takeLongTasks(page: Page): Promise<Array<[number, number]>> {
  return page.evaluate(() => {
    const w = window as unknown as { __rvwLong?: Array<[number, number]> };
    const out = w.__rvwLong ?? [];
    w.__rvwLong = [];
    return out;
  });
}

/** Takes the times (epoch ms) at which clicks reached the page's window (and clears them). */
export function takeClicks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __rvwClickAt?: number[] };
    const out = w.__rvwClickAt ?? [];
    w.__rvwClickAt = [];
    return out;
  });
}

/** Times the steps of one journey at a time. */
export class JourneyClock {
  readonly order: string[] = [];
  readonly kinds = new Map<string, StepKind>();
  private current = new Map<string, number>();
  private spans: JourneyTimes['spans'] = [];
  private startedAt = 0;

  start(): void {
    this.current = new Map();
    this.spans = [];
    this.startedAt = performance.now();
  }

  /** Runs `fn` as the step `name`; a step that recurs in a journey (review pages) adds up. */
  async step<T>(name: string, kind: StepKind, fn: () => Promise<T>): Promise<T> {
    if (!this.kinds.has(name)) {
      this.order.push(name);
      this.kinds.set(name, kind);
    }
    const t0 = performance.now();
    const out = await fn();
    const t1 = performance.now();
    this.current.set(name, (this.current.get(name) ?? 0) + t1 - t0);
    this.spans.push({ name, from: performance.timeOrigin + t0, to: performance.timeOrigin + t1 });
    return out;
  }

  /** Ends the journey; `tasks`: each page's long tasks, attributed to the steps they overlap. */
  stop(tasks: Record<string, Array<[number, number]>> = {}, clicks: number[] = []): JourneyTimes {
    const total = performance.now() - this.startedAt;
    const longTasks = new Map<string, Map<string, number>>();
    for (const [pageName, list] of Object.entries(tasks))
      for (const [start, duration] of list)
        for (const span of this.spans) {
          const overlap = Math.min(span.to, start + duration) - Math.max(span.from, start);
          if (overlap <= 0) continue;
          const byPage = longTasks.get(span.name) ?? new Map<string, number>();
          byPage.set(pageName, (byPage.get(pageName) ?? 0) + overlap);
          longTasks.set(span.name, byPage);
        }
    const clickLanded = new Map<string, number>();
    for (const span of this.spans) {
      const at = clicks.find((c) => c >= span.from && c <= span.to);
      if (at !== undefined && !clickLanded.has(span.name)) clickLanded.set(span.name, at - span.from);
    }
    return { steps: this.current, total, spans: this.spans, longTasks, clickLanded };
  }
}

/**
 * Resolves when the kiosk's button `testId` takes taps (not disabled), checked every animation
 * frame: a plain click() on a settling button would retry on Playwright's own back-off (up to
 * 500 ms late), which would be charged to the product.
 */
export async function whenTappable(page: Page, testId: string, timeout = 20_000): Promise<void> {
  await whenClickable(page, `[data-testid="${testId}"]`, timeout);
}

/** Resolves when the button at the CSS `selector` is on screen and not disabled (every frame). */
export async function whenClickable(page: Page, selector: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const b = document.querySelector(sel);
      return b instanceof HTMLButtonElement && !b.disabled && b.getClientRects().length > 0;
    },
    selector,
    { polling: 'raf', timeout },
  );
}

/** Columns a string takes in a terminal (CJK and full-width forms take two). */
function columns(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return n;
}
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columns(text)));

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(9);

/** The table: one row per step (kind, p50, p95, max), then the total and the shares of time. */
export function report(clock: JourneyClock, runs: readonly JourneyTimes[]): string[] {
  const lines: string[] = [];
  const width = Math.max(...clock.order.map(columns), 30) + 2;
  lines.push(
    `${'step'.padEnd(width)}${'kind'.padEnd(9)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}   main-thread long tasks in it, mean: kiosk / console; a click landed after, mean`,
  );
  const landed = (name: string) => {
    const xs = runs.flatMap((r) => (r.clickLanded.has(name) ? [r.clickLanded.get(name)!] : []));
    return xs.length ? `; click at ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(0)} ms` : '';
  };
  const meanLong = (name: string, pageName: string) =>
    runs.reduce((n, r) => n + (r.longTasks.get(name)?.get(pageName) ?? 0), 0) / runs.length;
  for (const name of clock.order) {
    const xs = runs.map((r) => r.steps.get(name) ?? 0);
    lines.push(
      `${pad(name, width)}${clock.kinds.get(name)!.padEnd(9)}${ms(percentile(xs, 50))}${ms(percentile(xs, 95))}${ms(Math.max(...xs))}` +
        `   ${ms(meanLong(name, 'kiosk'))} / ${ms(meanLong(name, 'console')).trim()}${landed(name)}`,
    );
  }
  const totals = runs.map((r) => r.total);
  lines.push(
    `${'TOTAL (card placed -> welcome)'.padEnd(width)}${''.padEnd(9)}${ms(percentile(totals, 50))}${ms(percentile(totals, 95))}${ms(Math.max(...totals))}`,
  );
  const sumOf = (kind: StepKind) =>
    runs.reduce(
      (n, r) => n + [...r.steps].filter(([s]) => clock.kinds.get(s) === kind).reduce((m, [, v]) => m + v, 0),
      0,
    );
  const all = totals.reduce((a, b) => a + b, 0);
  const share = (x: number) => `${((100 * x) / all).toFixed(0)} %`;
  const [product, settle, person] = [sumOf('product'), sumOf('settle'), sumOf('person')];
  const gaps = all - product - settle - person;
  lines.push('');
  lines.push(
    `share of the total, all journeys: product waits ${share(product + settle)} ` +
      `(software ${share(product)}, deliberate screen settling ${share(settle)}), ` +
      `scripted person ${share(person)}, between steps ${share(gaps)}`,
  );
  const perJourney = (x: number) => `${(x / runs.length / 1000).toFixed(1)} s`;
  lines.push(
    `per journey on average: product ${perJourney(product)} + settling ${perJourney(settle)} + person ${perJourney(person)} = ${perJourney(all)}`,
  );
  const p50 = percentile(totals, 50);
  const p95 = percentile(totals, 95);
  lines.push(
    `goal total <= 30 s: ${p95 <= 30_000 ? 'met' : p50 <= 30_000 ? 'met at p50, NOT at p95' : 'NOT met'} (p50 ${(p50 / 1000).toFixed(1)} s, p95 ${(p95 / 1000).toFixed(1)} s)`,
  );
  return lines;
}
