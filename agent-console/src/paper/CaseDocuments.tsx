/**
 * The documents panel of a closed case in the workspace, on the print store: read from the server
 * when first shown (after a reload the pushes are gone), live from then on, printing at the
 * session's kiosk while the call lasts.
 */
import { useEffect } from 'react';
import type { CaseState } from '@rvw/shared';
import { DocumentsPanel } from './DocumentsPanel';
import type { PaperArea } from './paper-area';
import { useCaseDocuments } from './use-paper';

/** Props of the workspace's documents panel. */
export interface CaseDocumentsProps {
  paper: PaperArea;
  state: CaseState;
  /** True while the session is live (printing at its kiosk is possible). */
  live: boolean;
}

/** A closed case's documents, with printing. */
export function CaseDocuments({ paper, state, live }: CaseDocumentsProps) {
  const { prints } = paper;
  const { caseId, sessionId } = state;
  const view = useCaseDocuments(prints, caseId);
  useEffect(() => {
    void prints.load(caseId);
  }, [prints, caseId]);

  return (
    <DocumentsPanel
      documents={view.documents}
      load={view.load}
      loadError={view.loadError}
      onReload={() => void prints.load(caseId, true)}
      expectDocuments={state.outcome !== null}
      jobs={view.jobs}
      printing={
        live
          ? {
              pending: view.pending,
              onPrint: (documentId) => void prints.print(sessionId, caseId, documentId),
            }
          : undefined
      }
      fetchDocument={paper.fetchDocument}
    />
  );
}
