/**
 * Paper in a supervisor's read-back: the case's documents (download and view, each document's
 * downloads), the final state of each document's printing, and the captured materials as
 * thumbnails. Read-only: nothing is printed or captured from here.
 */
import { useEffect, useState } from 'react';
import type { CaseDocument, CaseMaterial, PrintJob } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { errorCodeOf } from '../lib/errors';
import { BlobCache } from './blob-cache';
import { DocumentDownloads } from './DocumentDownloads';
import { DocumentsPanel } from './DocumentsPanel';
import { MaterialThumbs } from './MaterialThumbs';
import {
  downloadDocument,
  listCaseDocuments,
  listCaseMaterials,
  listCasePrintJobs,
  materialImage,
  type DocumentDownload,
} from './paper-api';
import { newerJob } from './print-rules';
import type { PaperLoad } from './print-store';

/** Props of the section. */
export interface PaperReadBackProps {
  token: string;
  caseId: string;
  /** True when the case's outcome makes documents. */
  expectDocuments: boolean;
  nameOf(id: string, role: DocumentDownload['role']): string;
}

type Loaded = { documents: CaseDocument[]; jobs: Record<string, PrintJob>; materials: CaseMaterial[] };

/** The newest job of each document. */
function newestJobs(jobs: readonly PrintJob[]): Record<string, PrintJob> {
  const out: Record<string, PrintJob> = {};
  for (const j of jobs) out[j.documentId] = newerJob(out[j.documentId], j);
  return out;
}

/** Documents and materials of a case, read back. */
export function PaperReadBack({ token, caseId, expectDocuments, nameOf }: PaperReadBackProps) {
  const { t, err } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [load, setLoad] = useState<PaperLoad>('loading');
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [images] = useState(() => new BlobCache((id) => materialImage(token, id)));
  useEffect(() => () => images.clear(), [images]);
  useEffect(() => {
    let cancelled = false;
    setLoad('loading');
    Promise.all([
      listCaseDocuments(token, caseId),
      listCasePrintJobs(token, caseId),
      listCaseMaterials(token, caseId),
    ]).then(
      ([documents, jobs, materials]) => {
        if (cancelled) return;
        setLoaded({ documents, jobs: newestJobs(jobs), materials });
        setLoad('loaded');
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(errorCodeOf(e));
        setLoad('failed');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, caseId, round]);

  return (
    <>
      <section>
        <DocumentsPanel
          documents={loaded?.documents ?? []}
          load={load}
          loadError={error}
          onReload={() => setRound((r) => r + 1)}
          expectDocuments={expectDocuments}
          jobs={loaded?.jobs}
          fetchDocument={(id) => downloadDocument(token, id)}
          below={(doc) => (
            <DocumentDownloads token={token} documentId={doc.documentId} kind={doc.kind} nameOf={nameOf} />
          )}
        />
      </section>
      <section className="paper-panel materials" data-testid="readback-materials">
        <div className="paper-head">
          <h3>{t('material.captured', { count: loaded?.materials.length ?? 0 })}</h3>
        </div>
        {load === 'failed' && error && (
          <p className="form-error">{t('material.loadFailed', { reason: err(error) })}</p>
        )}
        {loaded && loaded.materials.length === 0 && <p className="muted">{t('material.none')}</p>}
        {loaded && loaded.materials.length > 0 && (
          <MaterialThumbs materials={loaded.materials} images={images} />
        )}
      </section>
    </>
  );
}
