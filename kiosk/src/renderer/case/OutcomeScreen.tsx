/**
 * Before the rating, what the resident must hear about a matter that could not be done (办不成) or
 * was transferred (转办): the reason and the next step in large type (一次性告知), with the case
 * number to quote on the phone. One button: "我知道了".
 */
import { spokenCaseNumber } from '@rvw/shared';
import type { CaseState, Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import { outcomeLines } from './case-speech';
import './after-call.css';

/** The cases to tell, readiness, and the one tap. */
export interface OutcomeScreenProps {
  cases: readonly CaseState[];
  ready: boolean;
  locale: Locale;
  tr: Tr;
  onSeen: () => void;
}

/** Test ids `outcome-notice`, `outcome-case-<number>`, `outcome-ok`. */
export function OutcomeScreen({ cases, ready, locale, tr, onSeen }: OutcomeScreenProps) {
  return (
    <section className="screen screen-outcome" data-testid="outcome-notice">
      <h1 className="headline">{tr('outcome.title')}</h1>
      {cases.map((c) => {
        const [item, outcome, ...rest] = outcomeLines(c, locale).shown;
        return (
          <article className="outcome-card" key={c.caseId} data-testid={`outcome-case-${c.number}`}>
            <h2 className="outcome-item">
              {item} <span className="outcome-word">{outcome}</span>
            </h2>
            {rest.map((line) => (
              <p className="outcome-line" key={line}>
                {line}
              </p>
            ))}
            <div className="outcome-number">
              <span className="outcome-number-label">{tr('outcome.number')}</span>
              <span className="outcome-number-value">{c.number}</span>
              <span className="outcome-number-spoken">
                {tr('outcome.numberSpoken', { spoken: spokenCaseNumber(c.number) })}
              </span>
            </div>
          </article>
        );
      })}
      <div className="actions actions-end">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="outcome-ok"
          data-main-action
          disabled={!ready}
          onClick={onSeen}
        >
          {tr('outcome.ok')}
        </button>
      </div>
    </section>
  );
}
