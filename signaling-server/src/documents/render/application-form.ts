/** The application form as filled and signed: every field as printed, groups as tables, the signature. */
import type { FieldDescription } from '@rvw/shared';
import { drawSignature } from './drawings';
import { EMPTY, formatDateTime, groupRows, leafText } from './format';
import { GREY, RULE, SIZE, type Sheet } from './sheet';
import type { DocumentInput, DocumentPlanEntry } from './types';

type GroupField = Extract<FieldDescription, { kind: 'group' }>;

const CELL_PAD = 5;
const TABLE_SIZE = 14;

/** A group's entries as a table: a number column, then one column per sub-field. */
function writeTable(sheet: Sheet, field: GroupField, value: unknown): void {
  const rows = groupRows(field, value);
  sheet.ensure(sheet.measure(field.label.zh, { bold: true }) + 60);
  sheet.text(field.label.zh, { bold: true });
  sheet.y += 4;
  if (rows.length === 0) {
    sheet.text(`${EMPTY}`, { x: sheet.left + 20 });
    sheet.y += 6;
    return;
  }
  const numWidth = 40;
  const colWidth = (sheet.width - numWidth) / field.fields.length;
  const xs = field.fields.map((_, i) => sheet.left + numWidth + i * colWidth);
  const style = (width: number, bold = false) => ({ size: TABLE_SIZE, bold, width: width - 2 * CELL_PAD });
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(...cells.map((c) => sheet.measure(c, style(colWidth, bold)))) + 2 * CELL_PAD;
  const drawRow = (num: string, cells: string[], bold: boolean) => {
    const h = heightOf(cells, bold);
    const top = sheet.y;
    const { doc } = sheet;
    const page = doc.page;
    if (bold) doc.rect(sheet.left, top, sheet.width, h).fillColor('#eeeeee').fill();
    doc.rect(sheet.left, top, sheet.width, h).lineWidth(0.8).strokeColor(RULE).stroke();
    for (const x of xs)
      doc
        .moveTo(x, top)
        .lineTo(x, top + h)
        .stroke();
    sheet.text(num, { ...style(numWidth, bold), x: sheet.left + CELL_PAD }, top + CELL_PAD);
    cells.forEach((c, i) =>
      sheet.text(c, { ...style(colWidth, bold), x: xs[i]! + CELL_PAD }, top + CELL_PAD),
    );
    sheet.below(page, top + h, 0);
  };
  const header = field.fields.map((f) => f.label.zh);
  // The header row never ends a page alone.
  sheet.ensure(heightOf(header, true) + heightOf(rows[0]!, false));
  drawRow('序号', header, true);
  rows.forEach((cells, i) => {
    if (sheet.y + heightOf(cells, false) > sheet.bottom) {
      sheet.doc.addPage();
      drawRow('序号', header, true);
    }
    drawRow(String(i + 1), cells, false);
  });
  sheet.y += 10;
}

/** The form as filled: each label and value; the values in full (the archive copy is the legal record). */
export function writeApplicationForm(sheet: Sheet, entry: DocumentPlanEntry, input: DocumentInput): void {
  sheet.title(entry.title.zh);
  sheet.row('办件编号', input.caseNumber);
  sheet.row('办理事项', `${input.item.name.zh}（事项版本 ${input.item.version}）`);
  sheet.row('服务中心', input.centreName);
  sheet.row('经办人', input.agent.name);
  sheet.row('开始办理', formatDateTime(input.openedAt));
  sheet.heading('填写内容');
  for (const field of input.fields) {
    if (field.kind === 'group') writeTable(sheet, field, input.values[field.id]);
    else sheet.row(field.label.zh, leafText(field, input.values[field.id]), { labelWidth: 180 });
  }
  writeSignature(sheet, input);
}

const BOX = { width: 300, height: 120 };

function writeSignature(sheet: Sheet, input: DocumentInput): void {
  sheet.heading('申请人签名', BOX.height + 60);
  const top = sheet.y;
  if (!input.signature) {
    sheet.text('（未签名）');
  } else {
    const box = { x: sheet.left, y: top, ...BOX };
    sheet.doc.rect(box.x, box.y, box.width, box.height).lineWidth(0.8).strokeColor(RULE).stroke();
    drawSignature(sheet.doc, input.signature.strokes, {
      ...box,
      x: box.x + 6,
      y: box.y + 6,
      width: 288,
      height: 108,
    });
    sheet.y = top + BOX.height + 6;
    sheet.text(`签名时间：${formatDateTime(input.signature.at)}`);
  }
  sheet.y += 8;
  sheet.ensure(30);
  sheet.text(`本表为第 ${input.revision} 版填写内容，内容摘要（SHA-256）：${input.formHash}`, {
    size: SIZE.small,
    color: GREY,
  });
}
