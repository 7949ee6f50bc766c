/**
 * The case phase (issue 9): the session's cases as the server pushes them, and what the resident
 * already gets without applying (免申即享). It has no screen of its own: during the call the form
 * shows beside the video, on the page of the field the agent just changed, with "这一项不对" on each
 * row; after the call the cases' outcomes are told (phases/rate.ts). A case state that asks for
 * confirmation starts the walk through the form (phases/review.ts).
 */
import type { CaseState, Entitlement } from '@rvw/shared';
import { caseOnShow, mergeCase, outcomeNotices } from '../../case/cases';
import { clampPage, formPages, pageOfField } from '../../case/pages';
import { inCall, stay } from '../state';
import type { FlowEvent, FlowState, Phase, SentFlag, Step } from '../state';
import { followCase } from './review';

/** The server's case pushes, the host's answers to a flag, and the resident's taps on the form. */
export type CaseEvent =
  | { type: 'case-state'; state: CaseState }
  | { type: 'entitlements'; ticketId: string; entitlements: Entitlement[] }
  | { type: 'flag-field'; caseId: string; field: string }
  | { type: 'flag-result'; caseId: string; field: string; ok: boolean }
  | { type: 'form-page'; page: number };

/** Telling the agent a field is wrong (`form:flag`). */
export type CaseEffect = { type: 'flag-field'; caseId: string; field: string; revision: number };

// Case states are kept from the call until the visit ends (the outcome is told after the call),
// and while the session is transferred to another agent (the case travels with it).
const keepsCases = new Set<string>([
  'call',
  'confirm',
  'sign',
  'transferring',
  'outcome',
  'rating',
  'thanks',
]);

/** Flags still waiting: those the server's state neither shows yet nor has moved past. */
function pendingFlags(flags: readonly SentFlag[], c: CaseState): SentFlag[] {
  return flags.filter(
    (f) =>
      f.caseId !== c.caseId ||
      (f.revision === c.form.revision && !c.form.flags.some((s) => s.field === f.field)),
  );
}

/** The page of the call's form view after `incoming`: the page of the field just changed. */
function followPage(state: FlowState, incoming: CaseState): number {
  const shown = caseOnShow(state.cases, state.caseFocus);
  const pages = formPages(incoming);
  const sameCase = shown?.caseId === incoming.caseId;
  const moved = !sameCase || shown.form.revision !== incoming.form.revision;
  const changed = moved ? pageOfField(pages, incoming.form.lastChanged) : null;
  return changed ?? (sameCase ? clampPage(state.formPage, pages) : 0);
}

function onCaseState(state: FlowState, incoming: CaseState): Step | null {
  if (!keepsCases.has(state.screen) || state.session?.session.id !== incoming.sessionId) return null;
  const cases = mergeCase(state.cases, incoming);
  if (!cases) return stay(state);
  const known = state.cases.find((c) => c.caseId === incoming.caseId);
  // A notice is about the form as it was ("signed", a failed send): a new revision makes it stale
  // (a change after signing must say "void", never "signed" and "void" at once).
  const moved = known !== undefined && incoming.form.revision > known.form.revision;
  const next: FlowState = {
    ...state,
    cases,
    flagsSent: pendingFlags(state.flagsSent, incoming),
    formNotice: moved ? null : state.formNotice,
  };
  if (inCall(state.screen))
    return followCase(
      { ...next, caseFocus: incoming.caseId, formPage: followPage(state, incoming) },
      incoming,
    );
  // After the call: an outcome the resident must hear arrived while the levels show: tell it first.
  if (state.screen === 'rating' && !state.rating && !state.outcomeSeen && outcomeNotices(cases).length > 0)
    return stay({ ...next, screen: 'outcome' });
  return stay(next);
}

function reduce(state: FlowState, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'case-state':
      return onCaseState(state, event.state);

    // For this visit's ticket only; shown while waiting and beside the call until a form shows.
    case 'entitlements': {
      const ticketId = state.ticket?.ticket.id ?? state.session?.session.ticketId;
      if (ticketId !== event.ticketId) return stay(state);
      return stay({ ...state, entitlements: event.entitlements });
    }

    case 'flag-field': {
      if (state.screen !== 'call' && state.screen !== 'confirm') return null;
      const c = state.cases.find((k) => k.caseId === event.caseId);
      if (!c || c.status !== 'open' || !c.item.fields.some((f) => f.id === event.field)) return null;
      const sent = state.flagsSent.some((f) => f.caseId === c.caseId && f.field === event.field);
      if (sent || c.form.flags.some((f) => f.field === event.field)) return stay(state);
      const revision = c.form.revision;
      return {
        state: {
          ...state,
          flagsSent: [...state.flagsSent, { caseId: c.caseId, field: event.field, revision }],
        },
        effects: [{ type: 'flag-field', caseId: c.caseId, field: event.field, revision }],
      };
    }

    // A flag the server refused (or never got) is shown as not sent, so it can be tapped again.
    case 'flag-result':
      if (event.ok) return stay(state);
      return stay({
        ...state,
        flagsSent: state.flagsSent.filter((f) => f.caseId !== event.caseId || f.field !== event.field),
      });

    case 'form-page': {
      if (state.screen !== 'call') return null;
      const shown = caseOnShow(state.cases, state.caseFocus);
      if (!shown) return null;
      return stay({ ...state, formPage: clampPage(event.page, formPages(shown)) });
    }

    default:
      return null;
  }
}

/** Holds the session's cases, follows the agent's changes and passes on the resident's flags. */
export const casePhase: Phase = { name: 'case', reduce };
