/**
 * A closed case's documents: a one-line count of what printed, what failed and what is still going
 * (so an agent sees it at a glance), then a row per document. Used in the case workspace (with
 * printing while the session is live) and in the supervisor's read-back (downloads only).
 */
import type { ReactNode } from 'react';
import { isFinalJob } from './print-rules';
import type { CaseDocument, PrintJob } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import type { PaperLoad, PendingPrint } from './print-store';
import { DocumentRow } from './DocumentRow';
import './paper.css';

/** Props of the panel. */
export interface DocumentsPanelProps {
  documents: readonly CaseDocument[];
  load: PaperLoad;
  loadError: string | null;
  onReload(): void;
  /** True when the case's outcome makes documents (they may still be on their way). */
  expectDocuments: boolean;
  /** The newest job per document id. */
  jobs?: Readonly<Record<string, PrintJob>>;
  /** Printing, only while the session is live. */
  printing?: {
    pending: Readonly<Record<string, PendingPrint>>;
    onPrint(documentId: string): void;
  };
  fetchDocument(documentId: string): Promise<Blob>;
  /** Extra content below a document's row (the supervisor's downloads). */
  below?(doc: CaseDocument): ReactNode;
}

/** Counts of the documents' newest jobs. */
function summaryOf(jobs: readonly PrintJob[]): { done: number; failed: number; running: number } {
  return {
    done: jobs.filter((j) => j.state === 'done').length,
    failed: jobs.filter((j) => j.state === 'failed').length,
    running: jobs.filter((j) => !isFinalJob(j)).length,
  };
}

/** The documents panel. */
export function DocumentsPanel(props: DocumentsPanelProps) {
  const { t, err } = useI18n();
  const { documents, load, loadError, jobs = {}, printing } = props;
  const shown = documents.map((d) => jobs[d.documentId]).filter((j): j is PrintJob => j !== undefined);
  const sum = summaryOf(shown);

  return (
    <section className="paper-panel" data-testid="case-documents" aria-labelledby="docs-heading">
      <div className="paper-head">
        <h3 id="docs-heading">{t('paper.documents')}</h3>
        {shown.length > 0 && (
          <span className="paper-summary" data-testid="print-summary" aria-live="polite">
            {sum.done > 0 && <span className="sum-done">{t('paper.summary.done', { count: sum.done })}</span>}
            {sum.failed > 0 && (
              <span className="sum-failed">{t('paper.summary.failed', { count: sum.failed })}</span>
            )}
            {sum.running > 0 && (
              <span className="sum-running">{t('paper.summary.running', { count: sum.running })}</span>
            )}
          </span>
        )}
      </div>
      {load === 'failed' && loadError && (
        <p className="form-error" role="alert">
          {t('paper.loadFailed', { reason: err(loadError) })}{' '}
          <button type="button" className="btn btn-ghost" onClick={props.onReload}>
            {t('paper.reload')}
          </button>
        </p>
      )}
      {documents.length === 0 && load !== 'failed' && (
        <p className="muted" data-testid="documents-empty">
          {load === 'loading' || load === 'idle'
            ? t('paper.loading')
            : props.expectDocuments
              ? t('paper.preparing')
              : t('paper.none')}{' '}
          {load === 'loaded' && props.expectDocuments && (
            <button type="button" className="btn btn-ghost" onClick={props.onReload}>
              {t('paper.reload')}
            </button>
          )}
        </p>
      )}
      <ul className="doc-list">
        {documents.map((doc) => (
          <DocumentRow
            key={doc.documentId}
            doc={doc}
            job={jobs[doc.documentId]}
            fetchDocument={props.fetchDocument}
            printing={
              printing && {
                job: jobs[doc.documentId],
                pending: printing.pending[doc.documentId],
                onPrint: () => printing.onPrint(doc.documentId),
              }
            }
          >
            {props.below?.(doc)}
          </DocumentRow>
        ))}
      </ul>
    </section>
  );
}
