/** For the paper tests: documents, print jobs, capture requests and materials of case c1, and fake transports. */
import {
  CaseDocument,
  CaseMaterial,
  MaterialRequest,
  PrintJob,
  type ClientPayload,
  type DocumentKind,
} from '@rvw/shared';
import type { MaterialTransport } from './material-store';
import type { PrintTransport } from './print-store';

const SHA = 'a'.repeat(64);
const TITLES: Record<DocumentKind, { zh: string; en: string }> = {
  'application-form': { zh: '申请表', en: 'Application form' },
  receipt: { zh: '受理回执', en: 'Acceptance receipt' },
  'one-time-notice': { zh: '一次性告知单', en: 'One-time notice' },
  'item-notice': { zh: '老年照护统一需求评估结果告知书', en: 'Assessment result notice' },
};

/** A document of case c1 (checked against the shared schema). */
export function doc(kind: DocumentKind, id = `d-${kind}`): CaseDocument {
  return CaseDocument.parse({
    documentId: id,
    caseId: 'c1',
    caseNumber: 'XH-20261207-0042',
    kind,
    catalogueDocumentId: null,
    title: TITLES[kind],
    revision: 4,
    sha256: SHA,
    bytes: 12_345,
    pages: kind === 'application-form' ? 2 : 1,
    createdAt: '2026-12-07T02:10:00.000Z',
  });
}

/** A print job of case c1 for `documentId`. */
export function job(documentId: string, patch: Partial<PrintJob> = {}): PrintJob {
  return PrintJob.parse({
    jobId: `j-${documentId}`,
    sessionId: 's1',
    caseId: 'c1',
    documentId,
    kind: 'receipt',
    title: { zh: '受理回执', en: 'Acceptance receipt' },
    sha256: SHA,
    state: 'offered',
    reason: null,
    detail: null,
    requestId: 'r'.repeat(16),
    createdAt: '2026-12-07T02:11:00.000Z',
    updatedAt: '2026-12-07T02:11:00.000Z',
    ...patch,
  });
}

/** A capture request of case c1. */
export function materialRequest(patch: Partial<MaterialRequest> = {}): MaterialRequest {
  return MaterialRequest.parse({
    requestId: 'mr1',
    sessionId: 's1',
    caseId: 'c1',
    label: '户口簿',
    state: 'asked',
    materialId: null,
    createdAt: '2026-12-07T02:05:00.000Z',
    updatedAt: '2026-12-07T02:05:00.000Z',
    ...patch,
  });
}

/** A captured material of case c1. */
export function material(id = 'm1', label = '户口簿'): CaseMaterial {
  return CaseMaterial.parse({
    materialId: id,
    caseId: 'c1',
    requestId: 'mr1',
    label,
    mime: 'image/jpeg',
    bytes: 200_000,
    width: 1600,
    height: 1200,
    sha256: SHA,
    capturedAt: '2026-12-07T02:06:00.000Z',
  });
}

/** A deferred answer a test settles when it wants. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}
export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A print transport whose answers the test gives: each print call is recorded and waits. */
export class FakePrintServer implements PrintTransport {
  readonly prints: { payload: ClientPayload<'print:request'>; answer: Deferred<{ job: PrintJob }> }[] = [];
  documents: CaseDocument[] = [];
  jobs: PrintJob[] = [];
  lists = 0;

  print = (payload: ClientPayload<'print:request'>): Promise<{ job: PrintJob }> => {
    const answer = deferred<{ job: PrintJob }>();
    this.prints.push({ payload, answer });
    return answer.promise;
  };
  listDocuments = async (): Promise<CaseDocument[]> => {
    this.lists += 1;
    return this.documents;
  };
  listPrintJobs = async (): Promise<PrintJob[]> => this.jobs;
}

/** A material transport answering at once, like a server that accepts everything. */
export class FakeMaterialServer implements MaterialTransport {
  readonly calls: string[] = [];
  materials: CaseMaterial[] = [];
  failNext: Error | null = null;

  request = async (p: ClientPayload<'material:request'>) => {
    this.calls.push(`request ${p.label}`);
    this.maybeFail();
    return { request: materialRequest({ requestId: `mr${this.calls.length}`, label: p.label }) };
  };
  capture = async (p: ClientPayload<'material:capture'>) => {
    this.calls.push(`capture ${p.requestId}`);
    this.maybeFail();
    return {};
  };
  cancel = async (p: ClientPayload<'material:cancel'>) => {
    this.calls.push(`cancel ${p.requestId}`);
    this.maybeFail();
    return { request: materialRequest({ requestId: p.requestId, state: 'cancelled' }) };
  };
  listMaterials = async (): Promise<CaseMaterial[]> => {
    this.calls.push('list');
    return this.materials;
  };

  private maybeFail(): void {
    const e = this.failNext;
    this.failNext = null;
    if (e) throw e;
  }
}
