/**
 * The print screens over the call: the question (print this document, which shows your name?),
 * the "printing" banner, and the panel that says to take the paper, with where it comes out, or
 * that staff will help. The failure's real reason is never shown here: it is for the agent.
 */
import type { Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import type { PrintEntry } from './paper-model';
import { printOfferText, printStatusLines } from './paper-text';
import { PaperSlotIllustration } from './Illustrations';
import { PaperDialog } from './PaperPanel';

/** What both print views take. */
export interface PrintViewProps {
  entry: PrintEntry;
  /** False while the view settles: its buttons take no tap yet. */
  ready: boolean;
  locale: Locale;
  tr: Tr;
}

/** "工作人员要为您打印《…》…要打印吗？" with a big 打印 and a smaller 不用了. */
export function PrintOffer({
  entry,
  ready,
  locale,
  tr,
  onAnswer,
}: PrintViewProps & { onAnswer: (accepted: boolean) => void }) {
  const busy = !ready || entry.sending;
  return (
    <PaperDialog
      labelId="print-offer-question"
      testId="print-offer"
      modal
      notice={entry.problem ? tr('paper.sendFailed') : null}
      headline={printOfferText(entry.job, locale)}
      main={{
        testId: 'print-accept',
        label: tr('print.accept'),
        disabled: busy,
        onClick: () => onAnswer(true),
      }}
      other={{
        testId: 'print-decline',
        label: tr('print.decline'),
        disabled: busy,
        onClick: () => onAnswer(false),
      }}
    />
  );
}

/** Printing: a banner; done or failed: a panel with 好的. */
export function PrintStatus({
  entry,
  ready,
  locale,
  tr,
  onDismiss,
}: PrintViewProps & { onDismiss: () => void }) {
  const { state } = entry.job;
  const [headline, ...more] = printStatusLines(entry.job, locale);
  if (state === 'queued' || state === 'printing')
    return (
      <p className="paper-banner" role="status" data-testid="print-status" data-state={state}>
        <span className="spinner paper-spinner" aria-hidden="true" />
        {headline}
      </p>
    );
  return (
    <PaperDialog
      labelId="print-status-headline"
      testId="print-status"
      state={state}
      illustration={state === 'done' && <PaperSlotIllustration />}
      headline={headline}
      lines={more}
      main={{ testId: 'print-dismiss', label: tr('print.ok'), disabled: !ready, onClick: onDismiss }}
    />
  );
}
