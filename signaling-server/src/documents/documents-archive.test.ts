/**
 * Archiving on close (办结即归档): every outcome gets its documents (PDF, digest, time), the serving
 * agent is told, an abandoned case gets none, archiving again changes nothing, a stored document
 * renders again to the same digest after the session ended, and a failed render is retried once
 * and logged without personal data.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { OutcomeRecord } from '@rvw/shared';
import { ID_NUMBER, openVisit, RESIDENT, signedAssessmentCase } from '../cases/case-test-support';
import { adminApi, okData, type TestClient } from '../testing';
import { useTestServer } from '../testing/hooks';
import { closeCaseWithDocuments, PRINT_ONLY_ITEM } from './paper-test-support';
import { demoExternalRecords, type DocumentPlanEntry } from './render';
import { sharedRenderPool } from './render-pool';

const RESULT = {
  name: RESIDENT.name,
  level: 2,
  levelText: { zh: '照护二级', en: 'Care level 2' },
  assessedOn: '2026-10-12',
  assessingBody: '徐汇区老年照护统一需求评估中心',
  validUntil: '2028-10-11',
  noticeNumber: 'XH-PG-2026-000123',
  review: { days: 15, where: '徐汇区老年照护统一需求评估中心' },
};

// Fails the first render of a receipt once (the retry test), then renders for real. Rendering in
// a cold worker takes seconds on a loaded machine: these tests have a minute each.
let failNextReceipt = false;
vi.setConfig({ testTimeout: 60_000 });
let offsetMs = 0;
const t = useTestServer({
  clock: () => new Date(Date.now() + offsetMs),
  caseIdentityRetentionDays: 30,
  centreName: '徐汇区漕河泾街道社区事务受理服务中心',
  paper: {
    records: demoExternalRecords({ [ID_NUMBER]: RESULT }),
    retryDelayMs: 10,
    render: async (entry: DocumentPlanEntry, input, records) => {
      if (failNextReceipt && entry.kind === 'receipt') {
        failNextReceipt = false;
        throw new TypeError(`cannot draw ${input.resident?.name ?? ''} ${input.resident?.idNumber ?? ''}`);
      }
      return sharedRenderPool().render(entry, input, records);
    },
  },
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Fills, confirms and signs the long-term care application, then records `record`. */
async function signedAssessment(
  agent: TestClient,
  kiosk: TestClient,
  sessionId: string,
  record: OutcomeRecord,
) {
  const { caseId } = await signedAssessmentCase(agent, kiosk, sessionId);
  okData(await agent.request('case:outcome', { caseId, record }));
  return (await agent.waitFor('case:documents', (d) => d.caseId === caseId, { timeoutMs: 20_000 })).documents;
}

describe('archiving on close', () => {
  it('files a signed, completed application with its form, receipt and notice, and tells only the agent', async () => {
    const v = await openVisit(t);
    const docs = await signedAssessment(v.agent, v.kiosk, v.sessionId, { outcome: 'completed' });
    expect(docs.map((d) => [d.kind, d.catalogueDocumentId])).toEqual([
      ['application-form', null],
      ['receipt', 'ltci-assessment-receipt'],
      ['item-notice', 'ltci-assessment-result-notice'],
    ]);
    expect(v.kiosk.all('case:documents')).toEqual([]);
    const admin = await adminApi(t.server);
    for (const d of docs) {
      expect(d.revision).toBe(6);
      expect(d.caseNumber).toMatch(/^JA-\d{8}-\d{4}$/);
      const pdf = await admin.downloadDocument({ params: { documentId: d.documentId } });
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(sha(pdf)).toBe(d.sha256);
      expect(pdf.length).toBe(d.bytes);
    }
  });

  it('gives each outcome its documents, and an abandoned case none', async () => {
    const v = await openVisit(t);
    const kinds = async (itemCode: string, record: OutcomeRecord) =>
      (await closeCaseWithDocuments(v.agent, v.sessionId, { itemCode, record })).documents.map((d) => d.kind);
    const why = { reason: '缺少户口簿原件', nextStep: '带户口簿原件到街道受理中心办理' };
    expect(await kinds(PRINT_ONLY_ITEM, { outcome: 'completed' })).toEqual(['receipt', 'item-notice']);
    expect(await kinds('policy-consultation', { outcome: 'consultation' })).toEqual(['one-time-notice']);
    // The item's notice comes only with a completed matter, whatever the assessment system holds.
    expect(await kinds('ltci-assessment', { outcome: 'not-done', ...why })).toEqual(['one-time-notice']);
    expect(await kinds('ltci-assessment', { outcome: 'transferred', ...why })).toEqual(['receipt']);

    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'policy-consultation' }),
    );
    okData(
      await v.agent.request('case:abandon', { caseId: c.caseId, record: { reason: '居民改日再来咨询' } }),
    );
    await t.server.paper.idle();
    const admin = await adminApi(t.server);
    expect((await admin.listCaseDocuments({ params: { caseId: c.caseId } })).documents).toEqual([]);
    expect(v.agent.all('case:documents').some((d) => d.caseId === c.caseId)).toBe(false);
  });

  it('archives a case once, and renders a document again to the same digest after the session ended', async () => {
    const v = await openVisit(t);
    const { caseId, documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
    // The full number left the ticket with the session; the documents' source kept it.
    const again = await t.server.paper.archiver.archive(caseId);
    expect(again).toEqual(documents);
    for (const d of documents)
      expect((await t.server.paper.regenerateDocument(d.documentId)).sha256).toBe(d.sha256);
    await expect(t.server.paper.regenerateDocument('no-such-document')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('retries a failed archiving once, and logs it without the resident', async () => {
    const v = await openVisit(t);
    failNextReceipt = true;
    const { documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
    expect(documents.map((d) => d.kind)).toEqual(['receipt', 'item-notice']);
    expect(failNextReceipt).toBe(false);
    const log = t.logText();
    expect(log).toMatch(/archiving case documents failed/);
    expect(log).toMatch(/"error":"TypeError"/);
    expect(log).not.toContain(RESIDENT.name);
    expect(log).not.toContain(ID_NUMBER.slice(0, 17));
  });

  it('keeps the archived documents past the identity retention, while their source drops the full number', async () => {
    offsetMs = 0;
    const v = await openVisit(t);
    const { documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
    const notice = documents.find((d) => d.kind === 'item-notice')!;
    expect((await t.server.paper.regenerateDocument(notice.documentId)).sha256).toBe(notice.sha256);
    offsetMs = 31 * 86_400_000;
    await t.server.retention.runOnce();
    offsetMs = 0;
    // The assessment result can no longer be looked up: the source holds the masked number only.
    await expect(t.server.paper.regenerateDocument(notice.documentId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const admin = await adminApi(t.server);
    for (const d of documents)
      expect(sha(await admin.downloadDocument({ params: { documentId: d.documentId } }))).toBe(d.sha256);
  });
});
