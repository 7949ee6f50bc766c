/**
 * Screenshots of the console's paper panels (issue 10), for a person to look at (nothing asserted
 * beyond the flow completing): the document camera's request in each state and its thumbnails; a
 * closed print-only case's documents with one printed, one failed (out of paper) and one waiting
 * for the resident; the same in English; the supervisor's read-back with a document's downloads.
 * The kiosk is a socket client here (it agrees, reports print states, uploads a picture).
 *
 *   npx tsx agent-console/scripts/screenshots-paper.ts [outDir]   (default /tmp/shots-console-paper)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { CaseState } from '@rvw/shared';
import {
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  shareIdentityOverHttp,
  startTestServer,
} from '@rvw/signaling-server/testing';
import { launchChromium } from '@rvw/sim/browser';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = process.argv[2] ?? '/tmp/shots-console-paper';
mkdirSync(outDir, { recursive: true });

const server = await startTestServer({ consoleDir: join(here, '../dist'), logLevel: 'warn' });
const url = server.url;
await createTestAgent(server.server, {
  username: 'liming',
  displayName: '李明',
  role: 'agent',
  password: 'console-demo-pass',
});
await createTestAgent(server.server, {
  username: 'wangfang',
  displayName: '王芳',
  role: 'admin',
  password: 'console-demo-pass',
});
const k = await createTestKiosk(server.server, { name: '静安寺街道 一体机 1', location: '第一居委会' });
const kiosk = await connectKiosk(url, k.token);
const browser = await launchChromium();
const consent = { accepted: true, consentText: '我同意。', locale: 'zh-CN' as const };

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`  ${name}.png`);
}

async function login(page: Page, username: string): Promise<void> {
  await page.goto(`${url}/console/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('console-demo-pass');
  await page.getByTestId('login-submit').click();
}

/** A JPEG of a household register page, drawn in the browser. */
async function jpegOf(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1600;
    c.height = 1130;
    const g = c.getContext('2d')!;
    g.fillStyle = '#f6efe0';
    g.fillRect(0, 0, c.width, c.height);
    g.strokeStyle = '#8a2a2a';
    g.lineWidth = 6;
    g.strokeRect(60, 60, 1480, 1010);
    g.fillStyle = '#3b2a1a';
    g.font = 'bold 72px "Noto Sans CJK SC"';
    g.fillText('常住人口登记卡', 520, 180);
    g.font = '44px "Noto Sans CJK SC"';
    ['姓名  李秀英', '户主或与户主关系  户主', '性别  女', '出生日期  1948年03月15日'].forEach((t, i) =>
      g.fillText(t, 140, 320 + i * 120),
    );
    return c.toDataURL('image/jpeg', 0.85).split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

try {
  // The resident takes a ticket and shares the card.
  const { ticket } = okData(await kiosk.request('ticket:request', {}));
  await shareIdentityOverHttp(url, k.token, ticket.id, {
    cardType: 'resident',
    name: '李秀英',
    gender: 'female',
    birthDate: '1948-03-15',
    idNumber: '310101194803150022',
    idNumberValid: true,
  });

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[console page] ${e.message}`));
  await login(page, 'liming');
  await page.getByTestId('accept-button').first().click();
  await page.getByTestId('case-workspace').waitFor();
  await page.getByTestId('item-search').fill('告知书');
  await page.getByTestId('catalogue-result-ltci-result-notice-print').click();
  await page.getByTestId('open-case').click();
  await page.getByTestId('form-editor').waitFor();

  // The document camera: asked, agreed, captured, another declined.
  await page.getByTestId('pane-materials').click();
  await page.getByTestId('material-label').fill('户口簿本人页');
  await page.getByTestId('material-request').click();
  const asked = await kiosk.waitFor('material:state', (r) => r.state === 'asked');
  await page.locator('[data-testid=material-state][data-state=asked]').waitFor();
  await shoot(page, 'p1-material-asked');
  okData(await kiosk.request('material:consent', { requestId: asked.requestId, ...consent }));
  await page.locator('[data-testid=material-state][data-state=consented]').waitFor();
  await shoot(page, 'p2-material-consented');
  const from = kiosk.received.length;
  await page.getByTestId('material-capture').click();
  await kiosk.waitFor('material:capture-now', () => true, { from });
  const up = await fetch(`${url}/api/kiosk/materials/${asked.requestId}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${k.token}` },
    body: new Uint8Array(await jpegOf(page)),
  });
  if (!up.ok) throw new Error(`upload: HTTP ${up.status} ${await up.text()}`);
  await page.getByTestId('material-thumb').waitFor();
  await shoot(page, 'p3-material-captured');
  await page.getByTestId('material-thumb').click();
  await page.getByTestId('material-enlarged').waitFor();
  await shoot(page, 'p4-material-enlarged');
  await page.getByTestId('material-close').click();
  const before = kiosk.received.length;
  await page.getByTestId('material-again').click();
  const again = await kiosk.waitFor('material:state', (r) => r.state === 'asked', { from: before });
  okData(
    await kiosk.request('material:consent', { requestId: again.requestId, ...consent, accepted: false }),
  );
  await page.locator('[data-testid=material-state][data-state=declined]').waitFor();
  await shoot(page, 'p5-material-declined');

  // The form (prefilled from the card): confirmed and signed at the kiosk; the outcome.
  await page.getByTestId('pane-form').click();
  await page.getByTestId('request-confirm').click();
  const c = await kiosk.waitFor(
    'case:state',
    (s: CaseState) => s.form.confirmRequested !== null && s.form.confirmRequested === s.form.revision,
    { timeoutMs: 10_000 },
  );
  const at = { caseId: c.caseId, revision: c.form.revision, hash: c.form.hash };
  const sign = { consentText: '我已核对以上内容，确认无误。', locale: 'zh-CN' as const };
  okData(await kiosk.request('form:confirm', { ...at, ...sign }));
  const strokes = {
    canvas: { width: 800, height: 260 },
    strokes: [
      { points: [60, 90, 120, 150, 190].map((x, i) => ({ x, y: 100 + (i % 2) * 60, time: i * 40 })) },
    ],
  };
  okData(await kiosk.request('form:sign', { ...at, strokes, ...sign }));
  await page.locator('[data-testid=form-phase][data-phase=signed]').waitFor();
  await page.getByTestId('pane-outcome').click();
  await page.getByTestId('outcome-completed').click();
  await page.getByTestId('record-outcome').click();
  await page.getByTestId('case-documents').waitFor();
  await page.getByTestId('document-row-receipt').waitFor({ timeout: 20_000 });
  await shoot(page, 'p6-documents-archived');

  // Printing: the receipt printed, the notice out of paper, the form waiting for the resident.
  async function printAs(kind: string, end: 'done' | 'failed' | null): Promise<void> {
    const n = kiosk.received.length;
    await page.getByTestId(`document-print-${kind}`).click();
    const offer = await kiosk.waitFor('print:offer', () => true, { from: n });
    if (end === null) return;
    okData(await kiosk.request('print:consent', { jobId: offer.jobId, ...consent }));
    okData(await kiosk.request('print:status', { jobId: offer.jobId, state: 'printing' }));
    await page.locator(`[data-testid=print-state-${kind}][data-state=printing]`).waitFor();
    if (end === 'done') okData(await kiosk.request('print:status', { jobId: offer.jobId, state: 'done' }));
    else
      okData(
        await kiosk.request('print:status', {
          jobId: offer.jobId,
          state: 'failed',
          reason: 'out-of-paper',
          detail: 'media-empty-error',
        }),
      );
    await page.locator(`[data-testid=print-state-${kind}][data-state=${end}]`).waitFor();
  }
  await printAs('receipt', 'done');
  await printAs('item-notice', 'failed');
  await printAs('application-form', null);
  await page.locator('[data-testid=print-state-application-form][data-state=offered]').waitFor();
  await shoot(page, 'p7-print-mixed');
  await page.getByTestId('language-switch').click();
  await shoot(page, 'p8-print-mixed-en');
  await page.getByTestId('language-switch').click();
  // 查看: the PDF in a tab opened at the click (the console's CSP lets the blob URL's viewer run).
  const popup = page.waitForEvent('popup');
  await page.getByTestId('document-view-receipt').click();
  const tab = await popup;
  await tab.waitForTimeout(2000);
  await shoot(tab, 'p8b-view-receipt');
  await tab.close();
  const dl = page.waitForEvent('download');
  await page.getByTestId('document-download-receipt').click();
  console.log(`  downloaded ${(await dl).suggestedFilename()}`);

  // The supervisor's read-back.
  const sup = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await login(sup, 'wangfang');
  await sup.getByTestId('tab-admin').click();
  await sup.getByTestId('admin-section-cases').click();
  await sup.getByTestId('case-lookup-number').fill(c.number);
  await sup.getByTestId('case-lookup-submit').click();
  await sup.getByTestId('case-documents').waitFor();
  await sup.getByTestId('document-downloads-toggle-receipt').click();
  await sup.getByTestId('document-downloads-receipt').waitFor();
  await sup.getByTestId('material-thumb').waitFor();
  await sup.getByTestId('case-documents').scrollIntoViewIfNeeded();
  await shoot(sup, 'p9-readback-documents');
  await sup.getByTestId('readback-materials').scrollIntoViewIfNeeded();
  await shoot(sup, 'p10-readback-materials');
} finally {
  kiosk.close();
  await browser.close();
  await server.close();
}
