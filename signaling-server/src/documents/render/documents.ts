/** The receipt (受理回执) and the one-time notice (一次性告知单). */
import { OUTCOME_LABELS, maskIdNumber } from '@rvw/shared';
import { drawQrCode } from './drawings';
import { formatDate, formatDateTime, materialText, maskName } from './format';
import { SIZE, type Sheet } from './sheet';
import type { DocumentInput, DocumentPlanEntry } from './types';

const QR_SIZE = 130;
const LABEL = 110;

/** The resident as receipts and notices print them: masked. */
function residentRows(sheet: Sheet, input: DocumentInput, width?: number): void {
  if (!input.resident) return;
  sheet.row('申请人', maskName(input.resident.name), { width, labelWidth: LABEL });
  sheet.row('证件号码', maskIdNumber(input.resident.idNumber), { width, labelWidth: LABEL });
}

/** The centre, the agent and the date, with the label column narrower beside a drawing. */
function handledRows(sheet: Sheet, input: DocumentInput, width?: number): void {
  const layout = { width, labelWidth: LABEL };
  sheet.row('办理结果', OUTCOME_LABELS[input.outcome.outcome].zh, layout);
  sheet.row('办理日期', formatDate(input.outcome.at), layout);
  sheet.row('服务中心', input.centreName, layout);
  sheet.row('经办人', input.agent.name, layout);
}

/** The receipt: case number, item, date, centre, agent, next steps and a QR code of the case number. */
export function writeReceipt(sheet: Sheet, entry: DocumentPlanEntry, input: DocumentInput): void {
  sheet.title(entry.title.zh);
  const top = sheet.y;
  const qrX = sheet.left + sheet.width - QR_SIZE;
  drawQrCode(sheet.doc, input.caseNumber, qrX, top, QR_SIZE);
  sheet.text(
    '扫码查询办理进度',
    { size: 12, align: 'center', x: qrX - 10, width: QR_SIZE + 20 },
    top + QR_SIZE + 2,
  );
  sheet.y = top;
  const beside = sheet.width - QR_SIZE - 16;
  sheet.row('办件编号', input.caseNumber, { labelWidth: LABEL, width: beside });
  sheet.row('办理事项', input.item.name.zh, { labelWidth: LABEL, width: beside });
  residentRows(sheet, input, beside);
  sheet.y = Math.max(sheet.y, top + QR_SIZE + 24);
  handledRows(sheet, input);
  if (input.item.processingTime) sheet.row('办理时限', input.item.processingTime.zh, { labelWidth: LABEL });
  if (input.outcome.outcome === 'transferred' && input.outcome.reason)
    sheet.row('转办说明', input.outcome.reason, { labelWidth: LABEL });
  const steps = [
    ...(input.outcome.nextStep ? [input.outcome.nextStep] : []),
    ...input.item.nextSteps.map((s) => s.zh),
  ];
  sheet.heading('接下来怎么办');
  sheet.list(steps);
  sheet.y += 12;
  sheet.ensure(60);
  sheet.text('请妥善保管本回执。凭办件编号或扫描上方二维码，可查询办理进度。', { color: '#333333' });
  sheet.text(`出具时间：${formatDateTime(input.closedAt)}`, { size: SIZE.body, align: 'right' });
}

/** The one-time notice: the reason, the materials and the next step, told once and in full. */
export function writeOneTimeNotice(sheet: Sheet, entry: DocumentPlanEntry, input: DocumentInput): void {
  sheet.title(entry.title.zh);
  const notDone = input.outcome.outcome === 'not-done';
  const who = input.resident ? `${maskName(input.resident.name)}：` : '您好：';
  sheet.text(who);
  sheet.text(
    notDone
      ? `\u3000\u3000您申请办理的“${input.item.name.zh}”事项，本次未能办成。现将原因、需要准备的材料和下一步一次性告知如下。`
      : `\u3000\u3000您咨询的“${input.item.name.zh}”事项，现将需要准备的材料和办理方法一次性告知如下。`,
  );
  sheet.y += 8;
  sheet.row('办件编号', input.caseNumber, { labelWidth: LABEL });
  sheet.row('办理事项', input.item.name.zh, { labelWidth: LABEL });
  // The greeting names the resident and the centre signs at the bottom: one page where it can.
  const layout = { labelWidth: LABEL };
  if (input.resident) sheet.row('证件号码', maskIdNumber(input.resident.idNumber), layout);
  sheet.row('办理结果', OUTCOME_LABELS[input.outcome.outcome].zh, layout);
  sheet.row('办理日期', formatDate(input.outcome.at), layout);
  sheet.row('经办人', input.agent.name, layout);
  if (input.outcome.reason) {
    sheet.heading(notDone ? '未能办成的原因' : '情况说明');
    sheet.text(input.outcome.reason);
  }
  sheet.heading('需要准备的材料');
  if (input.item.materials.length > 0) sheet.list(input.item.materials.map(materialText));
  else sheet.text('本事项不需要另外准备材料。');
  sheet.heading('下一步');
  // The agent's next step when there is one; the item's own steps describe a case that goes ahead.
  if (input.outcome.nextStep) sheet.text(input.outcome.nextStep);
  else sheet.list(input.item.nextSteps.map((s) => s.zh));
  if (input.item.processingTime) sheet.row('办理时限', input.item.processingTime.zh, { labelWidth: LABEL });
  sheet.y += 12;
  sheet.ensure(60);
  sheet.text(
    '\u3000\u3000以上材料和要求一次性告知完毕。材料备齐后，可到任一服务点或通过一体机再次办理。特此告知。',
  );
  sheet.text(`${input.centreName}\u3000${formatDate(input.closedAt)}`, { align: 'right' });
}
