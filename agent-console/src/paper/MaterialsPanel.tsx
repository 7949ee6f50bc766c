/**
 * The document camera (高拍仪) in an open case: the agent names a material (the item's materials are
 * offered), asks the resident to put it under the camera, sees the request's state live, captures
 * once the resident agreed (or cancels), and sees the captured pages at once; 再拍一张 asks again.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { MaterialLabel, type CatalogueItem, type MaterialRequest } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { isFinalRequest } from './material-store';
import { MaterialThumbs } from './MaterialThumbs';
import type { PaperArea } from './paper-area';
import { useCaseMaterials } from './use-paper';

/** Props of the panel. */
export interface MaterialsPanelProps {
  paper: PaperArea;
  sessionId: string;
  caseId: string;
  /** The item from the catalogue, for the names of its materials; null while loading. */
  item: CatalogueItem | null;
}

/** The request's state in words, with its label. */
export function MaterialStateLine({ request, capturing }: { request: MaterialRequest; capturing: boolean }) {
  const { t } = useI18n();
  return (
    <p
      className={`material-state material-state-${request.state}`}
      data-testid="material-state"
      data-state={request.state}
      role={request.state === 'declined' ? 'alert' : 'status'}
    >
      <strong>{t('material.for', { label: request.label })}</strong>{' '}
      {capturing ? t('material.capturing') : t(`material.state.${request.state}`)}
    </p>
  );
}

/** Beside the materials tab: the state of a request still going, so it is seen from the form too. */
export function MaterialsTabNote({ paper, caseId }: { paper: PaperArea; caseId: string }) {
  const { t } = useI18n();
  const current = useCaseMaterials(paper.materials, caseId).requests.at(-1);
  if (!current || isFinalRequest(current)) return null;
  return (
    <span className={`tab-note tab-note-${current.state}`} data-testid="materials-tab-note">
      {t(`material.state.${current.state}`)}
    </span>
  );
}

/** The materials panel of an open case. */
export function MaterialsPanel({ paper, sessionId, caseId, item }: MaterialsPanelProps) {
  const { t, err, locale } = useI18n();
  const store = paper.materials;
  const view = useCaseMaterials(store, caseId);
  const [label, setLabel] = useState('');
  useEffect(() => {
    void store.load(caseId);
  }, [store, caseId]);

  const current = view.requests.at(-1);
  const active = current !== undefined && !isFinalRequest(current);
  const labelOk = MaterialLabel.safeParse(label).success;
  const capturing = current !== undefined && view.capturing === current.requestId;
  const suggestions = [...new Set((item?.materials ?? []).map((m) => local(m.name, locale)))];

  function ask(e?: FormEvent) {
    e?.preventDefault();
    if (labelOk && !active) void store.ask(sessionId, caseId, label);
  }

  return (
    <section
      className="paper-panel materials"
      data-testid="materials-panel"
      aria-labelledby="materials-heading"
    >
      <div className="paper-head">
        <h3 id="materials-heading">{t('material.heading')}</h3>
      </div>
      <form className="material-form" onSubmit={ask}>
        <label className="field material-label">
          <span>{t('material.label')}</span>
          <input
            data-testid="material-label"
            list={`material-names-${caseId}`}
            value={label}
            maxLength={60}
            placeholder={suggestions[0] ?? t('material.labelHint')}
            onChange={(e) => setLabel(e.target.value)}
          />
          <datalist id={`material-names-${caseId}`}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="material-request"
          disabled={!labelOk || active || view.busy !== null}
        >
          {t('material.request')}
        </button>
      </form>
      {suggestions.length > 0 && (
        <div className="material-chips" aria-label={t('material.label')}>
          {suggestions.map((s) => (
            <button key={s} type="button" className="chip" onClick={() => setLabel(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
      {label.trim() !== '' && !labelOk && <p className="muted">{t('material.labelShort')}</p>}
      {current && (
        <div className="material-current">
          <MaterialStateLine request={current} capturing={capturing} />
          <div className="material-actions">
            {active && (
              <button
                type="button"
                className="btn btn-primary btn-capture"
                data-testid="material-capture"
                disabled={current.state !== 'consented' || capturing || view.busy !== null}
                onClick={() => void store.capture(caseId, current.requestId)}
              >
                {capturing ? t('material.capturing') : t('material.capture')}
              </button>
            )}
            {active && (
              <button
                type="button"
                className="btn btn-ghost"
                data-testid="material-cancel"
                disabled={view.busy !== null}
                onClick={() => void store.cancel(caseId, current.requestId)}
              >
                {t('material.cancel')}
              </button>
            )}
            {current.state === 'captured' && (
              <button
                type="button"
                className="btn btn-secondary"
                data-testid="material-again"
                disabled={view.busy !== null}
                onClick={() => void store.ask(sessionId, caseId, current.label)}
              >
                {t('material.again')}
              </button>
            )}
          </div>
        </div>
      )}
      {view.error && (
        <p className="form-error" role="alert" data-testid="material-error">
          {err(view.error)}
        </p>
      )}
      {view.load === 'failed' && view.loadError && (
        <p className="form-error">{t('material.loadFailed', { reason: err(view.loadError) })}</p>
      )}
      <h4 className="thumbs-head">{t('material.captured', { count: view.materials.length })}</h4>
      {view.materials.length === 0 ? (
        <p className="muted">{t('material.none')}</p>
      ) : (
        <MaterialThumbs materials={view.materials} images={paper.images} />
      )}
    </section>
  );
}
