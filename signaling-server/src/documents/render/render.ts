/** renderDocument: one planned document of a closed case as PDF bytes. */
import { writeApplicationForm } from './application-form';
import { writeOneTimeNotice, writeReceipt } from './documents';
import { loadFonts } from './fonts';
import { itemNotice } from './item-notice';
import { Sheet } from './sheet';
import type {
  DocumentInput,
  DocumentPlanEntry,
  ExternalRecords,
  RenderOptions,
  RenderedDocument,
} from './types';

/**
 * Renders one planned document; null when an item-notice has no data in the records source (or
 * names a notice the renderer does not know). The same input renders the same bytes: the PDF's
 * dates are closedAt and its file id is derived from them.
 */
export async function renderDocument(
  entry: DocumentPlanEntry,
  input: DocumentInput,
  records: ExternalRecords,
  options: RenderOptions = {},
): Promise<RenderedDocument | null> {
  const fonts = loadFonts(options.fonts);
  let write: (sheet: Sheet) => void;
  switch (entry.kind) {
    case 'application-form':
      write = (sheet) => writeApplicationForm(sheet, entry, input);
      break;
    case 'receipt':
      write = (sheet) => writeReceipt(sheet, entry, input);
      break;
    case 'one-time-notice':
      write = (sheet) => writeOneTimeNotice(sheet, entry, input);
      break;
    case 'item-notice': {
      const notice = await itemNotice(entry, input, records);
      if (!notice) return null;
      write = notice;
      break;
    }
  }
  const date = new Date(input.closedAt);
  const sheet = new Sheet(fonts, {
    centreName: input.centreName,
    caseNumber: input.caseNumber,
    title: entry.title.zh,
    date: Number.isNaN(date.getTime()) ? new Date(0) : date,
  });
  write(sheet);
  return sheet.finish();
}
