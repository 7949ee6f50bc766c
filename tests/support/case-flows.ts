/**
 * The case flow (issue 9) through the real screens, for the case end-to-end tests and the form
 * benchmark: a real server serving the console build, a kiosk on simulated hardware (the GA 467
 * simulator on a socat pty pair) serving the renderer build, and Chromium with fake devices. The
 * steps are the ones a resident and an agent take: place the card, consent, take a number, accept,
 * find the item, fill, flag, confirm, sign, record the outcome. Playwright's waits only (no vitest
 * expect), so that the benchmark can use them outside the test runner.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createHttpClient, httpRoutes, type HttpClient } from '@rvw/shared';
import type { IdCard } from '@rvw/kiosk/idcard';
import {
  adminApi,
  createTestAgent,
  createTestKiosk,
  startTestServer,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { chooseNeed, loginAgent } from './flows';

/** Everything a case test drives, and the logs it checks for identity data. */
export interface CaseRig {
  server: TestServer;
  kiosk: KioskStack;
  browser: Browser;
  kioskPage: Page;
  consolePage: Page;
  agent: { id: string; username: string; password: string; displayName: string };
  /** The serving agent's own API client (its token from sign-in). */
  agentApi: HttpClient<typeof httpRoutes>;
  /** A supervisor's API client. */
  api: HttpClient<typeof httpRoutes>;
  /** The kiosk's own credential (its HTTP routes: print files, material uploads). */
  kioskToken: string;
  /** The kiosk host's log lines. */
  kioskLog: string[];
  /** Both pages' console messages and page errors. */
  browserLog: string[];
  close(): Promise<void>;
}

/** The kiosk's printer (issue 10): a CUPS queue by name at a CUPS address. */
export interface RigKioskOptions {
  printer?: string;
  cupsUrl?: string;
  documentCamera?: string;
}

/**
 * Starts the server (logging at debug unless told otherwise), one agent, a kiosk with a reader
 * (printing to `kiosk.printer` at `kiosk.cupsUrl` when given), Chromium and the two pages.
 */
export async function startCaseRig(
  options: { serverLogLevel?: 'debug' | 'warn'; kiosk?: RigKioskOptions; cameras?: number } = {},
): Promise<CaseRig> {
  const server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
    logLevel: options.serverLogLevel ?? 'debug',
  });
  const created = await createTestAgent(server.server, { displayName: '李敏' });
  const { token } = await createTestKiosk(server.server, {
    name: '静安寺街道 第一居委会',
    location: '上海市静安区',
  });
  const kioskLog: string[] = [];
  const capture = (level: string) => (message: string) => void kioskLog.push(`${level} ${message}`);
  const kiosk = await startKioskStack({
    serverUrl: server.url,
    kioskToken: token,
    reader: true,
    ...options.kiosk,
    logger: { info: capture('info'), warn: capture('warn'), error: capture('error') },
  });
  const browser = await launchChromium({ cameras: options.cameras });
  const kioskPage = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
  const consolePage = await (await newProbedContext(browser, server.url)).newPage();
  const browserLog: string[] = [];
  for (const [name, page] of [
    ['kiosk', kioskPage],
    ['console', consolePage],
  ] as const) {
    page.on('console', (m) => void browserLog.push(`[${name}] ${m.type()} ${m.text()}`));
    page.on('pageerror', (e) => void browserLog.push(`[${name}] pageerror ${e.message}`));
  }
  return {
    server,
    kiosk,
    browser,
    kioskPage,
    consolePage,
    agent: {
      id: created.agent.id,
      username: created.agent.username,
      password: created.password,
      displayName: created.agent.displayName,
    },
    agentApi: createHttpClient(httpRoutes, { baseUrl: server.url, token: created.token }),
    api: await adminApi(server.server),
    kioskToken: token,
    kioskLog,
    browserLog,
    async close() {
      await browser.close();
      await kiosk.close();
      await server.close();
    },
  };
}

/**
 * The resident places `card`, confirms it is theirs, consents to share it and takes a number; the
 * agent signs in, sees the identity on the queue row and accepts. Resolves with the ticket number
 * when both sides show the call, with the console's case workspace open.
 */
export async function cardToCall(
  rig: CaseRig,
  card: IdCard,
): Promise<{ ticketNumber: string; consentScreen: string }> {
  const { kioskPage, consolePage, kiosk } = rig;
  await kioskPage.goto(kiosk.url);
  await kioskPage.getByTestId('place-card-prompt').waitFor();
  kiosk.sim!.placeCard(card);
  await kioskPage.getByTestId('greeting').waitFor();
  await kioskPage.getByTestId('confirm-identity').click();
  const consentScreen = await kioskPage.getByTestId('screen-consent').innerText();
  await kioskPage.getByTestId('consent-yes').click();
  await chooseNeed(kioskPage);
  await kioskPage.getByTestId('screen-waiting').waitFor();
  const ticketNumber = (await kioskPage.getByTestId('ticket-number').innerText()).trim();

  await loginAgent(consolePage, rig.server.url, rig.agent.username, rig.agent.password);
  const row = consolePage.locator(`[data-testid="queue-row"][data-ticket-number="${ticketNumber}"]`);
  // The identity reaches the ticket after consent; the case prefills from it when it opens.
  await row.getByTestId('identity-name').filter({ hasText: card.name }).waitFor({ timeout: 15_000 });
  await row.getByTestId('accept-button').click();
  await consolePage.getByTestId('call-view').waitFor();
  await consolePage.getByTestId('case-workspace').waitFor();
  await kioskPage.getByTestId('screen-call').waitFor();
  return { ticketNumber, consentScreen };
}

/**
 * The agent finds an item by a search (name, code or pinyin initials) or a category chip, and
 * opens its case; resolves with the case number.
 */
export async function openCase(
  consolePage: Page,
  code: string,
  find: { query: string } | { category: string },
): Promise<string> {
  if ('query' in find) await consolePage.getByTestId('item-search').fill(find.query);
  else await consolePage.getByTestId(`category-${find.category}`).click();
  await consolePage.getByTestId(`catalogue-result-${code}`).click();
  await consolePage.getByTestId('open-case').click();
  await consolePage.getByTestId('case-view').waitFor();
  await consolePage.locator(`[data-testid=item-guide][data-item-code="${code}"]`).waitFor();
  return (await consolePage.getByTestId('case-number').innerText()).trim();
}

/** The agent types a text field and presses Enter (sent at once, not after the typing pause). */
export async function typeField(consolePage: Page, field: string, value: string): Promise<void> {
  const input = consolePage.getByTestId(`field-${field}`);
  await input.fill(value);
  await input.press('Enter');
}

/** The text of a field's row on the kiosk (label, value, marks); null when the row is not on screen. */
export function kioskFieldText(kioskPage: Page, field: string): Promise<string | null> {
  return kioskPage.evaluate(
    (id) => document.querySelector<HTMLElement>(`[data-testid="kiosk-field-${id}"]`)?.innerText ?? null,
    field,
  );
}

/** Waits until the kiosk shows `text` in the row of `field`. */
export async function expectOnKiosk(kioskPage: Page, field: string, text: string): Promise<void> {
  try {
    await kioskPage.waitForFunction(
      ([id, want]) =>
        document.querySelector<HTMLElement>(`[data-testid="kiosk-field-${id}"]`)?.innerText.includes(want),
      [field, text] as const,
      { timeout: 10_000 },
    );
  } catch (e) {
    const shown = await kioskFieldText(kioskPage, field);
    throw new Error(`the kiosk does not show "${text}" for ${field} (it shows ${JSON.stringify(shown)})`, {
      cause: e,
    });
  }
}

/**
 * The agent fills the long-term care form's fields that the card does not (relation, insurance,
 * setting, contact name and phone), each checked on the kiosk before the next.
 */
export async function fillLtciForm(
  consolePage: Page,
  kioskPage: Page,
  values: { contactName: string; contactPhone: string; shownPhone: string },
): Promise<void> {
  const picks = [
    ['applicantRelation', 'self', '本人'],
    ['insuranceType', 'employee', '职工基本医疗保险'],
    ['currentSetting', 'home', '家中'],
  ] as const;
  for (const [field, value, shown] of picks) {
    await consolePage.getByTestId(`field-${field}`).selectOption(value);
    await expectOnKiosk(kioskPage, field, shown);
  }
  await typeField(consolePage, 'contactName', values.contactName);
  await expectOnKiosk(kioskPage, 'contactName', values.contactName);
  await typeField(consolePage, 'contactPhone', values.contactPhone);
  await expectOnKiosk(kioskPage, 'contactPhone', values.shownPhone);
}

/**
 * The resident walks the review one page at a time (下一页) and confirms on the last page;
 * resolves when the signature screen shows, with the text of every page (the last one is what
 * the resident agreed to).
 */
export async function walkReviewAndConfirm(kioskPage: Page): Promise<{ pages: string[] }> {
  const screen = kioskPage.getByTestId('review-screen');
  await screen.waitFor();
  const confirm = kioskPage.getByTestId('review-confirm');
  const next = kioskPage.getByTestId('review-next');
  const pages: string[] = [];
  for (;;) {
    await confirm.or(next).first().waitFor();
    pages.push(await screen.innerText());
    if (await confirm.isVisible()) break;
    const before = await kioskPage.getByTestId('kiosk-form').getAttribute('data-page');
    await next.click();
    await kioskPage.waitForFunction(
      (was) => document.querySelector('[data-testid="kiosk-form"]')?.getAttribute('data-page') !== was,
      before,
    );
    if (pages.length > 20) throw new Error('the review never reached its last page');
  }
  await confirm.click();
  await kioskPage.getByTestId('sign-screen').waitFor();
  return { pages };
}

/**
 * The resident signs with the mouse as a pen (pointer events on the canvas): a few strokes across
 * the box, then 确认签名. Resolves with the number of strokes drawn and the screen's text.
 */
export async function signOnCanvas(kioskPage: Page): Promise<{ strokes: number; screen: string }> {
  const canvas = kioskPage.getByTestId('signature-canvas');
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature canvas has no box');
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const strokes = [
    [
      [0.1, 0.6],
      [0.18, 0.3],
      [0.25, 0.65],
      [0.32, 0.35],
    ],
    [
      [0.4, 0.5],
      [0.55, 0.45],
      [0.7, 0.55],
    ],
    [
      [0.75, 0.3],
      [0.8, 0.7],
    ],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke.map(([x, y]) => at(x!, y!));
    await kioskPage.mouse.move(first!.x, first!.y);
    await kioskPage.mouse.down();
    for (const p of rest) await kioskPage.mouse.move(p.x, p.y, { steps: 8 });
    await kioskPage.mouse.up();
  }
  const screen = await kioskPage.getByTestId('sign-screen').innerText();
  await kioskPage.getByTestId('sign-submit').click();
  return { strokes: strokes.length, screen };
}

/** The agent records an outcome on the outcome pane; `words` for 办不成 and 转办. */
export async function recordOutcome(
  consolePage: Page,
  outcome: 'completed' | 'accepted' | 'consultation' | 'transferred' | 'not-done',
  words?: { reason: string; nextStep: string },
): Promise<void> {
  const pane = consolePage.getByTestId('pane-outcome');
  if (await pane.isVisible()) await pane.click();
  await consolePage.getByTestId(`outcome-${outcome}`).click();
  if (words) {
    await consolePage.getByTestId('outcome-reason').fill(words.reason);
    await consolePage.getByTestId('outcome-next-step').fill(words.nextStep);
  }
  await consolePage.getByTestId('record-outcome').click();
  await consolePage.locator('[data-testid=case-status][data-status=closed]').waitFor();
}

/** The agent ends the call (allowed once every case has an outcome); the console shows the notice. */
export async function agentEndsCall(consolePage: Page): Promise<void> {
  await consolePage.getByTestId('end-call').click();
  await consolePage.getByTestId('call-ended-notice').waitFor();
}

/** True when every line of a recorded consent text is on the screen's text (whitespace aside). */
export function shownOnScreen(recorded: string, screen: string): boolean {
  const squash = (t: string) => t.replace(/\s+/g, '');
  return recorded
    .split('\n')
    .filter((line) => line.trim())
    .every((line) => squash(screen).includes(squash(line)));
}

/** The server's data files (database, WAL, shared memory) as bytes. */
export function databaseBytes(dataDir: string): Buffer {
  const files = ['rvw.sqlite', 'rvw.sqlite-wal', 'rvw.sqlite-shm'].map((f) => join(dataDir, f));
  const present = files.filter((f) => existsSync(f));
  if (!present.includes(files[0]!)) throw new Error(`no database in ${dataDir}`);
  return Buffer.concat(present.map((f) => readFileSync(f)));
}

/** Which of `needles` occur in the server's data files (UTF-8 and UTF-16LE); [] when none. */
export function secretsInDatabase(dataDir: string, needles: readonly string[]): string[] {
  const bytes = databaseBytes(dataDir);
  return needles.filter(
    (n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')),
  );
}
