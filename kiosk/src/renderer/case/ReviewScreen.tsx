/**
 * Checking the form before confirming it: one page at a time, 上一页 / 下一页, and on the last page
 * "以上内容都正确吗？" with "内容正确，确认". Each row can still be flagged ("这一项不对").
 */
import type { CaseState, Locale } from '@rvw/shared';
import type { FlowEvent, FormNotice, Review } from '../flow/machine';
import type { Tr } from '../i18n';
import { NOTICE_KEYS } from './case-view';
import { flaggedFields } from './cases';
import { FormView } from './FormView';
import { formPages } from './pages';
import './case.css';

/** The case and its review, readiness, and where taps go. */
export interface ReviewScreenProps {
  caseState: CaseState;
  review: Review;
  flagsSent: readonly { caseId: string; field: string }[];
  notice: FormNotice | null;
  ready: boolean;
  locale: Locale;
  tr: Tr;
  speak: (text: string) => void;
  send: (event: FlowEvent) => void;
}

/** The confirm walk (test id `review-screen`; buttons `review-prev`, `review-next`, `review-confirm`). */
export function ReviewScreen(props: ReviewScreenProps) {
  const { caseState: c, review, ready, tr, send } = props;
  const last = review.page >= formPages(c).length - 1;
  const busy = !ready || review.sending;
  return (
    <section className="case-screen review" data-testid="review-screen" aria-busy={busy}>
      <h1 className="review-title">{tr('review.title')}</h1>
      {props.notice && (
        <p className="notice" data-testid="form-notice" role="status">
          {tr(NOTICE_KEYS[props.notice])}
        </p>
      )}
      <p className="case-watch">{tr('review.hint')}</p>
      <FormView
        caseState={c}
        page={review.page}
        locale={props.locale}
        flagged={flaggedFields(c, props.flagsSent)}
        canFlag={!review.sending}
        highlight={false}
        navId="review"
        navDisabled={busy}
        tr={tr}
        speak={props.speak}
        onFlag={(field) => send({ type: 'flag-field', caseId: c.caseId, field })}
        onPage={(page) => send({ type: 'review-page', page })}
        footer={
          last && (
            <div className="review-confirm">
              <p className="lead strong">{tr('review.question')}</p>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="review-confirm"
                data-main-action
                disabled={busy}
                onClick={() => send({ type: 'review-confirm' })}
              >
                {review.sending ? tr('review.sending') : tr('review.confirm')}
              </button>
            </div>
          )
        }
      />
    </section>
  );
}
