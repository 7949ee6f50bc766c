/**
 * Sample inputs for the renderer's tests and benchmark: a case of a catalogue item with a filled
 * form, a signature and a closed outcome. All people here are invented.
 */
import type { CatalogueItem, FieldDescription, SignatureStrokes } from '@rvw/shared';
import { documentItem, type DocumentInput } from './types';

/** A signature of three strokes on a 600×240 canvas, the second with pressure. */
export function sampleStrokes(): SignatureStrokes {
  const line = (x0: number, y0: number, x1: number, y1: number, n: number, pressure?: number) =>
    Array.from({ length: n }, (_, i) => ({
      x: x0 + ((x1 - x0) * i) / (n - 1),
      y: y0 + ((y1 - y0) * i) / (n - 1) + Math.sin(i / 2) * 6,
      time: 1_765_000_000_000 + i * 16,
      ...(pressure === undefined ? {} : { pressure: Math.min(1, pressure + i / (4 * n)) }),
    }));
  return {
    canvas: { width: 600, height: 240 },
    strokes: [
      { points: line(60, 80, 260, 90, 30) },
      { points: line(150, 30, 170, 200, 30, 0.3) },
      { points: line(300, 120, 540, 110, 40, 0.6) },
      { points: [{ x: 560, y: 180, time: 1_765_000_001_000 }] },
    ],
  };
}

/** A repeatable group for the table layout: the family members living with the resident. */
export const SAMPLE_GROUP: FieldDescription = {
  id: 'household',
  kind: 'group',
  required: false,
  label: { zh: '共同居住的家庭成员', en: 'Household members' },
  minItems: 0,
  maxItems: 6,
  fields: [
    { id: 'memberName', kind: 'text', required: true, label: { zh: '姓名', en: 'Name' } },
    {
      id: 'relation',
      kind: 'choice',
      required: true,
      label: { zh: '关系', en: 'Relation' },
      options: [
        { value: 'spouse', label: { zh: '配偶', en: 'Spouse' } },
        { value: 'child', label: { zh: '子女', en: 'Child' } },
      ],
    },
    { id: 'caresForResident', kind: 'yesNo', required: false, label: { zh: '是否照料', en: 'Cares' } },
  ],
};

/** Plausible wire values for any field list: the resident's own name and ID where asked. */
export function sampleValues(
  fields: readonly FieldDescription[],
  resident: { name: string; idNumber: string },
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    switch (f.kind) {
      case 'choice':
        values[f.id] = f.options[f.options.length > 1 ? 1 : 0]!.value;
        break;
      case 'idNumber':
        values[f.id] = resident.idNumber;
        break;
      case 'date':
        values[f.id] = '1948-03-15';
        break;
      case 'phone':
        values[f.id] = '13812345678';
        break;
      case 'address':
        values[f.id] = '上海市黄浦区南京东路街道福州路318弄7号';
        break;
      case 'yesNo':
        values[f.id] = true;
        break;
      case 'number':
        values[f.id] = 2;
        break;
      case 'group':
        values[f.id] = [
          { memberName: '王𪚥', relation: 'spouse', caresForResident: true },
          { memberName: '李明', relation: 'child', caresForResident: false },
        ];
        break;
      default:
        values[f.id] = f.prefill === 'name' ? resident.name : '按时上门，谢谢';
    }
  }
  return values;
}

/** A closed, signed case of `item` for `resident` (default 李秀英, the demo card). */
export function sampleInput(
  item: CatalogueItem,
  overrides: Partial<DocumentInput> = {},
  resident = { name: '李秀英', idNumber: '310101194803150022' },
): DocumentInput {
  const fields = [...item.form.fields];
  return {
    centreName: '黄浦区南京东路街道社区事务受理服务中心',
    caseNumber: 'HP-20261207-0042',
    item: documentItem(item),
    fields,
    values: sampleValues(fields, resident),
    revision: 3,
    formHash: 'a3f1c2e4b5d6978812345678901234567890abcdefabcdefabcdefabcdef0123',
    signature: { strokes: sampleStrokes(), at: '2026-12-07T06:03:00.000Z' },
    outcome: { outcome: 'accepted', reason: null, nextStep: null, at: '2026-12-07T06:05:00.000Z' },
    agent: { name: '张丽（工号 A0107）' },
    resident,
    openedAt: '2026-12-07T05:50:00.000Z',
    closedAt: '2026-12-07T06:05:00.000Z',
    ...overrides,
  };
}
