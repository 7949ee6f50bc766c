/**
 * The case beside the call: the form the agent is filling (on the page of the field just changed),
 * with a plain notice when the form changed under the resident, a change voided their confirmation
 * and signature, or it is signed; before any form, what the resident gets without applying. A
 * component of its own, so that a layout can place it beside the video or on a second display.
 */
import type { Locale } from '@rvw/shared';
import type { FlowEvent, FlowState } from '../flow/machine';
import type { Tr } from '../i18n';
import { caseInView, NOTICE_KEYS } from './case-view';
import { flaggedFields, local } from './cases';
import { EntitlementsBox } from './EntitlementsBox';
import { FormView } from './FormView';
import './form.css';

/** The flow, the language, where taps go, and how to read a row aloud. */
export interface CasePanelProps {
  flow: FlowState;
  locale: Locale;
  tr: Tr;
  speak: (text: string) => void;
  send: (event: FlowEvent) => void;
}

/** The form beside the call (test id `case-panel`); nothing when there is neither form nor entitlement. */
export function CasePanel({ flow, locale, tr, speak, send }: CasePanelProps) {
  const c = caseInView(flow);
  if (!c) {
    if (flow.entitlements.length === 0) return null;
    return (
      <aside className="case-panel" data-testid="case-panel">
        <EntitlementsBox entitlements={flow.entitlements} locale={locale} tr={tr} />
      </aside>
    );
  }
  return (
    <aside className="case-panel" data-testid="case-panel">
      {flow.formNotice && (
        <p className={`notice form-notice-${flow.formNotice}`} data-testid="form-notice" role="status">
          {tr(NOTICE_KEYS[flow.formNotice])}
        </p>
      )}
      {c.form.voided && (
        <p className="notice notice-strong" data-testid="form-voided" role="alert">
          {tr('case.voided')}
        </p>
      )}
      <FormView
        caseState={c}
        page={flow.formPage}
        locale={locale}
        title={
          // A notice takes the title's place: what just happened matters more, and room is short.
          flow.formNotice || c.form.voided ? null : (
            <h2 className="form-title">{tr('case.formOf', { item: local(c.item.name, locale) })}</h2>
          )
        }
        flagged={flaggedFields(c, flow.flagsSent)}
        canFlag={c.status === 'open'}
        mode="call"
        tr={tr}
        speak={speak}
        onFlag={(field) => send({ type: 'flag-field', caseId: c.caseId, field })}
        onPage={(page) => send({ type: 'form-page', page })}
      />
    </aside>
  );
}
