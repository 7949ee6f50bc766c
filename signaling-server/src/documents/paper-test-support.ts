/**
 * Test helpers for paper in and out (tests and e2e only; no vitest here, so the package's testing
 * export can re-export them): close a case so that it has documents, print one of them up to the
 * resident's yes, and small real images for uploads.
 */
import { deflateSync } from 'node:zlib';
import type { CaseDocument, OutcomeRecord, PrintJob } from '@rvw/shared';
import { okData, type TestClient } from '../testing';

/** The print-only item: it closes `completed` without a signature and gets a receipt. */
export const PRINT_ONLY_ITEM = 'ltci-result-notice-print';
/** The text a kiosk shows before printing. */
export const PRINT_CONSENT_TEXT = '我同意在本机打印这份材料。';
/** The text a kiosk shows before the document camera takes a picture. */
export const CAPTURE_CONSENT_TEXT = '我同意用高拍仪拍摄我的材料，并提交给社区事务受理服务中心。';

/**
 * The serving agent opens a case of `itemCode` (default the print-only item) in the session, records
 * `record` (default `completed`, which that item allows without a signature) and waits for the
 * case's documents (`case:documents`). Any item and outcome the case rules allow without more work.
 */
export async function closeCaseWithDocuments(
  agent: TestClient,
  sessionId: string,
  opts: { itemCode?: string; record?: OutcomeRecord; timeoutMs?: number } = {},
): Promise<{ caseId: string; documents: CaseDocument[] }> {
  const opened = okData(
    await agent.request('case:open', { sessionId, itemCode: opts.itemCode ?? PRINT_ONLY_ITEM }),
  );
  okData(
    await agent.request('case:outcome', {
      caseId: opened.caseId,
      record: opts.record ?? { outcome: 'completed' },
    }),
  );
  const { documents } = await agent.waitFor('case:documents', (d) => d.caseId === opened.caseId, {
    timeoutMs: opts.timeoutMs ?? 45_000,
  });
  return { caseId: opened.caseId, documents };
}

/** The document of `kind` among `documents` (throws when there is none). */
export function documentOf(documents: readonly CaseDocument[], kind: CaseDocument['kind']): CaseDocument {
  const doc = documents.find((d) => d.kind === kind);
  if (!doc) throw new Error(`no ${kind} among ${documents.map((d) => d.kind).join(', ') || 'no documents'}`);
  return doc;
}

/**
 * The agent prints `documentId` (request key `requestId`) and the kiosk agrees: the job comes back
 * `queued`, ready for the kiosk host to fetch (`kioskPrintFile`) and report (`print:status`).
 */
export async function printAndAgree(
  agent: TestClient,
  kiosk: TestClient,
  sessionId: string,
  documentId: string,
  requestId = `req-${Math.random().toString(36).slice(2, 12)}`,
): Promise<PrintJob> {
  const { job } = okData(await agent.request('print:request', { sessionId, documentId, requestId }));
  return okData(
    await kiosk.request('print:consent', {
      jobId: job.jobId,
      accepted: true,
      consentText: PRINT_CONSENT_TEXT,
      locale: 'zh-CN',
    }),
  ).job;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG of `width` x `height` grey pixels (8-bit greyscale). */
export function tinyPng(width = 4, height = 3): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
