/** Small pieces of a ticket shared by the queue, the offer prompt and the call: tags, need, place. */
import type { PriorityTag, ResidentPlace, TicketNeed } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { needText, placeView, tagText } from './ticket-text';
import './routing.css';

/** One labelled chip per tag, in the server's order; nothing when there are none. */
export function TagChips({ tags, large = false }: { tags: readonly PriorityTag[]; large?: boolean }) {
  const { t, locale } = useI18n();
  if (!tags.length) return null;
  return (
    <span className={`tag-chips${large ? ' tag-chips-large' : ''}`} aria-label={t('tags.label')}>
      {tags.map((tag) => (
        <span
          key={tag}
          className={`queue-tag tag-${tag}`}
          data-testid="queue-tag"
          data-tag={tag}
          title={t(`tag.why.${tag}`)}
        >
          {tagText(tag, locale)}
        </span>
      ))}
    </span>
  );
}

/** The need in words (`unsure`: the resident did not know). */
export function NeedText({ need }: { need: TicketNeed }) {
  const { t, locale } = useI18n();
  return (
    <span
      className={`need need-${need}`}
      data-need={need}
      title={need === 'unsure' ? t('need.unsureHint') : undefined}
    >
      {needText(need, locale)}
    </span>
  );
}

/** Props of a place: the resident's place, the agent's centre, the element's test id. */
export interface PlaceLineProps {
  place: ResidentPlace;
  ownCentreId: string;
  testId: string;
  /** Two lines (queue row) or one (call, offer). Default two. */
  compact?: boolean;
}

/** The committee, the kiosk (and another centre's name), with the marks for 上门办 and another centre. */
export function PlaceLine({ place, ownCentreId, testId, compact = false }: PlaceLineProps) {
  const { t } = useI18n();
  const view = placeView(place, ownCentreId);
  const marks = (
    <>
      {view.portable && (
        <span
          className="place-mark place-portable"
          data-testid="place-portable"
          title={t('place.portableHint')}
        >
          {t('place.portable')}
        </span>
      )}
      {view.otherRegion !== null && (
        <span
          className="place-mark place-other"
          data-testid="place-other-centre"
          title={t('place.otherCentreHint', { region: view.otherRegion })}
        >
          {view.otherRegion}
        </span>
      )}
    </>
  );
  return (
    <div
      className={`place${compact ? ' place-compact' : ''}`}
      data-testid={testId}
      data-kiosk-kind={place.kioskKind}
      data-centre-id={place.centreId}
    >
      <div className="place-where" title={view.committee}>
        {marks}
        <span className="place-text">{view.committee}</span>
      </div>
      <div className="place-kiosk muted" title={view.kiosk}>
        {view.kiosk}
      </div>
    </div>
  );
}
