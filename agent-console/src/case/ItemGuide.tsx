/**
 * The item's guide beside the video, as the agent reads it out: what to bring (一次性告知, with
 * original or copy, how many, and which are only sometimes needed), the conditions, the next steps
 * the resident is told, and the processing time. Compact, one column.
 */
import type { CatalogueItem, Material } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';

function MaterialRow({ m }: { m: Material }) {
  const { t, locale } = useI18n();
  return (
    <li className={`guide-material ${m.optional ? 'is-optional' : ''}`}>
      <span className="gm-name">{local(m.name, locale)}</span>
      <span className="gm-tags">
        <span className="tag">{t(`guide.form.${m.form}`)}</span>
        {m.count !== undefined && m.count > 1 && (
          <span className="tag">{t('guide.count', { count: m.count })}</span>
        )}
        {m.optional && <span className="tag tag-muted">{t('guide.optional')}</span>}
      </span>
      {m.note && <span className="gm-note">{local(m.note, locale)}</span>}
    </li>
  );
}

/** Props: the item whole. */
export interface ItemGuideProps {
  item: CatalogueItem;
}

/** The guide of one item. */
export function ItemGuide({ item }: ItemGuideProps) {
  const { t, locale } = useI18n();
  return (
    <div className="guide" data-testid="item-guide" data-item-code={item.code}>
      <h3 className="guide-title">{local(item.name, locale)}</h3>
      {(item.consultationOnly || item.printOnly) && (
        <p className="guide-kind">
          {item.consultationOnly ? t('guide.consultationOnly') : t('guide.printOnly')}
        </p>
      )}
      {item.summary && <p className="guide-summary">{local(item.summary, locale)}</p>}
      {item.materials.length > 0 && (
        <section>
          <h4>{t('guide.materials')}</h4>
          <ul className="guide-materials">
            {item.materials.map((m, i) => (
              <MaterialRow key={i} m={m} />
            ))}
          </ul>
        </section>
      )}
      {item.conditions.length > 0 && (
        <section>
          <h4>{t('guide.conditions')}</h4>
          <ul className="guide-list">
            {item.conditions.map((c, i) => (
              <li key={i}>{local(c, locale)}</li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h4>{t('guide.nextSteps')}</h4>
        <ol className="guide-list">
          {item.nextSteps.map((s, i) => (
            <li key={i}>{local(s, locale)}</li>
          ))}
        </ol>
      </section>
      {item.processingTime && (
        <section>
          <h4>{t('guide.processingTime')}</h4>
          <p>{local(item.processingTime, locale)}</p>
        </section>
      )}
      {item.documents.length > 0 && (
        <section>
          <h4>{t('guide.documents')}</h4>
          <ul className="guide-list">
            {item.documents.map((d) => (
              <li key={d.id}>{local(d.name, locale)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
