/**
 * One document of a case: title, kind, pages and time; its print state in words (live), the print
 * button (打印 / 再打印 / 重试打印, only while the session is live) and download / view of the PDF.
 */
import { useState, type ReactNode } from 'react';
import type { CaseDocument, PrintJob } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { errorCodeOf } from '../lib/errors';
import { formatDateTime } from '../ui/time';
import type { PendingPrint } from './print-store';
import { printButton, printStateText } from './print-rules';
import { documentFileName, openBlankTab, saveBlob, showBlob } from './save-file';

/** Printing a document at the kiosk, when the session is live. */
export interface RowPrinting {
  job: PrintJob | undefined;
  pending: PendingPrint | undefined;
  onPrint(): void;
}

/** Props of a row. */
export interface DocumentRowProps {
  doc: CaseDocument;
  /** Absent in the read-back and once the call is over: no print button. */
  printing?: RowPrinting;
  /** The print state of the newest job, shown also without printing (read-back). */
  job?: PrintJob;
  fetchDocument(documentId: string): Promise<Blob>;
  /** Below the row (the supervisor's downloads list). */
  children?: ReactNode;
}

/** The print state chip of a job (or "not printed"). */
export function PrintStateChip({ kind, job }: { kind: string; job: PrintJob | undefined }) {
  const { t, locale } = useI18n();
  const words = {
    offered: t('paper.state.offered'),
    queued: t('paper.state.queued'),
    printing: t('paper.state.printing'),
    done: t('paper.state.done'),
    failed: t('paper.state.failed'),
    declined: t('paper.state.declined'),
  };
  const state = job?.state ?? 'none';
  return (
    <span
      className={`print-state print-state-${state}`}
      data-testid={`print-state-${kind}`}
      data-state={state}
      role={state === 'failed' ? 'alert' : 'status'}
    >
      {job ? printStateText(job, locale, words) : t('paper.state.none')}
    </span>
  );
}

/** One document. */
export function DocumentRow({ doc, printing, job, fetchDocument, children }: DocumentRowProps) {
  const { t, err, locale } = useI18n();
  const [fetching, setFetching] = useState<'download' | 'view' | null>(null);
  const [fetchError, setFetchError] = useState<string | null>(null);
  const shownJob = printing?.job ?? job;
  const name = documentFileName(doc.caseNumber, doc.kind);

  async function fetchAnd(how: 'download' | 'view') {
    if (fetching) return;
    // The tab is opened at the click; one opened after the fetch would be blocked.
    const tab = how === 'view' ? openBlankTab() : null;
    setFetching(how);
    setFetchError(null);
    try {
      const blob = await fetchDocument(doc.documentId);
      if (how === 'view') showBlob(tab, blob, name);
      else saveBlob(blob, name);
    } catch (e) {
      tab?.close();
      setFetchError(errorCodeOf(e));
    } finally {
      setFetching(null);
    }
  }

  const button = printing ? printButton(printing.job, printing.pending) : null;
  // What the agent most likely presses next stands out: a first print, a retry, a print after a failure.
  const urgent =
    button === 'print' || button === 'retry' || (button === 'again' && shownJob?.state === 'failed');
  const kindLabel = t(`paper.kind.${doc.kind}`);
  const title = local(doc.title, locale);
  const printLabel = {
    print: t('paper.print'),
    again: t('paper.printAgain'),
    retry: t('paper.printRetry'),
    sending: t('paper.printSending'),
    busy: t('paper.printRunning'),
  };

  return (
    <li
      className={`doc-row doc-row-${shownJob?.state ?? 'none'}`}
      data-testid={`document-row-${doc.kind}`}
      data-document-id={doc.documentId}
    >
      <div className="doc-main">
        <span className="doc-title">{title}</span>
        <span className="doc-meta">
          {/* The kind is said when the title does not say it already. */}
          {title === kindLabel ? '' : `${kindLabel} · `}
          {t('paper.pages', { pages: doc.pages })} · {formatDateTime(doc.createdAt)}
        </span>
      </div>
      {(printing || job) && <PrintStateChip kind={doc.kind} job={shownJob} />}
      <div className="doc-actions">
        {printing && button && (
          <button
            type="button"
            className={`btn ${urgent ? 'btn-primary' : 'btn-secondary'}`}
            data-testid={`document-print-${doc.kind}`}
            data-button={button}
            title={t('paper.printTitle')}
            disabled={button === 'sending' || button === 'busy'}
            onClick={printing.onPrint}
          >
            {printLabel[button]}
          </button>
        )}
        <button
          type="button"
          className="btn btn-ghost"
          data-testid={`document-download-${doc.kind}`}
          disabled={fetching !== null}
          onClick={() => void fetchAnd('download')}
        >
          {fetching === 'download' ? t('paper.downloading') : t('paper.download')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          data-testid={`document-view-${doc.kind}`}
          disabled={fetching !== null}
          onClick={() => void fetchAnd('view')}
        >
          {t('paper.view')}
        </button>
      </div>
      {printing?.pending?.error && (
        <p className="form-error doc-error" role="alert" data-testid={`document-print-error-${doc.kind}`}>
          {t('paper.printNotSent', { reason: err(printing.pending.error) })}
        </p>
      )}
      {fetchError && (
        <p className="form-error doc-error" role="alert">
          {t('paper.downloadFailed', { reason: err(fetchError) })}
        </p>
      )}
      {children}
    </li>
  );
}
