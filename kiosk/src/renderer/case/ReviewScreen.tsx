/**
 * Checking the form before confirming it: one page at a time, with "下一页" as the obvious next
 * step; on the last page "以上内容都正确吗？" and "内容正确，确认" (with 上一页 to look back). Each
 * row can still be flagged ("这一项不对"); the video goes on beside it.
 */
import type { CaseState, Locale } from '@rvw/shared';
import type { FlowEvent, FormNotice, Review } from '../flow/machine';
import type { Tr } from '../i18n';
import { NOTICE_KEYS } from './case-view';
import { flaggedFields } from './cases';
import { FormView } from './FormView';
import './form.css';

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

/** The confirm walk (test ids `review-screen`, `review-prev`, `review-next`, `review-confirm`). */
export function ReviewScreen(props: ReviewScreenProps) {
  const { caseState: c, review, ready, tr, send } = props;
  const busy = !ready || review.sending;
  const actions = (page: number, last: boolean) => (
    <div className="review-actions">
      {page > 0 ? (
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="review-prev"
          disabled={busy}
          onClick={() => send({ type: 'review-page', page: page - 1 })}
        >
          {tr('case.prev')}
        </button>
      ) : (
        <span />
      )}
      {last ? (
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
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="review-next"
          data-main-action
          disabled={busy}
          onClick={() => send({ type: 'review-page', page: page + 1 })}
        >
          {tr('case.next')}
        </button>
      )}
    </div>
  );
  return (
    <section className="case-screen review" data-testid="review-screen" aria-busy={busy}>
      {props.notice && (
        <p className="notice" data-testid="form-notice" role="status">
          {tr(NOTICE_KEYS[props.notice])}
        </p>
      )}
      <FormView
        caseState={c}
        page={review.page}
        locale={props.locale}
        title={<h1 className="review-title">{tr('review.title')}</h1>}
        flagged={flaggedFields(c, props.flagsSent)}
        canFlag={!review.sending}
        navDisabled={busy}
        highlight={false}
        mode="review"
        reviewActions={(page, last) => (
          <>
            {/* How to flag a line, on the first page; the question, on the last. */}
            {last ? (
              <p className="review-question">{tr('review.question')}</p>
            ) : (
              page === 0 && <p className="case-watch">{tr('review.hint')}</p>
            )}
            {actions(page, last)}
          </>
        )}
        tr={tr}
        speak={props.speak}
        onFlag={(field) => send({ type: 'flag-field', caseId: c.caseId, field })}
        onPage={(page) => send({ type: 'review-page', page })}
      />
    </section>
  );
}
