/**
 * The case data the kiosk screenshots show (issue 9): the real long-term care item from the
 * catalogue, prefilled as the server would from the sample resident card (number masked), and the
 * states the stand-in server pushes as the agent works: filling, a flag, a voided confirmation, the
 * request to confirm, the signature, and 办不成 with its reason and next step.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CatalogueItem, maskIdNumber } from '@rvw/shared';
import type { CaseState, Entitlement } from '@rvw/shared';
import { sampleResidentCard } from '../src/host/fake-reader';

const item = CatalogueItem.parse(
  parse(
    readFileSync(fileURLToPath(new URL('../../catalogue/ltci-assessment.yaml', import.meta.url)), 'utf8'),
  ),
);

/** What the senior allowance item tells a resident of 65 and over. */
export const entitlements: Entitlement[] = [
  {
    itemCode: 'senior-allowance',
    itemName: { zh: '老年综合津贴', en: 'Senior allowance' },
    note: {
      zh: '您已年满65周岁，老年综合津贴会按月自动发到您的敬老卡（社保卡）里，不用申请。',
      en: 'You are 65 or over: the senior allowance is paid to your senior card every month without applying.',
    },
  },
];

const card = sampleResidentCard;
const values: CaseState['form']['values'] = {
  applicantRelation: 'self',
  insuredName: card.name,
  insuredIdNumber: maskIdNumber(card.idNumber),
  insuredBirthDate: card.birthDate,
  insuranceType: 'employee',
  contactName: '李明',
  contactPhone: '13812345678',
  visitAddress: card.address ?? null,
  currentSetting: 'home',
};

/** The case at `revision` with `form` changes; the values are filled up to the field `filledTo`. */
export function caseAt(
  revision: number,
  form: Partial<CaseState['form']> = {},
  rest: Partial<CaseState> = {},
): CaseState {
  return {
    caseId: 'c1',
    number: 'JA-20261207-0042',
    sessionId: 's1',
    item: { code: item.code, version: item.version, name: item.name, fields: item.form.fields },
    status: 'open',
    form: {
      revision,
      values,
      hash: 'c'.repeat(64),
      fromCard: ['insuredName', 'insuredIdNumber', 'insuredBirthDate', 'visitAddress'],
      maskedFields: ['insuredIdNumber'],
      lastChanged: 'contactPhone',
      flags: [],
      confirmRequested: null,
      confirmation: null,
      signature: null,
      voided: false,
      ...form,
    },
    outcome: null,
    abandonReason: null,
    openedAt: new Date().toISOString(),
    closedAt: null,
    ...rest,
  };
}

/** The same case closed as 办不成, with the reason and the next step the resident must hear. */
export function notDone(revision: number): CaseState {
  return caseAt(
    revision,
    {},
    {
      status: 'closed',
      closedAt: new Date().toISOString(),
      outcome: {
        outcome: 'not-done',
        reason: '被评估人未参加本市基本医疗保险，暂不能申请评估。',
        nextStep: '请先带身份证和户口簿到社区事务受理服务中心办理城乡居民医保参保，下月起可以再申请。',
        at: new Date().toISOString(),
      },
    },
  );
}
