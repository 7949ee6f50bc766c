/**
 * The agent's workspace beside the video: a tab per case of the session (one session can hold
 * several matters), "another matter" for the item finder, and the chosen case with its guide.
 */
import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { useCaseErr } from './case-error';
import { local } from '../i18n/local-text';
import type { PaperArea } from '../paper/paper-area';
import type { CaseStore } from './case-store';
import type { CatalogueCache } from './catalogue-cache';
import { CaseView } from './CaseView';
import { GuidePane } from './GuidePane';
import { ItemFinder } from './ItemFinder';
import { useCaseStore, useCatalogueItem } from './use-case-store';
import './case.css';

/** Props of the workspace. */
export interface CaseWorkspaceProps {
  sessionId: string;
  token: string;
  store: CaseStore;
  cache: CatalogueCache;
  /** Documents, printing at the kiosk and the document camera. */
  paper?: PaperArea;
}

/** The workspace of one call. */
export function CaseWorkspace({ sessionId, token, store, cache, paper }: CaseWorkspaceProps) {
  const { t, locale } = useI18n();
  const err = useCaseErr();
  const snap = useCaseStore(store);
  const cases = snap.cases.filter((c) => c.state.sessionId === sessionId);
  const selected = cases.find((c) => c.state.caseId === snap.selected) ?? null;
  const itemLoad = useCatalogueItem(cache, selected?.state.item.code ?? null);
  // Leaving the workspace (the call ends, the page changes) sends what was typed last.
  useEffect(() => () => store.flushAll(), [store]);

  async function openCase(code: string): Promise<string | null> {
    const r = await store.open(sessionId, code);
    return r.ok ? null : err(r.code);
  }

  return (
    <section className="workspace" aria-label={t('case.workspace')} data-testid="case-workspace">
      <nav className="case-tabs" aria-label={t('case.tabs')}>
        {cases.map((c) => (
          <button
            key={c.state.caseId}
            type="button"
            className={`case-tab ${c === selected ? 'case-tab-on' : ''}`}
            aria-current={c === selected ? 'page' : undefined}
            data-testid={`case-tab-${c.state.caseId}`}
            onClick={() => store.select(c.state.caseId)}
          >
            <span className={`dot dot-${c.state.status}`} aria-hidden="true" />
            <span className="case-tab-name">{local(c.state.item.name, locale)}</span>
            <span className="sr-only">{t(`case.status.${c.state.status}`)}</span>
            {/* A flag or a voided signature on a case not in view must still catch the eye. */}
            {c !== selected && c.state.status === 'open' && (c.state.form.flags.length > 0 || c.voided) && (
              <span className="tab-alert" data-testid={`case-tab-alert-${c.state.caseId}`}>
                {t('case.tabAlert')}
              </span>
            )}
          </button>
        ))}
        <button
          type="button"
          className={`case-tab case-tab-new ${selected ? '' : 'case-tab-on'}`}
          data-testid="another-matter"
          onClick={() => store.select(null)}
        >
          {cases.length ? t('case.another') : t('case.first')}
        </button>
      </nav>
      {selected ? (
        <div className="workspace-body">
          <CaseView
            key={selected.state.caseId}
            entry={selected}
            item={itemLoad?.state === 'loaded' ? itemLoad.item : null}
            store={store}
            paper={paper}
          />
          <GuidePane cache={cache} code={selected.state.item.code} />
        </div>
      ) : (
        <div className="workspace-body">
          <ItemFinder token={token} cache={cache} opening={snap.opening} onOpen={openCase} />
        </div>
      )}
    </section>
  );
}
