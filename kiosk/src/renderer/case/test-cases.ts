/** Sample cases for the case screens' and phases' tests: a long-term care application in session s1. */
import type { CaseState, Entitlement, FieldDescription } from '@rvw/shared';

/** A form of every kind the kiosk shows: 8 fields, 3 pages of at most 3 rows. */
export const sampleFields: FieldDescription[] = [
  {
    id: 'applicantRelation',
    kind: 'choice',
    required: true,
    label: { zh: '申请人与被评估人的关系', en: "Applicant's relation to the insured person" },
    options: [
      { value: 'self', label: { zh: '本人', en: 'Self' } },
      { value: 'child', label: { zh: '子女', en: 'Son or daughter' } },
    ],
  },
  {
    id: 'insuredName',
    kind: 'text',
    required: true,
    prefill: 'name',
    label: { zh: '被评估人姓名', en: 'Name' },
  },
  {
    id: 'insuredIdNumber',
    kind: 'idNumber',
    required: true,
    prefill: 'idNumber',
    label: { zh: '身份证号码', en: 'ID number' },
  },
  {
    id: 'insuredBirthDate',
    kind: 'date',
    required: true,
    prefill: 'birthDate',
    label: { zh: '出生日期', en: 'Date of birth' },
  },
  { id: 'contactPhone', kind: 'phone', required: true, label: { zh: '联系电话', en: 'Contact phone' } },
  {
    id: 'visitAddress',
    kind: 'address',
    required: true,
    prefill: 'address',
    label: { zh: '上门评估地址', en: 'Address for the home visit' },
  },
  { id: 'livesAlone', kind: 'yesNo', required: false, label: { zh: '是否独居', en: 'Lives alone' } },
  {
    id: 'children',
    kind: 'group',
    required: false,
    minItems: 0,
    maxItems: 5,
    label: { zh: '子女', en: 'Children' },
    fields: [
      { id: 'name', kind: 'text', required: true, label: { zh: '姓名', en: 'Name' } },
      { id: 'phone', kind: 'phone', required: false, label: { zh: '电话', en: 'Phone' } },
    ],
  },
];

/** Case `caseId` of session s1 at `revision`, with `patch` applied to its form. */
export function sampleCase(
  revision = 0,
  form: Partial<CaseState['form']> = {},
  caseId = 'c1',
  rest: Partial<Omit<CaseState, 'form'>> = {},
): CaseState {
  return {
    caseId,
    number: 'JA-20261207-0042',
    sessionId: 's1',
    item: {
      code: 'ltci-assessment',
      version: 1,
      name: { zh: '长期护理保险需求评估申请', en: 'Long-term care needs assessment' },
      fields: sampleFields,
    },
    status: 'open',
    form: {
      revision,
      values: {
        applicantRelation: 'self',
        insuredName: '李秀英',
        insuredIdNumber: '310***********0021',
        insuredBirthDate: '1949-03-07',
        contactPhone: '13812345678',
        visitAddress: '上海市静安区示例路1号',
        livesAlone: true,
        children: [{ name: '李明', phone: '13900001111' }],
      },
      hash: 'b'.repeat(64),
      fromCard: ['insuredName', 'insuredIdNumber', 'insuredBirthDate', 'visitAddress'],
      maskedFields: ['insuredIdNumber'],
      lastChanged: null,
      flags: [],
      confirmRequested: null,
      confirmation: null,
      signature: null,
      voided: false,
      ...form,
    },
    outcome: null,
    abandonReason: null,
    openedAt: '2026-12-07T01:02:00Z',
    closedAt: null,
    ...rest,
  };
}

/** The senior allowance, paid without applying. */
export const seniorAllowance: Entitlement = {
  itemCode: 'senior-allowance',
  itemName: { zh: '老年综合津贴', en: 'Senior allowance' },
  note: {
    zh: '您已年满65周岁，津贴按月自动发放，不用申请。',
    en: 'You are 65 or over: it is paid every month without applying.',
  },
};

/** The strokes of a short signature. */
export const sampleStrokes = {
  canvas: { width: 900, height: 320 },
  strokes: [
    {
      points: [
        { x: 20, y: 40, time: 1_700_000_000_000, pressure: 0.5 },
        { x: 120, y: 90, time: 1_700_000_000_016, pressure: 0.5 },
      ],
    },
  ],
};
