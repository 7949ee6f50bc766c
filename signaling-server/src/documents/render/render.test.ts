import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueItem } from '@rvw/shared';
import { loadCatalogueDir } from '../../catalogue/catalogue-loader';
import { demoExternalRecords } from '../records';
import { pdfInfo, pdfText } from './pdf-tools';
import { planDocuments } from './plan';
import { renderDocument } from './render';
import { SAMPLE_GROUP, sampleInput } from './sample-input';
import type { DocumentInput, DocumentPlanEntry, RenderedDocument } from './types';

const FULL_ID = '310101194803150022';
const MASKED_ID = '310***********0022';
const records = demoExternalRecords();
let items: Map<string, CatalogueItem>;
let assessment: CatalogueItem;

beforeAll(async () => {
  items = new Map((await loadCatalogueDir()).map((i) => [i.code, i]));
  const base = items.get('ltci-assessment')!;
  assessment = { ...base, form: { fields: [...base.form.fields, SAMPLE_GROUP] } };
});

function entry(
  item: CatalogueItem,
  kind: DocumentPlanEntry['kind'],
  outcome: DocumentInput['outcome']['outcome'],
) {
  const found = planDocuments({ item, outcome, signed: true }).find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind} planned`);
  return found;
}

async function render(e: DocumentPlanEntry, input: DocumentInput): Promise<RenderedDocument> {
  const doc = await renderDocument(e, input, records);
  if (!doc) throw new Error('no document');
  expect(doc.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(doc.sha256).toBe(createHash('sha256').update(doc.bytes).digest('hex'));
  expect(doc.pages).toBeGreaterThanOrEqual(1);
  return doc;
}

const notDone = (input: DocumentInput): DocumentInput => ({
  ...input,
  outcome: {
    outcome: 'not-done',
    reason: '缺少被评估人的医保卡，无法确认参保类型。',
    nextStep: '带上医保卡后再来办理。',
    at: input.closedAt,
  },
});

describe('renderDocument', () => {
  it('prints the application form in full: labels, values, choices by label, the group as a table, the hash', async () => {
    const input = sampleInput(assessment);
    const doc = await render(entry(assessment, 'application-form', 'accepted'), input);
    const text = pdfText(doc.bytes);
    expect(doc.pages).toBe(2);
    for (const s of [
      '长期护理保险需求评估申请表',
      'HP-20261207-0042',
      '黄浦区南京东路街道社区事务受理服务中心',
    ])
      expect(text).toContain(s);
    expect(text).toContain('被评估人姓名');
    expect(text).toContain('李秀英');
    // The archive copy is the legal record: the form prints the ID number in full.
    expect(text).toContain(FULL_ID);
    expect(text).toContain('城乡居民基本医疗保险'); // a choice by its label, not its value
    expect(text).not.toContain('resident\n');
    for (const s of ['共同居住的家庭成员', '序号', '王𪚥', '配偶', '李明', '子女', '申请人签名', '签名时间'])
      expect(text).toContain(s);
    expect(text).toContain(input.formHash);
    expect(text).toContain('第 3 版');
    expect(text).toContain('第 2 页，共 2 页');
  });

  it('prints the receipt with the case number, the centre, the agent, the next steps and the masked resident', async () => {
    const doc = await render(entry(assessment, 'receipt', 'accepted'), sampleInput(assessment));
    const text = pdfText(doc.bytes);
    for (const s of [
      '老年照护统一需求评估申请受理回执',
      'HP-20261207-0042',
      '长期护理保险需求评估申请',
      '2026年12月07日',
      '黄浦区南京东路街道社区事务受理服务中心',
      '张丽（工号 A0107）',
      '接下来怎么办',
      '评估机构会在几天内打电话',
      '李*英',
      MASKED_ID,
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(FULL_ID);
    expect(text).not.toContain('李秀英');
    expect(doc.pages).toBe(1);
  });

  it('prints the one-time notice with the reason, the materials and the next step', async () => {
    const input = notDone(sampleInput(assessment));
    const doc = await render(entry(assessment, 'one-time-notice', 'not-done'), input);
    const text = pdfText(doc.bytes);
    for (const s of [
      '一次性告知单',
      'HP-20261207-0042',
      '办不成',
      '未能办成的原因',
      '缺少被评估人的医保卡',
      '需要准备的材料',
      '下一步',
      '带上医保卡后再来办理',
      '李*英',
    ])
      expect(text).toContain(s);
    for (const m of assessment.materials) expect(text).toContain(m.name.zh);
    expect(text).not.toContain(FULL_ID);
    expect(text).not.toContain('李秀英');
  });

  it('prints a consultation notice without a resident', async () => {
    const item = items.get('policy-consultation')!;
    const input = {
      ...sampleInput(item),
      resident: null,
      outcome: {
        outcome: 'consultation' as const,
        reason: null,
        nextStep: null,
        at: '2026-12-07T06:05:00.000Z',
      },
    };
    const text = pdfText((await render(entry(item, 'one-time-notice', 'consultation'), input)).bytes);
    expect(text).toContain('您好');
    expect(text).toContain('咨询');
    expect(text).toContain(item.nextSteps[0]!.zh.slice(0, 10));
  });

  it('prints the assessment-result notice from the records: level, date, body, validity, review rights', async () => {
    const item = items.get('ltci-result-notice-print')!;
    const input = sampleInput(item, { signature: null });
    const doc = await render(entry(item, 'item-notice', 'completed'), input);
    const text = pdfText(doc.bytes);
    for (const s of [
      '老年照护统一需求评估结果告知书',
      '评估等级',
      '照护二级',
      '评估日期',
      '2026年10月12日',
      '评估机构',
      '黄浦区老年照护统一需求评估中心',
      '有效期至',
      '2028年10月11日',
      '复核',
      '15 日内',
      'HP-20261207-0042',
      '李*英',
      MASKED_ID,
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(FULL_ID);
    expect(doc.pages).toBe(1);
  });

  it('looks the notice up by the form’s ID number (the person assessed), not the resident’s', async () => {
    const item = items.get('ltci-result-notice-print')!;
    const input = sampleInput(item, { values: { assessedIdNumber: '310115196309210031' } });
    const text = pdfText((await render(entry(item, 'item-notice', 'completed'), input)).bytes);
    expect(text).toContain('王*国');
    expect(text).toContain('照护四级');
    expect(text).not.toContain('310115196309210031');
  });

  it('gives no item notice when the records hold nothing, or the renderer does not know the notice', async () => {
    const item = items.get('ltci-result-notice-print')!;
    const stranger = sampleInput(item, { values: { assessedIdNumber: '110101195001010019' } });
    expect(await renderDocument(entry(item, 'item-notice', 'completed'), stranger, records)).toBeNull();
    const unknown: DocumentPlanEntry = {
      kind: 'item-notice',
      catalogueDocumentId: 'disability-assessment-referral',
      title: { zh: '告知', en: 'Notice' },
    };
    expect(await renderDocument(unknown, sampleInput(item), records)).toBeNull();
  });

  it('flows a long form over pages, with the centre at the top and the page number on every page', async () => {
    const long = '这是一段很长的情况说明，用来检查换页。'.repeat(120);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      memberName: `成员${i + 1}`,
      relation: 'child',
      caresForResident: i % 2 === 0,
    }));
    const input = sampleInput(assessment);
    const values = { ...input.values, contactName: long, household: rows };
    const doc = await render(entry(assessment, 'application-form', 'accepted'), { ...input, values });
    expect(doc.pages).toBeGreaterThanOrEqual(4);
    const pages = pdfText(doc.bytes)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(doc.pages);
    pages.forEach((text, i) => {
      expect(text).toContain('黄浦区南京东路街道社区事务受理服务中心');
      expect(text).toContain(`第 ${i + 1} 页，共 ${doc.pages} 页`);
    });
    const all = pages.join('').replace(/\s/g, '');
    expect(all).toContain('成员30');
    expect(all.split('用来检查换页').length - 1).toBe(120);
    expect(all).toContain(input.formHash);
  });

  it('renders the same input to the same bytes, dated by closedAt', async () => {
    for (const kind of ['application-form', 'receipt'] as const) {
      const e = entry(assessment, kind, 'accepted');
      const a = await render(e, sampleInput(assessment));
      const b = await render(e, sampleInput(assessment));
      expect(b.sha256).toBe(a.sha256);
      expect(b.bytes.equals(a.bytes)).toBe(true);
      const later = await render(e, sampleInput(assessment, { closedAt: '2026-12-07T06:06:00.000Z' }));
      expect(later.sha256).not.toBe(a.sha256);
    }
    const info = pdfInfo(
      (await render(entry(assessment, 'receipt', 'accepted'), sampleInput(assessment))).bytes,
    );
    expect(info).toMatch(/CreationDate:\s+2026-12-07T06:05:00/);
    expect(info).toMatch(/ModDate:\s+2026-12-07T06:05:00/);
  });
});
