/**
 * Paper in and out (issue 10) for the end-to-end tests and the print benchmark: the case rig with a
 * private CUPS (the harness in simulators/cups: its own cupsd, the test backend, a queue on the
 * generic PDF driver) as the kiosk's printer, and the steps of a print through the real screens.
 * Playwright's waits only (no vitest expect), so that the benchmark can use them too.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import type { DocumentKind } from '@rvw/shared';
import { sampleCards } from '@rvw/sim';
import { cupsMissing, startCupsHarness, type CupsHarness, type CupsQueue } from '@rvw/sim/cups';
import {
  cardToCall,
  fillLtciForm,
  openCase,
  recordOutcome,
  signOnCanvas,
  startCaseRig,
  walkReviewAndConfirm,
  type CaseRig,
} from './case-flows';
import { speechSpy } from './speech-spy';

/** The test queue's name on the private cupsd. */
export const TEST_QUEUE = 'RVW_E2E';

/**
 * Why printing cannot be tested here, as one sentence naming what is missing (root, cupsd, the
 * generic PDF driver, poppler's pdftotext and pdftoppm), or null when it can.
 */
export function printingMissing(): string | null {
  const cups = cupsMissing();
  const poppler = ['pdftotext', 'pdftoppm'].filter((tool) => spawnSync(tool, ['-v']).error !== undefined);
  if (!cups && poppler.length === 0) return null;
  const parts = [
    cups,
    poppler.length ? `missing ${poppler.join(' and ')} (apt-get install poppler-utils).` : null,
  ];
  return `Printing cannot be tested end to end: ${parts.filter(Boolean).join(' ')}`;
}

/** The case rig whose kiosk prints to a queue on a private cupsd. */
export interface PrintRig {
  rig: CaseRig;
  cups: CupsHarness;
  queue: CupsQueue;
  close(): Promise<void>;
}

/**
 * Starts a private cupsd with one queue (TEST_QUEUE) and the case rig whose kiosk prints to it
 * (RVW_KIOSK_CUPS_URL, RVW_KIOSK_PRINTER); the kiosk page records what it speaks (speech spy).
 * Throws the sentence of printingMissing() when the machine cannot.
 */
export async function startPrintRig(options: { serverLogLevel?: 'debug' | 'warn' } = {}): Promise<PrintRig> {
  const missing = printingMissing();
  if (missing) throw new Error(missing);
  const cups = await startCupsHarness();
  let rig: CaseRig;
  try {
    const queue = cups.addQueue(TEST_QUEUE);
    rig = await startCaseRig({
      ...options,
      kiosk: { printer: TEST_QUEUE, cupsUrl: cups.url },
    });
    await rig.kioskPage.addInitScript(speechSpy);
    return {
      rig,
      cups,
      queue,
      async close() {
        await rig.close();
        await cups.stop();
      },
    };
  } catch (err) {
    await cups.stop();
    throw err;
  }
}

/**
 * A resident (the sample card's 李秀英) in a call whose 长期护理 case is filled, confirmed, signed
 * and closed with `outcome`; resolves with the case number once the console lists its documents.
 */
export async function signedCaseClosed(
  rig: CaseRig,
  outcome: 'accepted' | 'completed' = 'accepted',
): Promise<string> {
  const { kioskPage, consolePage } = rig;
  await cardToCall(rig, sampleCards.resident);
  const caseNumber = await openCase(consolePage, 'ltci-assessment', { query: 'cqhl' });
  await fillLtciForm(consolePage, kioskPage, {
    contactName: '王小明',
    contactPhone: '13912345678',
    shownPhone: '139 1234 5678',
  });
  await consolePage.getByTestId('request-confirm').click();
  await walkReviewAndConfirm(kioskPage);
  await signOnCanvas(kioskPage);
  await kioskPage.getByTestId('screen-call').waitFor();
  await consolePage.locator('[data-testid=form-phase][data-phase=signed]').waitFor();
  await recordOutcome(consolePage, outcome);
  await consolePage.getByTestId('case-documents').waitFor({ timeout: 45_000 });
  await consolePage.getByTestId('document-row-receipt').waitFor({ timeout: 45_000 });
  return caseNumber;
}

/** The console's print state of a document kind (data-state), or null when it shows none. */
export function printState(consolePage: Page, kind: DocumentKind): Promise<string | null> {
  return consolePage.evaluate(
    (k) => document.querySelector(`[data-testid="print-state-${k}"]`)?.getAttribute('data-state') ?? null,
    kind,
  );
}

/** Waits until the console shows the print state of `kind` as one of `states`. */
export async function waitPrintState(
  consolePage: Page,
  kind: DocumentKind,
  states: readonly string[],
  timeout = 20_000,
): Promise<string> {
  const handle = await consolePage.waitForFunction(
    ([k, want]) => {
      const s = document.querySelector(`[data-testid="print-state-${k}"]`)?.getAttribute('data-state');
      return s && (want as string[]).includes(s) ? s : null;
    },
    [kind, [...states]] as const,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * The agent presses print on `kind`; the kiosk shows the offer and the resident agrees. Resolves
 * once the kiosk's offer is gone (the job is queued).
 */
export async function printAndAccept(rig: CaseRig, kind: DocumentKind): Promise<void> {
  const { consolePage, kioskPage } = rig;
  await consolePage.getByTestId(`document-print-${kind}`).click();
  await kioskPage.getByTestId('print-offer').waitFor();
  await kioskPage.getByTestId('print-accept').click();
  await kioskPage.getByTestId('print-offer').waitFor({ state: 'detached' });
}

/** Waits until the kiosk's print status shows `state` (data-state); resolves with its text. */
export async function kioskPrintStatus(kioskPage: Page, state: string, timeout = 20_000): Promise<string> {
  const status = kioskPage.locator(`[data-testid="print-status"][data-state="${state}"]`);
  await status.waitFor({ timeout });
  return status.innerText();
}

/** Everything the kiosk page asked the speech API to say so far. */
export function spokenOnKiosk(kioskPage: Page): Promise<string[]> {
  return kioskPage.evaluate(
    () =>
      (window as unknown as { __rvwSpoken?: Array<{ text: string }> }).__rvwSpoken?.map((s) => s.text) ?? [],
  );
}

/** This process's print folders (rvw-kiosk-print-<pid>-…) in the OS temp folder: the kiosk host's copies. */
export function ownPrintFolders(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`rvw-kiosk-print-${process.pid}-`));
}
