/** renderDocument: one planned document of a closed case as PDF bytes. */
import type {
  DocumentInput,
  DocumentPlanEntry,
  ExternalRecords,
  RenderOptions,
  RenderedDocument,
} from './types';

/** Renders one planned document; null when an item-notice has no data in the records source. */
export async function renderDocument(
  entry: DocumentPlanEntry,
  input: DocumentInput,
  records: ExternalRecords,
  options: RenderOptions = {},
): Promise<RenderedDocument | null> {
  void input;
  void records;
  void options;
  throw new Error(`rendering ${entry.kind} is not written yet`);
}
