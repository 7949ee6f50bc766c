/**
 * The review phase (issue 9 part 5): when the agent asks the resident to confirm the form as it is,
 * the kiosk walks them through it one page at a time (上一页 / 下一页), then "内容正确，确认" sends
 * the confirmation of that revision with its hash; then the signature. The video goes on beside it.
 * If the form changes meanwhile, the walk ends and the form view says plainly that it changed; the
 * agent asks again. A page change settles like a new screen, so a double tap cannot skip a page.
 */
import { ErrorCode, type CaseState, type SignatureStrokes } from '@rvw/shared';
import { wantsConfirmation, wantsSignature } from '../../case/cases';
import { formPages } from '../../case/pages';
import { SETTLE_MS } from '../settle';
import { stay } from '../state';
import type { FlowEvent, FlowState, FormNotice, Phase, Step } from '../state';

/** Checking the form page by page, then signing it. */
export type ReviewScreen = 'confirm' | 'sign';

/** The resident's taps, and the host's answers to the confirmation and the signature. */
export type ReviewEvent =
  | { type: 'review-page'; page: number }
  | { type: 'review-confirm' }
  | { type: 'confirm-result'; ok: boolean; code?: string }
  | { type: 'sign-submit'; strokes: SignatureStrokes }
  | { type: 'sign-result'; ok: boolean; code?: string };

/** Sending the confirmation (`form:confirm`) and the signature (`form:sign`) of a revision. */
export type ReviewEffect =
  | { type: 'confirm-form'; caseId: string; revision: number; hash: string }
  | { type: 'sign-form'; caseId: string; revision: number; hash: string; strokes: SignatureStrokes };

// The server refuses with these when the form moved on under the resident (or was closed).
const MOVED_ON = new Set<string>([
  ErrorCode.Conflict,
  ErrorCode.FormHashMismatch,
  ErrorCode.FormNotConfirmed,
  ErrorCode.CaseClosed,
]);

/** Back to the form beside the video, saying why. */
function leave(state: FlowState, notice: FormNotice | null): Step {
  return stay({ ...state, screen: 'call', review: null, formNotice: notice });
}

/** The walk through `c` (or its signature), from its first page. */
function begin(state: FlowState, c: CaseState, screen: 'confirm' | 'sign'): Step {
  const review = { caseId: c.caseId, revision: c.form.revision, hash: c.form.hash, page: 0, sending: false };
  return stay({ ...state, screen, review, formNotice: null, caseFocus: c.caseId });
}

/**
 * The screen after the server's new state of a case during the call: the walk starts when the
 * agent asks for confirmation (or resumes at the signature after a reload), ends when the form
 * changes under it, and ends happily when the server has the signature.
 */
export function followCase(state: FlowState, incoming: CaseState): Step {
  const review = state.review;
  if (review && review.caseId === incoming.caseId) {
    if (incoming.form.revision !== review.revision || incoming.status !== 'open')
      return leave(state, incoming.status === 'open' ? 'changed' : null);
    if (incoming.form.signature?.revision === review.revision) return leave(state, 'signed');
    if (state.screen === 'confirm' && incoming.form.confirmation?.revision === review.revision)
      return stay({ ...state, screen: 'sign', review: { ...review, sending: false } });
    return stay({ ...state, review: { ...review, hash: incoming.form.hash } });
  }
  if (state.screen !== 'call' || review) return stay(state);
  if (wantsConfirmation(incoming)) return begin(state, incoming, 'confirm');
  if (wantsSignature(incoming)) return begin(state, incoming, 'sign');
  return stay(state);
}

/** The case being reviewed, as last received. */
function reviewed(state: FlowState): CaseState | null {
  return state.cases.find((c) => c.caseId === state.review?.caseId) ?? null;
}

function reduce(state: FlowState, event: FlowEvent): Step | null {
  const review = state.review;
  if (!review || (state.screen !== 'confirm' && state.screen !== 'sign')) return null;
  switch (event.type) {
    case 'review-page': {
      const c = reviewed(state);
      if (state.screen !== 'confirm' || !c || review.sending) return null;
      const last = formPages(c).length - 1;
      if (event.page < 0 || event.page > last || event.page === review.page) return null;
      return {
        state: { ...state, review: { ...review, page: event.page }, settling: { time: true, speech: false } },
        effects: [{ type: 'start-timer', timer: 'settle', ms: SETTLE_MS }],
      };
    }

    // Only from the last page: every page has been on screen.
    case 'review-confirm': {
      const c = reviewed(state);
      if (state.screen !== 'confirm' || !c || review.sending) return null;
      if (review.page !== formPages(c).length - 1) return null;
      return {
        state: { ...state, review: { ...review, sending: true }, formNotice: null },
        effects: [
          { type: 'confirm-form', caseId: review.caseId, revision: review.revision, hash: review.hash },
        ],
      };
    }

    case 'confirm-result':
      if (state.screen !== 'confirm' || !review.sending) return null;
      if (event.ok) return stay({ ...state, screen: 'sign', review: { ...review, sending: false } });
      if (MOVED_ON.has(event.code ?? '')) return leave(state, 'changed');
      return stay({ ...state, review: { ...review, sending: false }, formNotice: 'send-failed' });

    case 'sign-submit':
      if (state.screen !== 'sign' || review.sending) return null;
      return {
        state: { ...state, review: { ...review, sending: true }, formNotice: null },
        effects: [
          {
            type: 'sign-form',
            caseId: review.caseId,
            revision: review.revision,
            hash: review.hash,
            strokes: event.strokes,
          },
        ],
      };

    case 'sign-result':
      if (state.screen !== 'sign' || !review.sending) return null;
      if (event.ok) return leave(state, 'signed');
      if (MOVED_ON.has(event.code ?? '')) return leave(state, 'changed');
      return stay({ ...state, review: { ...review, sending: false }, formNotice: 'send-failed' });

    default:
      return null;
  }
}

/** Walks the resident through the form to confirm it, then takes the signature. */
export const reviewPhase: Phase = { name: 'review', reduce };
