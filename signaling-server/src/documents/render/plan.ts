/** Which documents a closed case gets (issue 10): the rules of planDocuments. */
import type { CaseOutcome, CatalogueItem, LocalText } from '@rvw/shared';
import type { DocumentPlanEntry } from './types';

/** The title of a receipt when the item names none. */
export const GENERIC_RECEIPT_TITLE: LocalText = { zh: '受理回执', en: 'Acceptance receipt' };
/** The title of every one-time notice. */
export const ONE_TIME_NOTICE_TITLE: LocalText = { zh: '一次性告知单', en: 'One-time notice' };

const RECEIPT_OUTCOMES: readonly CaseOutcome[] = ['completed', 'accepted', 'transferred'];
const NOTICE_OUTCOMES: readonly CaseOutcome[] = ['not-done', 'consultation'];
/** An item's own notice (e.g. the assessment result) is what a completed matter hands over. */
const ITEM_NOTICE_OUTCOMES: readonly CaseOutcome[] = ['completed'];

/** The title of an item's application form. */
export function applicationFormTitle(item: { name: LocalText }): LocalText {
  // 申请 + 申请表 would read twice: 需求评估申请 → 需求评估申请表.
  const zh = item.name.zh.endsWith('申请') ? `${item.name.zh}表` : `${item.name.zh}申请表`;
  return { zh, en: `Application form: ${item.name.en}` };
}

/**
 * Which documents a closed case gets, in print order:
 * - application-form when the item has a form and the case is signed;
 * - receipt for completed/accepted/transferred: the item's document of kind `receipt`, else a
 *   generic 受理回执;
 * - one-time-notice for not-done and consultation;
 * - item-notice, for completed only, for each of the item's documents of kind `notice` (candidates:
 *   renderDocument returns null when the records source has no data for it). An accepted application
 *   has no result yet, whatever another system holds from an earlier one.
 * Documents of kind `certificate` are issued elsewhere and are not planned.
 */
export function planDocuments(input: {
  item: CatalogueItem;
  outcome: CaseOutcome;
  signed: boolean;
}): DocumentPlanEntry[] {
  const { item, outcome, signed } = input;
  const plan: DocumentPlanEntry[] = [];
  if (item.form.fields.length > 0 && signed)
    plan.push({ kind: 'application-form', catalogueDocumentId: null, title: applicationFormTitle(item) });
  if (RECEIPT_OUTCOMES.includes(outcome)) {
    const receipt = item.documents.find((d) => d.kind === 'receipt');
    plan.push(
      receipt
        ? { kind: 'receipt', catalogueDocumentId: receipt.id, title: receipt.name }
        : { kind: 'receipt', catalogueDocumentId: null, title: GENERIC_RECEIPT_TITLE },
    );
  }
  if (NOTICE_OUTCOMES.includes(outcome))
    plan.push({ kind: 'one-time-notice', catalogueDocumentId: null, title: ONE_TIME_NOTICE_TITLE });
  if (ITEM_NOTICE_OUTCOMES.includes(outcome))
    for (const d of item.documents)
      if (d.kind === 'notice') plan.push({ kind: 'item-notice', catalogueDocumentId: d.id, title: d.name });
  return plan;
}
