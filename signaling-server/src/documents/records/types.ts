/**
 * Results kept by another government system that a case's documents print (issue 10): for now the
 * elderly-care needs assessment (老年照护统一需求评估). The server reads them through this interface;
 * the demo implementation (demo.ts) holds sample results.
 */
import type { LocalText } from '@rvw/shared';

/** One assessment result, as the assessing system issued it. */
export interface AssessmentResult {
  /** The person assessed (full name; documents print it masked). */
  name: string;
  /** The level, 评估等级: 0 (正常) .. 6 (照护六级). */
  level: number;
  /** The level in words, e.g. 照护二级. */
  levelText: LocalText;
  /** The date of the assessment, YYYY-MM-DD. */
  assessedOn: string;
  /** The body that assessed, e.g. 某某区老年照护统一需求评估中心. */
  assessingBody: string;
  /** The result is valid until this date (inclusive), YYYY-MM-DD. */
  validUntil: string;
  /** The number of the notice in the assessing system. */
  noticeNumber: string;
  /** The resident's review rights: where and within how many days. */
  review: { days: number; where: string };
}

/** Another government system's results (e.g. the elderly-care needs assessment, 老年照护统一需求评估). */
export interface ExternalRecords {
  /** The latest assessment result of the person with this ID number, or null when there is none. */
  assessmentResult(idNumber: string): Promise<AssessmentResult | null>;
}
