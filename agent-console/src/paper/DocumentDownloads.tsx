/** A document's downloads for a supervisor (who, as what, when), read when opened. */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { errorCodeOf } from '../lib/errors';
import { formatDateTime } from '../ui/time';
import { documentDownloads, type DocumentDownload } from './paper-api';

/** Props of the list. */
export interface DocumentDownloadsProps {
  token: string;
  documentId: string;
  kind: string;
  /** A person's or kiosk's name by id and role. */
  nameOf(id: string, role: DocumentDownload['role']): string;
}

/** The toggle and, once opened, the list. */
export function DocumentDownloads({ token, documentId, kind, nameOf }: DocumentDownloadsProps) {
  const { t, err } = useI18n();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<DocumentDownload[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    const next = !open;
    setOpen(next);
    if (!next) return;
    // Read again at each opening: every download since is on it.
    setError(null);
    documentDownloads(token, documentId).then(setList, (e: unknown) => setError(errorCodeOf(e)));
  }

  return (
    <div className="doc-downloads">
      <button
        type="button"
        className="btn btn-ghost"
        aria-expanded={open}
        data-testid={`document-downloads-toggle-${kind}`}
        onClick={toggle}
      >
        {open ? t('paper.downloadsHide') : t('paper.downloads')}
      </button>
      {open && error && <p className="form-error">{err(error)}</p>}
      {open && !error && list && (
        <ul className="downloads-list" data-testid={`document-downloads-${kind}`}>
          {list.length === 0 && <li className="muted">{t('paper.downloadsNone')}</li>}
          {list.map((d, i) => (
            <li key={i}>
              {t('paper.downloadsBy', { who: nameOf(d.by, d.role), role: t(`paper.role.${d.role}`) })} ·{' '}
              {formatDateTime(d.at)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
