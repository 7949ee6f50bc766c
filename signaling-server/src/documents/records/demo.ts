/**
 * The demo's assessment system: sample results for the sample ID cards (simulators/src/cards.ts),
 * so the print-only item (ltci-result-notice-print) prints a notice in the demo and in the tests.
 * All people here are invented.
 */
import type { AssessmentResult, ExternalRecords } from './types';

const BODY = '黄浦区老年照护统一需求评估中心';
const REVIEW = { days: 15, where: '黄浦区老年照护统一需求评估中心（复核窗口）' };

/** The sample results by ID number. */
export const DEMO_ASSESSMENT_RESULTS: Readonly<Record<string, AssessmentResult>> = {
  // 李秀英, the resident card the e2e tests and the demo use.
  '310101194803150022': {
    name: '李秀英',
    level: 2,
    levelText: { zh: '照护二级', en: 'Care level 2' },
    assessedOn: '2026-10-12',
    assessingBody: BODY,
    validUntil: '2028-10-11',
    noticeNumber: 'HP-PG-2026-004127',
    review: REVIEW,
  },
  // 王建国, the resident card with an appended address.
  '310115196309210031': {
    name: '王建国',
    level: 4,
    levelText: { zh: '照护四级', en: 'Care level 4' },
    assessedOn: '2026-09-03',
    assessingBody: '浦东新区老年照护统一需求评估中心',
    validUntil: '2028-09-02',
    noticeNumber: 'PD-PG-2026-011853',
    review: { days: 15, where: '浦东新区老年照护统一需求评估中心（复核窗口）' },
  },
  // 陈家明, the Hong Kong/Macao/Taiwan residence permit.
  '810000199007081010': {
    name: '陈家明',
    level: 0,
    levelText: { zh: '正常（未达照护等级）', en: 'Normal (no care level)' },
    assessedOn: '2026-11-20',
    assessingBody: '徐汇区老年照护统一需求评估中心',
    validUntil: '2027-11-19',
    noticeNumber: 'XH-PG-2026-002210',
    review: { days: 15, where: '徐汇区老年照护统一需求评估中心（复核窗口）' },
  },
  // 伊丽莎白, the 2023 foreign permanent residence card.
  '931826198802140025': {
    name: '伊丽莎白',
    level: 1,
    levelText: { zh: '照护一级', en: 'Care level 1' },
    assessedOn: '2026-08-18',
    assessingBody: BODY,
    validUntil: '2028-08-17',
    noticeNumber: 'HP-PG-2026-003388',
    review: REVIEW,
  },
  // 史密斯, the older foreign permanent residence card.
  USA317506150211: {
    name: '史密斯',
    level: 3,
    levelText: { zh: '照护三级', en: 'Care level 3' },
    assessedOn: '2026-07-30',
    assessingBody: BODY,
    validUntil: '2028-07-29',
    noticeNumber: 'HP-PG-2026-002957',
    review: REVIEW,
  },
};

/** An ExternalRecords over the sample results (an ID number's letters are compared in upper case). */
export function demoExternalRecords(
  results: Readonly<Record<string, AssessmentResult>> = DEMO_ASSESSMENT_RESULTS,
): ExternalRecords {
  return {
    assessmentResult: async (idNumber) => results[idNumber.trim().toUpperCase()] ?? null,
  };
}
