/**
 * A kiosk's level over the last 24 hours as a strip (each stretch coloured, with its level in words
 * on hover and in the list of changes below it, so colour is never alone).
 */
import type { HealthHistoryPoint, HealthLevel } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../ui/time';

const SPAN_MS = 24 * 3600 * 1000;

/** A stretch of one level: where it starts and how wide it is, in percent of the strip. */
export interface Stretch {
  level: HealthLevel;
  from: string;
  left: number;
  width: number;
}

/** The stretches of `points` (oldest first) over the 24 hours before `now`. */
export function stretchesOf(points: readonly HealthHistoryPoint[], now: number): Stretch[] {
  const start = now - SPAN_MS;
  const out: Stretch[] = [];
  points.forEach((p, i) => {
    const from = Math.max(start, Date.parse(p.at));
    const next = points[i + 1];
    const to = Math.min(now, next ? Date.parse(next.at) : now);
    if (!(to > from)) return;
    const last = out[out.length - 1];
    const left = ((from - start) / SPAN_MS) * 100;
    const width = ((to - from) / SPAN_MS) * 100;
    if (last && last.level === p.level) last.width += width;
    else out.push({ level: p.level, from: p.at, left, width });
  });
  return out;
}

/** The strip and the latest changes. */
export function HistoryStrip({ points, now }: { points: readonly HealthHistoryPoint[] | null; now: number }) {
  const { t } = useI18n();
  if (!points) return <p className="fleet-muted">{t('fleet.history.loading')}</p>;
  const stretches = stretchesOf(points, now);
  if (!stretches.length) return <p className="fleet-muted">{t('fleet.history.none')}</p>;
  return (
    <div data-testid="kiosk-history">
      <div className="fleet-strip" role="img" aria-label={t('fleet.history.heading')}>
        {stretches.map((s) => (
          <span
            key={s.from}
            className={`fleet-strip-part fleet-strip-${s.level}`}
            style={{ left: `${Math.min(s.left, 99)}%`, width: `${Math.max(s.width, 1)}%` }}
            title={t('fleet.history.change', {
              time: formatDateTime(s.from),
              level: t(`fleet.level.${s.level}`),
            })}
          />
        ))}
      </div>
      <ul className="fleet-plain fleet-history-list">
        {stretches
          .slice(-4)
          .reverse()
          .map((s) => (
            <li key={s.from} data-level={s.level}>
              {t('fleet.history.change', {
                time: formatDateTime(s.from),
                level: t(`fleet.level.${s.level}`),
              })}
            </li>
          ))}
      </ul>
    </div>
  );
}
