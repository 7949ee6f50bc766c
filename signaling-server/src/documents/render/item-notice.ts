/**
 * Item-specific notices whose data lives in another government system. Each catalogue document id
 * the renderer knows maps to a writer; an id it does not know, or a resident the system has no
 * result for, gives no document.
 */
import { maskIdNumber } from '@rvw/shared';
import { formatCalendarDate, formatDate, maskName } from './format';
import { SIZE, type Sheet } from './sheet';
import type { AssessmentResult, DocumentInput, DocumentPlanEntry, ExternalRecords } from './types';

/** Writes a notice onto the sheet. */
export type NoticeWriter = (sheet: Sheet) => void;

/** The ID number the notice is about: the form's first filled ID-number field, else the resident's. */
export function subjectIdNumber(input: DocumentInput): string | null {
  for (const f of input.fields) {
    const v = input.values[f.id];
    if (f.kind === 'idNumber' && typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return input.resident?.idNumber ?? null;
}

/** The notices the renderer knows, by catalogue document id. */
const NOTICES: Record<
  string,
  (entry: DocumentPlanEntry, input: DocumentInput, records: ExternalRecords) => Promise<NoticeWriter | null>
> = {
  'ltci-assessment-result-notice': async (entry, input, records) => {
    const idNumber = subjectIdNumber(input);
    if (!idNumber) return null;
    const result = await records.assessmentResult(idNumber);
    return result ? (sheet) => writeAssessmentNotice(sheet, entry, input, idNumber, result) : null;
  },
};

/** The writer of an item notice, or null when the renderer does not know it or the system has no data. */
export async function itemNotice(
  entry: DocumentPlanEntry,
  input: DocumentInput,
  records: ExternalRecords,
): Promise<NoticeWriter | null> {
  const make = entry.catalogueDocumentId ? NOTICES[entry.catalogueDocumentId] : undefined;
  return make ? make(entry, input, records) : null;
}

/** 老年照护统一需求评估结果告知书. */
function writeAssessmentNotice(
  sheet: Sheet,
  entry: DocumentPlanEntry,
  input: DocumentInput,
  idNumber: string,
  r: AssessmentResult,
): void {
  sheet.title(entry.title.zh);
  sheet.text(`告知书编号：${r.noticeNumber}`, { align: 'right', size: SIZE.body });
  sheet.y += 6;
  sheet.text(`${maskName(r.name)}（证件号码 ${maskIdNumber(idNumber)}）：`);
  sheet.text(
    `\u3000\u3000您（或您的家属）申请的老年照护统一需求评估已经完成。根据评估结果，现将有关事项告知如下。`,
  );
  sheet.y += 8;
  sheet.ensure(50);
  sheet.row('评估等级', r.levelText.zh, { labelWidth: 110 });
  sheet.row('评估日期', formatCalendarDate(r.assessedOn), { labelWidth: 110 });
  sheet.row('评估机构', r.assessingBody, { labelWidth: 110 });
  sheet.row('有效期至', formatCalendarDate(r.validUntil), { labelWidth: 110 });
  sheet.heading('复核权利');
  sheet.text(
    `\u3000\u3000如对评估结果有异议，可自收到本告知书之日起 ${r.review.days} 日内，向${r.review.where}申请复核。`,
  );
  sheet.heading('接下来怎么办');
  sheet.text(
    r.level > 0
      ? `\u3000\u3000凭本告知书，可按评估等级（${r.levelText.zh}）选择护理服务机构，申请长期护理保险服务。有效期届满前，可申请再次评估。`
      : '\u3000\u3000评估结果未达到照护等级，暂不能享受长期护理保险服务。身体状况变化时，可重新申请评估。',
  );
  sheet.y += 12;
  sheet.ensure(90);
  sheet.row('办件编号', input.caseNumber, { labelWidth: 110 });
  sheet.row('打印地点', input.centreName, { labelWidth: 110 });
  sheet.text(`${r.assessingBody}\u3000打印日期：${formatDate(input.closedAt)}`, { align: 'right' });
}
