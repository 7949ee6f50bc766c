/**
 * What is wrong with the resident's kiosk (issue 12 #4), on a queue row and the offer before the
 * agent accepts: one chip per problem, amber or red, always with its words (never colour alone), the
 * device's own detail on hover. Nothing when the kiosk is well.
 */
import { FLEET_PROBLEMS, type FleetProblem } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import './kiosk-problems.css';

/** Props: the entry's kioskProblems (absent or empty when well). */
export interface KioskProblemChipsProps {
  problems: readonly FleetProblem[] | undefined;
}

/** Red problems first (the call may fail), then amber. */
export function KioskProblemChips({ problems }: KioskProblemChipsProps) {
  const { t, locale } = useI18n();
  if (!problems?.length) return null;
  const sorted = [...problems].sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  return (
    <span className="kiosk-problems" data-testid="kiosk-problems" aria-label={t('queue.kioskProblems')}>
      {sorted.map((p) => (
        <span
          key={p.code}
          className={`kiosk-problem kiosk-problem-${p.level}`}
          data-testid="kiosk-problem"
          data-code={p.code}
          data-level={p.level}
          title={p.detail ?? undefined}
        >
          <span aria-hidden="true">{p.level === 'red' ? '✖ ' : '▲ '}</span>
          {local(FLEET_PROBLEMS[p.code].text, locale)}
        </span>
      ))}
    </span>
  );
}
