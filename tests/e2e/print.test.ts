/**
 * Printing at the kiosk end to end (issue 10 #6), on a real CUPS: a private cupsd started here (as
 * root; without root or CUPS the suite fails naming what is missing), a queue on the generic PDF
 * driver whose test backend writes each job to a folder, or fails on demand. The case flow of
 * issue 9 closes a signed 长期护理 case (受理); the console lists its documents; the agent prints the
 * receipt; the resident agrees on the kiosk; the job reaches CUPS; the printed PDF reads back (with
 * pdftotext) with the case number and the resident's masked name and without the ID number, and a
 * page rasterised with pdftoppm has ink on it; the agent sees done and the kiosk says and shows
 * 请取走您的回执. Then the queue runs out of paper: the agent sees 打印机缺纸 within 2 s of the job
 * printing, the kiosk says staff will help, and no print folder is left in the kiosk's temp folder.
 * A second matter closed 办不成 lists its one-time notice. At the socket, a print of a document id
 * that does not exist, or of another session's document, is NOT_FOUND.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
} from '@rvw/signaling-server/testing';
import { sampleCards } from '@rvw/sim';
import { pdfText, rasterDarkPixels } from '@rvw/sim/cups';
import { openCase, recordOutcome } from '../support/case-flows';
import {
  kioskPrintStatus,
  ownPrintFolders,
  printAndAccept,
  signedCaseClosed,
  spokenOnKiosk,
  startPrintRig,
  waitPrintState,
  type PrintRig,
} from '../support/paper';

const card = sampleCards.resident;
const fullNumber = card.idNumber;
/** 李秀英 as receipts print it. */
const maskedName = '李*英';
const TAKE_RECEIPT = '请取走您的回执';
const STAFF_WILL_HELP = '打印机出了点问题，工作人员会帮您处理';
const notDone = {
  reason: '居民没有第二代残疾人证，暂时不能申领交通补贴',
  nextStep: '请先带身份证和照片到街道残联换领第二代残疾人证，领证后再来申请',
};

let paper: PrintRig;
/** The receipt's document id, printed in the first test; another session's document in the second. */
let receiptId = '';

beforeAll(async () => {
  paper = await startPrintRig();
});

afterAll(async () => {
  await paper?.close();
});

test('the agent prints the receipt: CUPS gets it, it reads back, both sides see done; out of paper; 办不成 notice', async () => {
  const { rig, queue, cups } = paper;
  onTestFailed(() => {
    console.log(`browser log:\n${rig.browserLog.join('\n')}`);
    console.log(`kiosk log:\n${rig.kioskLog.join('\n')}`);
    console.log(`cupsd error_log:\n${cups.cupsd.errorLog().slice(-4000)}`);
  });
  const { consolePage, kioskPage } = rig;
  const caseNumber = await signedCaseClosed(rig, 'accepted');

  // The documents, archived as the case closed: the signed form and the receipt, on the console and the API.
  await consolePage.getByTestId('document-row-application-form').waitFor();
  const { cases } = await rig.agentApi.listCases({ query: { number: caseNumber } });
  const caseId = cases[0]!.caseId;
  const { documents } = await rig.agentApi.listCaseDocuments({ params: { caseId } });
  expect(documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['application-form', 'receipt']));
  receiptId = documents.find((d) => d.kind === 'receipt')!.documentId;

  // The agent prints the receipt; the resident agrees; the job reaches CUPS and prints.
  await printAndAccept(rig, 'receipt');
  const [printed] = await queue.waitForOutput(1, 30_000);
  const text = await pdfText(printed!);
  expect(text).toContain(caseNumber);
  expect(text).toContain(maskedName);
  expect(text).not.toContain(fullNumber);
  expect(text).not.toContain(fullNumber.slice(0, 17));
  expect(text).not.toContain(card.name);
  // The fonts draw, not only extract: the first page has ink where its text is.
  expect(await rasterDarkPixels(printed!, 1)).toBeGreaterThan(500);

  // Done on both sides: the agent's state, the kiosk's words on screen and spoken.
  expect(await waitPrintState(consolePage, 'receipt', ['done', 'failed'])).toBe('done');
  expect(await kioskPrintStatus(kioskPage, 'done')).toContain(TAKE_RECEIPT);
  await expect.poll(() => spokenOnKiosk(kioskPage)).toContainEqual(expect.stringContaining(TAKE_RECEIPT));
  // Printing is a consent like the others.
  const { entries } = await rig.agentApi.caseConsents({ params: { caseId } });
  expect(entries.filter((e) => e.kind === 'print')).toHaveLength(1);
  await kioskPage.getByTestId('print-dismiss').click();
  await kioskPage.getByTestId('print-status').waitFor({ state: 'detached' });

  // Out of paper: the agent prints again; the agent reads the reason within 2 s of the job printing.
  queue.setFault('out-of-paper');
  await printAndAccept(rig, 'receipt');
  const state = consolePage.getByTestId('print-state-receipt');
  expect(await waitPrintState(consolePage, 'receipt', ['printing', 'failed'])).toBe('printing');
  // A functional bound the issue names (the agent sees "out of paper" within 2 s), as a wait's limit.
  await state.filter({ hasText: '打印机缺纸' }).waitFor({ timeout: 2000 });
  expect(await waitPrintState(consolePage, 'receipt', ['failed', 'done'])).toBe('failed');
  expect(await state.innerText()).toContain('打印失败');
  // The resident hears that staff will help, not the reason.
  const failedText = await kioskPrintStatus(kioskPage, 'failed');
  expect(failedText).toContain(STAFF_WILL_HELP);
  expect(failedText).not.toContain('缺纸');
  await expect.poll(() => spokenOnKiosk(kioskPage)).toContainEqual(expect.stringContaining(STAFF_WILL_HELP));
  // The failed job printed nothing, and no copy of either job stays on the kiosk's disk.
  queue.setFault(null);
  expect(queue.outputs()).toHaveLength(1);
  await expect.poll(() => ownPrintFolders()).toEqual([]);
  await kioskPage.getByTestId('print-dismiss').click();

  // A second matter in the same call, 办不成: its one-time notice lists with the case.
  await consolePage.getByTestId('another-matter').click();
  const subsidy = await openCase(consolePage, 'disability-transport-subsidy', { category: 'disability' });
  await recordOutcome(consolePage, 'not-done', notDone);
  await consolePage.getByTestId('document-row-one-time-notice').waitFor({ timeout: 15_000 });
  const other = (await rig.agentApi.listCases({ query: { number: subsidy } })).cases[0]!;
  const notice = await rig.agentApi.listCaseDocuments({ params: { caseId: other.caseId } });
  expect(notice.documents.map((d) => d.kind)).toContain('one-time-notice');
  expect(notice.documents.map((d) => d.kind)).not.toContain('receipt');

  // No full ID number in any log.
  for (const log of [rig.server.logText(), rig.kioskLog.join('\n'), rig.browserLog.join('\n')])
    expect(log).not.toContain(fullNumber);
});

test("a print of a document that does not exist, or of another session's document, is NOT_FOUND", async () => {
  const { server } = paper.rig;
  expect(receiptId).not.toBe('');
  const k = await createTestKiosk(server.server, { name: '第二台一体机' });
  const a = await createTestAgent(server.server, { displayName: '王芳' });
  const kiosk = await connectKiosk(server.url, k.token);
  const agent = await connectAgent(server.url, a.token);
  try {
    const { ticket } = okData(await kiosk.request('ticket:request', {}));
    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    for (const documentId of ['doc-that-does-not-exist', receiptId]) {
      const ack = await agent.request('print:request', {
        sessionId: session.id,
        documentId,
        requestId: `e2e-not-found-${documentId}`.slice(0, 64),
      });
      expect(ack.ok ? 'ok' : ack.error.code).toBe('NOT_FOUND');
    }
    // Nothing was offered to this kiosk.
    expect(kiosk.all('print:offer')).toEqual([]);
  } finally {
    kiosk.close();
    agent.close();
  }
});
