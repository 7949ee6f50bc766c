/** What the case screens show during the call (pure): the case in view, and whether a panel shows. */
import type { CaseState } from '@rvw/shared';
import type { FlowState, FormNotice } from '../flow/machine';
import type { MessageKey } from '../i18n';
import { caseOnShow } from './cases';

/** The sentence of each form notice. */
export const NOTICE_KEYS: Record<FormNotice, MessageKey> = {
  changed: 'case.changed',
  signed: 'case.signed',
  'send-failed': 'case.sendFailed',
};

/** The case being reviewed, else the one on show during the call. */
export function caseInView(flow: Pick<FlowState, 'review' | 'cases' | 'caseFocus'>): CaseState | null {
  if (flow.review) return flow.cases.find((c) => c.caseId === flow.review!.caseId) ?? null;
  return caseOnShow(flow.cases, flow.caseFocus);
}

/**
 * True when the touch screen holds more than the call's own buttons: a form beside the call, the
 * form's review or signature, or what the resident gets without applying.
 */
export function showsCaseForm(
  flow: Pick<FlowState, 'screen' | 'review' | 'cases' | 'caseFocus' | 'entitlements'>,
): boolean {
  if (flow.screen === 'confirm' || flow.screen === 'sign') return true;
  return flow.screen === 'call' && (caseInView(flow) !== null || flow.entitlements.length > 0);
}
