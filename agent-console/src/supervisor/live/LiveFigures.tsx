/**
 * Today's figures as big numbers (first responses within 1 minute, 办结+受理 share, 办不成, mean
 * handling time; cross-centre and door-to-door counts beneath) and today's ratings across the five
 * levels as a bar each, with the not-rated count.
 */
import { RATING_LABELS, RatingLevel, type DayFigures, type RatingFigures } from '@rvw/shared';
import { local } from '../../i18n/local-text';
import { formatDuration } from '../../ui/time';
import { RATING_COLOURS } from './chart-options';
import { percent } from './live-rules';
import { useLiveText } from './live-text';

function Big({ testId, label, value, sub }: { testId: string; label: string; value: string; sub?: string }) {
  return (
    <div className="live-big" data-testid={testId}>
      <div className="live-big-label">{label}</div>
      <div className="live-big-value" data-testid={`${testId}-value`}>
        {value}
      </div>
      {sub && <div className="live-big-sub">{sub}</div>}
    </div>
  );
}

/** The four figures the district's targets are about. */
export function TodayFigures({ today }: { today: DayFigures }) {
  const { lt } = useLiveText();
  const none = lt('today.none');
  return (
    <section className="live-card" aria-labelledby="live-today-h">
      <h2 id="live-today-h">{lt('today.heading')}</h2>
      <div className="live-bigs">
        <Big
          testId="live-first-response"
          label={lt('today.firstResponse')}
          value={percent(today.firstResponseWithin1Min) ?? none}
          sub={lt('today.firstResponseOf', { count: today.answered })}
        />
        <Big
          testId="live-resolved"
          label={lt('today.resolved')}
          value={percent(today.resolvedShare) ?? none}
          sub={lt('today.resolvedOf', { count: today.closed })}
        />
        <Big
          testId="live-not-done"
          label={lt('today.notDone')}
          value={`${today.notDone}${lt('today.notDoneUnit')}`}
        />
        <Big
          testId="live-handling"
          label={lt('today.handling')}
          value={today.meanHandlingS === null ? none : formatDuration(today.meanHandlingS * 1000)}
          {...(today.meanHandlingS === null ? { sub: lt('today.handlingNone') } : {})}
        />
      </div>
      <p className="live-muted live-extra">
        <span data-testid="live-cross-centre">{lt('today.cross', { count: today.crossCentre })}</span>
        {' · '}
        <span data-testid="live-portable">{lt('today.portable', { count: today.portable })}</span>
      </p>
    </section>
  );
}

/** Today's ratings: one bar per level (its share of the rated), the count beside it. */
export function RatingsToday({ ratings }: { ratings: RatingFigures }) {
  const { locale, lt } = useLiveText();
  const rated = RatingLevel.options.reduce((n, l) => n + ratings.levels[l], 0);
  return (
    <section className="live-card" aria-labelledby="live-ratings-h" data-testid="live-ratings">
      <h2 id="live-ratings-h">{lt('ratings.heading')}</h2>
      <ul className="live-levels">
        {RatingLevel.options.map((level) => {
          const n = ratings.levels[level];
          return (
            <li key={level} data-testid="live-rating-level" data-level={level} data-count={n}>
              <span className="live-level-name">{local(RATING_LABELS[level], locale)}</span>
              <span className="live-level-bar" aria-hidden="true">
                <span
                  style={{
                    width: `${rated ? (n / rated) * 100 : 0}%`,
                    background: RATING_COLOURS[level],
                  }}
                />
              </span>
              <span className="live-num">{n}</span>
            </li>
          );
        })}
      </ul>
      <p className="live-muted">
        {lt('ratings.total', { count: rated })} · {lt('ratings.notRated', { count: ratings.notRated })}
      </p>
    </section>
  );
}
