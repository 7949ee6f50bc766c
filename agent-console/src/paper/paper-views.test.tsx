/**
 * The paper panels as an agent sees them (rendered to HTML): each document's print state in words
 * with the test ids the end-to-end tests use, the print button's words per state, the read-back
 * without printing, and the materials panel per request state.
 */
import { describe, expect, it } from 'vitest';
import { CatalogueItem, type PrintJob } from '@rvw/shared';
import { DocumentsPanel, type DocumentsPanelProps } from './DocumentsPanel';
import { MaterialsPanel } from './MaterialsPanel';
import { PaperArea } from './paper-area';
import { FakeMaterialServer, FakePrintServer, doc, job, material, materialRequest } from './test-fixtures';
import { html } from '../queue/test-render';

/** The opening tag of the element with a test id, and its first text. */
function el(markup: string, testId: string): { tag: string; text: string } | null {
  const m = new RegExp(`(<[^>]*data-testid="${testId}"[^>]*>)([^<]*)`).exec(markup);
  return m ? { tag: m[1]!, text: m[2]!.replace(/&quot;/g, '"').replace(/&#x27;/g, "'") } : null;
}

const docs = [doc('application-form'), doc('receipt'), doc('one-time-notice'), doc('item-notice')];
const jobs: Record<string, PrintJob> = {
  'd-application-form': job('d-application-form', { state: 'done' }),
  'd-receipt': job('d-receipt', { state: 'failed', reason: 'out-of-paper', detail: 'media-empty-error' }),
  'd-item-notice': job('d-item-notice', { state: 'printing' }),
};

function panel(patch: Partial<DocumentsPanelProps> = {}) {
  return (
    <DocumentsPanel
      documents={docs}
      load="loaded"
      loadError={null}
      onReload={() => undefined}
      expectDocuments
      jobs={jobs}
      printing={{ pending: {}, onPrint: () => undefined }}
      fetchDocument={() => Promise.reject(new Error('not in this test'))}
      {...patch}
    />
  );
}

describe('the documents panel in the workspace', () => {
  it('shows each document with its print state in words and what its button does', () => {
    const out = html(panel());
    expect(el(out, 'case-documents')).not.toBeNull();
    for (const d of docs) expect(el(out, `document-row-${d.kind}`)).not.toBeNull();

    const failed = el(out, 'print-state-receipt')!;
    expect(failed.tag).toContain('data-state="failed"');
    expect(failed.tag).toContain('role="alert"');
    expect(failed.text).toBe('打印失败：打印机缺纸 — media-empty-error');
    expect(el(out, 'document-print-receipt')!.text).toBe('再打印');

    expect(el(out, 'print-state-application-form')!.text).toBe('已打印');
    expect(el(out, 'document-print-application-form')!.text).toBe('再打印');

    expect(el(out, 'print-state-item-notice')!.text).toBe('正在打印');
    expect(el(out, 'document-print-item-notice')!.tag).toContain('disabled');

    expect(el(out, 'print-state-one-time-notice')!.tag).toContain('data-state="none"');
    expect(el(out, 'document-print-one-time-notice')!.text).toBe('打印');
    expect(el(out, 'document-download-receipt')!.text).toBe('下载');
    expect(out).toMatch(/已打印 1.*失败 1.*进行中 1/);
  });

  it('says every state of a job in both languages', () => {
    const words = {
      offered: ['等待居民同意', "Waiting for the resident's yes"],
      queued: ['已排队', 'Queued'],
      printing: ['正在打印', 'Printing'],
      done: ['已打印', 'Printed'],
      declined: ['居民不需要', 'The resident does not want it'],
    } as const;
    for (const [state, [zh, en]] of Object.entries(words)) {
      const one = { 'd-receipt': job('d-receipt', { state: state as PrintJob['state'] }) };
      expect(el(html(panel({ jobs: one })), 'print-state-receipt')!.text).toBe(zh);
      expect(el(html(panel({ jobs: one }), 'en'), 'print-state-receipt')!.text).toBe(en);
    }
    const jammed = { 'd-receipt': job('d-receipt', { state: 'failed', reason: 'jammed' }) };
    expect(el(html(panel({ jobs: jammed }), 'en'), 'print-state-receipt')!.text).toBe(
      'Print failed: Paper jam in the printer',
    );
  });

  it('offers a retry with the reason when the print request did not go through', () => {
    const out = html(
      panel({
        jobs: {},
        printing: {
          pending: { 'd-receipt': { requestId: 'r-1', sending: false, error: 'TIMEOUT' } },
          onPrint: () => undefined,
        },
      }),
    );
    expect(el(out, 'document-print-receipt')!.text).toBe('重试打印');
    expect(el(out, 'document-print-error-receipt')!.text).toBe(
      '打印请求没有发出：服务器没有及时响应，请重试。',
    );
  });

  it('has no print button without a live session (read-back), only download', () => {
    const out = html(panel({ printing: undefined }));
    expect(out).not.toContain('document-print-');
    expect(el(out, 'document-download-receipt')).not.toBeNull();
    expect(el(out, 'print-state-receipt')!.tag).toContain('data-state="failed"');
  });

  it('says the documents are on their way, or that there are none', () => {
    expect(el(html(panel({ documents: [] })), 'documents-empty')!.text).toContain('文件正在生成');
    expect(el(html(panel({ documents: [], expectDocuments: false })), 'documents-empty')!.text).toContain(
      '本件没有文件',
    );
  });
});

describe('the materials panel', () => {
  const item = CatalogueItem.parse({
    code: 'disability-card',
    version: 1,
    name: { zh: '残疾人证', en: 'Disability card' },
    category: 'disability',
    skillGroup: 'general',
    materials: [
      { name: { zh: '户口簿', en: 'Household register' } },
      { name: { zh: '一寸照片', en: 'Photo' } },
    ],
    nextSteps: [{ zh: '等通知', en: 'Wait' }],
    form: { fields: [{ id: 'name', kind: 'text', label: { zh: '姓名', en: 'Name' } }] },
  });

  function area(materials = new FakeMaterialServer()) {
    return new PaperArea(() => null, {
      print: new FakePrintServer(),
      materials,
      image: async () => new Blob(['jpeg']),
    });
  }
  const view = (paper: PaperArea, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    html(<MaterialsPanel paper={paper} sessionId="s1" caseId="c1" item={item} />, locale);

  it('offers the item’s materials as labels and asks nothing before a label is typed', () => {
    const out = view(area());
    expect(out).toContain('<option value="户口簿">');
    expect(out).toContain('<option value="一寸照片">');
    expect(el(out, 'material-label')).not.toBeNull();
    expect(el(out, 'material-request')!.tag).toContain('disabled');
    expect(out).not.toContain('material-state');
  });

  it('shows the request’s state in words and lets capture only once the resident agreed', () => {
    const paper = area();
    paper.materials.requestChanged(materialRequest({ state: 'asked' }));
    let out = view(paper);
    expect(el(out, 'material-state')!.tag).toContain('data-state="asked"');
    expect(out).toContain('等待居民同意');
    expect(el(out, 'material-capture')!.tag).toContain('disabled');
    expect(el(out, 'material-cancel')).not.toBeNull();

    paper.materials.requestChanged(materialRequest({ state: 'consented' }));
    out = view(paper);
    expect(out).toContain('居民已同意，可以拍照');
    expect(el(out, 'material-capture')!.tag).not.toContain('disabled');
    expect(el(view(paper, 'en'), 'material-capture')!.text).toBe('Capture');

    paper.materials.requestChanged(materialRequest({ state: 'declined' }));
    out = view(paper);
    expect(out).toContain('居民不同意');
    expect(out).not.toContain('material-capture');
    expect(out).not.toContain('material-cancel');
  });

  it('shows a captured page as a thumbnail and offers another', async () => {
    const server = new FakeMaterialServer();
    server.materials = [material('m1')];
    const paper = area(server);
    paper.materials.requestChanged(materialRequest({ state: 'captured', materialId: 'm1' }));
    await paper.materials.load('c1', true);
    paper.images.get('m1');
    await new Promise((r) => setTimeout(r, 0));
    const out = view(paper);
    expect(out).toContain('已拍好');
    expect(el(out, 'material-again')!.text).toBe('再拍一张');
    expect(el(out, 'material-thumb')!.tag).toContain('data-material-id="m1"');
    expect(el(out, 'material-thumb')!.tag).toMatch(/src="blob:/);
  });
});
