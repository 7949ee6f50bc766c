/**
 * Finding the matter: a search box (name, code or pinyin initials such as `cqhl`), category chips,
 * and the server's ranked results, most handled first. The highlighted item's guide shows beside
 * the list with the button that opens its case; arrows move the highlight, Enter opens it.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { CATEGORIES, Category } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { listCatalogue } from '../lib/api';
import type { CatalogueCache } from './catalogue-cache';
import { CatalogueSearch } from './catalogue-search';
import { GuidePane } from './GuidePane';
import { useCatalogueSearch } from './use-case-store';

/** Props of the finder. */
export interface ItemFinderProps {
  token: string;
  cache: CatalogueCache;
  opening: boolean;
  /** Opens a case for the item; resolves with a refusal's sentence, or null. */
  onOpen(code: string): Promise<string | null>;
}

/** The item finder of the workspace. */
export function ItemFinder({ token, cache, opening, onOpen }: ItemFinderProps) {
  const { t, err, locale } = useI18n();
  const [search] = useState(() => new CatalogueSearch((q) => listCatalogue(token, q)));
  const snap = useCatalogueSearch(search);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    search.start();
    return () => search.stop();
  }, [search]);

  async function open(code: string | null) {
    if (!code || opening) return;
    setRefusal(null);
    setRefusal(await onOpen(code));
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      search.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void open(snap.highlighted);
    }
  }

  const results = snap.results ?? [];
  return (
    <div className="finder" data-testid="item-finder">
      <div className="finder-main">
        <label className="sr-only" htmlFor="item-search">
          {t('finder.searchLabel')}
        </label>
        <input
          id="item-search"
          className="finder-search"
          data-testid="item-search"
          type="search"
          autoComplete="off"
          // The agent starts typing the matter as the resident names it.
          autoFocus
          placeholder={t('finder.placeholder')}
          value={snap.q}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={onKey}
        />
        <div className="chips" role="group" aria-label={t('finder.categories')}>
          {[null, ...Category.options].map((c) => (
            <button
              key={c ?? 'all'}
              type="button"
              className={`chip ${snap.category === c ? 'chip-on' : ''}`}
              aria-pressed={snap.category === c}
              data-testid={`category-${c ?? 'all'}`}
              onClick={() => search.setCategory(c)}
            >
              {c ? local(CATEGORIES[c], locale) : t('finder.all')}
            </button>
          ))}
        </div>
        {snap.errorCode && <p className="form-error">{err(snap.errorCode)}</p>}
        <ul className="results" data-testid="catalogue-results" aria-busy={snap.loading}>
          {results.map((r) => (
            <li key={r.code}>
              <button
                type="button"
                className={`result ${snap.highlighted === r.code ? 'result-on' : ''}`}
                data-testid={`catalogue-result-${r.code}`}
                aria-pressed={snap.highlighted === r.code}
                onClick={() => search.highlight(r.code)}
                onDoubleClick={() => void open(r.code)}
              >
                <span className="result-name">{local(r.name, locale)}</span>
                <span className="result-meta">
                  {local(CATEGORIES[r.category], locale)}
                  {r.consultationOnly && <span className="tag">{t('finder.consultationOnly')}</span>}
                  {r.printOnly && <span className="tag">{t('finder.printOnly')}</span>}
                </span>
              </button>
            </li>
          ))}
          {snap.results && results.length === 0 && <li className="results-empty">{t('finder.none')}</li>}
        </ul>
      </div>
      <GuidePane cache={cache} code={snap.highlighted} emptyText={t('finder.pick')}>
        <div className="guide-actions">
          {refusal && (
            <p className="form-error" role="alert" data-testid="open-case-error">
              {refusal}
            </p>
          )}
          <button
            type="button"
            className="btn btn-primary btn-open"
            data-testid="open-case"
            disabled={!snap.highlighted || opening}
            onClick={() => void open(snap.highlighted)}
          >
            {opening ? t('finder.opening') : t('finder.open')}
          </button>
        </div>
      </GuidePane>
    </div>
  );
}
