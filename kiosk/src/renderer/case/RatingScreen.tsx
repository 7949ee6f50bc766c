/**
 * The rating (好差评) after the call: five large buttons, each a face and its words, best first.
 * A low rating (不满意, 非常不满意) then shows large reason buttons, an optional note typed by the
 * committee staff standing by, "提交评价" and "重新选择". Any other level is sent at once.
 */
import { LOW_RATING_REASON_LABELS, LowRatingReason, RATING_LABELS, RatingLevel } from '@rvw/shared';
import type { Locale } from '@rvw/shared';
import type { FlowEvent, RatingDraft } from '../flow/machine';
import type { Tr } from '../i18n';
import { local } from './cases';
import { Face } from './Faces';
import './after-call.css';

/** The draft of a low rating (null: the five levels), readiness, and where taps go. */
export interface RatingScreenProps {
  draft: RatingDraft | null;
  ready: boolean;
  locale: Locale;
  tr: Tr;
  send: (event: FlowEvent) => void;
}

/** Test ids `screen-rating`, `rating-<level>`, `rating-reason-<reason>`, `rating-staff-note`, `rating-submit`, `rating-back`. */
export function RatingScreen({ draft, ready, locale, tr, send }: RatingScreenProps) {
  if (!draft)
    return (
      <section className="screen screen-rating" data-testid="screen-rating">
        <h1 className="headline">{tr('rating.title')}</h1>
        <p className="lead">{tr('rating.hint')}</p>
        <div className="rating-levels" role="group" aria-label={tr('rating.title')}>
          {RatingLevel.options.map((level) => (
            <button
              key={level}
              type="button"
              className={`btn-rating rating-${level}`}
              data-testid={`rating-${level}`}
              data-main-action
              disabled={!ready}
              onClick={() => send({ type: 'rate', level })}
            >
              <Face level={level} />
              <span className="rating-words">{local(RATING_LABELS[level], locale)}</span>
            </button>
          ))}
        </div>
      </section>
    );
  return (
    <section className="screen screen-rating screen-rating-why" data-testid="screen-rating">
      <p className="lead strong rating-chosen">
        <Face level={draft.level} />
        {tr('rating.chosen', { level: local(RATING_LABELS[draft.level], locale) })}
      </p>
      <h1 className="headline rating-why">{tr('rating.why')}</h1>
      <div className="rating-reasons" role="group" aria-label={tr('rating.why')}>
        {LowRatingReason.options.map((reason) => {
          const on = draft.reasons.includes(reason);
          return (
            <button
              key={reason}
              type="button"
              className={`btn-reason${on ? ' btn-reason-on' : ''}`}
              data-testid={`rating-reason-${reason}`}
              aria-pressed={on}
              disabled={!ready}
              onClick={() => send({ type: 'toggle-reason', reason })}
            >
              <svg className="reason-box" viewBox="0 0 24 24" aria-hidden="true">
                <rect
                  x="2"
                  y="2"
                  width="20"
                  height="20"
                  rx="3"
                  fill="#ffffff"
                  stroke="currentColor"
                  strokeWidth="2.5"
                />
                {on && <path d="M6 12.5l4 4 8-9" fill="none" stroke="currentColor" strokeWidth="3" />}
              </svg>
              {local(LOW_RATING_REASON_LABELS[reason], locale)}
            </button>
          );
        })}
      </div>
      <label className="staff-note">
        <span className="staff-note-label">{tr('rating.staffNote')}</span>
        <textarea
          data-testid="rating-staff-note"
          rows={1}
          maxLength={500}
          value={draft.staffNote}
          onChange={(e) => send({ type: 'staff-note', text: e.target.value })}
        />
      </label>
      <div className="rating-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="rating-back"
          disabled={!ready}
          onClick={() => send({ type: 'rating-back' })}
        >
          {tr('rating.back')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="rating-submit"
          data-main-action
          disabled={!ready}
          onClick={() => send({ type: 'rating-submit' })}
        >
          {tr('rating.submit')}
        </button>
      </div>
    </section>
  );
}
