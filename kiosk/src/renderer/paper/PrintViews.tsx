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
    <section
      className="paper-panel"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="print-offer-question"
      data-testid="print-offer"
    >
      {entry.problem && (
        <p className="notice" role="status">
          {tr('paper.sendFailed')}
        </p>
      )}
      <h1 className="paper-question" id="print-offer-question">
        {printOfferText(entry.job, locale)}
      </h1>
      <div className="paper-actions">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="print-accept"
          data-main-action
          disabled={busy}
          onClick={() => onAnswer(true)}
        >
          {tr('print.accept')}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          data-testid="print-decline"
          disabled={busy}
          onClick={() => onAnswer(false)}
        >
          {tr('print.decline')}
        </button>
      </div>
    </section>
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
    <section
      className="paper-panel"
      role="alertdialog"
      aria-labelledby="print-status-headline"
      data-testid="print-status"
      data-state={state}
    >
      {state === 'done' && <PaperSlotIllustration />}
      <h1 className="paper-question" id="print-status-headline">
        {headline}
      </h1>
      {more.map((line) => (
        <p className="lead" key={line}>
          {line}
        </p>
      ))}
      <div className="paper-actions">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="print-dismiss"
          data-main-action
          disabled={!ready}
          onClick={onDismiss}
        >
          {tr('print.ok')}
        </button>
      </div>
    </section>
  );
}
