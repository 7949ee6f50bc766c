/** The guide column: an item's guide once fetched, with the actions passed in on top. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { CatalogueCache } from './catalogue-cache';
import { ItemGuide } from './ItemGuide';
import { useCatalogueItem } from './use-case-store';

/** Props: the item's code (null: nothing picked), what to say then, and the actions. */
export interface GuidePaneProps {
  cache: CatalogueCache;
  code: string | null;
  emptyText?: string;
  children?: ReactNode;
}

/** The guide beside the form or the results. */
export function GuidePane({ cache, code, emptyText, children }: GuidePaneProps) {
  const { t, err } = useI18n();
  const load = useCatalogueItem(cache, code);
  return (
    // Focusable, so that a keyboard can scroll a long guide.
    <aside className="guide-col" aria-label={t('guide.heading')} tabIndex={0}>
      {children}
      {!load && emptyText && <p className="muted">{emptyText}</p>}
      {load?.state === 'loading' && <p className="muted">{t('guide.loading')}</p>}
      {load?.state === 'failed' && (
        <div className="form-error">
          {err(load.code)}{' '}
          <button type="button" className="btn btn-ghost" onClick={() => code && cache.get(code, true)}>
            {t('guide.retry')}
          </button>
        </div>
      )}
      {load?.state === 'loaded' && <ItemGuide item={load.item} />}
    </aside>
  );
}
