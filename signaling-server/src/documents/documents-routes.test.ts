/**
 * A case's documents through the API: its agent and supervisors list and download them (the same
 * bytes as archived), every download is recorded (document_downloads and the case's reads), another
 * agent is refused, and unknown ids are NOT_FOUND.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient, httpRoutes, type HttpClientError } from '@rvw/shared';
import { openVisit } from '../cases/case-test-support';
import { adminApi, createTestAgent } from '../testing';
import { useTestServer } from '../testing/hooks';
import { closeCaseWithDocuments, documentOf } from './paper-test-support';

// Rendering in a cold worker takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
const t = useTestServer();

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: HttpClientError) => e.code,
  );

describe('document routes', () => {
  it('lists and downloads a case’s documents for its agent and supervisors, recording every download', async () => {
    const v = await openVisit(t);
    const { caseId, documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
    const receipt = documentOf(documents, 'receipt');
    const agentApi = createHttpClient(httpRoutes, { baseUrl: t.url, token: v.a.token });
    const admin = await adminApi(t.server);

    expect((await agentApi.listCaseDocuments({ params: { caseId } })).documents).toEqual(documents);
    const pdf = await agentApi.downloadDocument({ params: { documentId: receipt.documentId } });
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(receipt.sha256);
    await admin.downloadDocument({ params: { documentId: receipt.documentId } });

    const { downloads } = await admin.documentDownloads({ params: { documentId: receipt.documentId } });
    expect(downloads.map((d) => [d.by, d.role])).toEqual([
      [v.a.agent.id, 'agent'],
      [expect.any(String), 'admin'],
    ]);
    const { reads } = await admin.caseReads({ params: { caseId } });
    expect(reads.filter((r) => r.what.startsWith('document:download receipt')).map((r) => r.agentId)).toEqual(
      [v.a.agent.id, downloads[1]!.by],
    );
  });

  it('refuses another agent (the downloads list is for supervisors) and unknown ids', async () => {
    const v = await openVisit(t);
    const { caseId, documents } = await closeCaseWithDocuments(v.agent, v.sessionId);
    const other = await createTestAgent(t.server);
    const otherApi = createHttpClient(httpRoutes, { baseUrl: t.url, token: other.token });
    const documentId = documents[0]!.documentId;
    expect(await codeOf(otherApi.listCaseDocuments({ params: { caseId } }))).toBe('FORBIDDEN');
    expect(await codeOf(otherApi.downloadDocument({ params: { documentId } }))).toBe('FORBIDDEN');
    expect(await codeOf(otherApi.documentDownloads({ params: { documentId } }))).toBe('FORBIDDEN');
    const admin = await adminApi(t.server);
    expect(await codeOf(admin.downloadDocument({ params: { documentId: 'nope' } }))).toBe('NOT_FOUND');
    expect(await codeOf(admin.listCaseDocuments({ params: { caseId: 'nope' } }))).toBe('NOT_FOUND');
    expect(await codeOf(admin.documentDownloads({ params: { documentId: 'nope' } }))).toBe('NOT_FOUND');
    // Refused calls downloaded nothing.
    expect((await admin.documentDownloads({ params: { documentId } })).downloads).toEqual([]);
  });
});
