/**
 * One case in the workspace: its number, item and status; the voided and flagged notices; the form
 * editor, the outcome panel or the document camera's materials; and, once closed, what was recorded
 * and its documents (print at the kiosk, download). The item's guide stays beside it.
 */
import { useState } from 'react';
import { OUTCOME_LABELS, type AnyField, type CaseState, type CatalogueItem } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { formatDateTime } from '../ui/time';
import type { CaseEntry, CaseStore } from './case-store';
import type { FieldActions } from './FieldEditor';
import { FormEditor } from './FormEditor';
import { flaggedFields, formPhase, isOpen } from './form-status';
import { OutcomePanel } from './OutcomePanel';
import { CaseDocuments } from '../paper/CaseDocuments';
import { MaterialsPanel, MaterialsTabNote } from '../paper/MaterialsPanel';
import type { PaperArea } from '../paper/paper-area';

/** Props of one case. */
export interface CaseViewProps {
  entry: CaseEntry;
  /** The item from the catalogue, when loaded (its fields stand in if the state carries none). */
  item: CatalogueItem | null;
  store: CaseStore;
  /** Documents, printing and materials; absent, the case shows neither. */
  paper?: PaperArea;
}

/** The case's status and the form's phase as two badges. */
export function CaseBadges({ state }: { state: CaseState }) {
  const { t } = useI18n();
  const { status, form } = state;
  const phase = formPhase(form);
  return (
    <span className="badges">
      <span className={`badge badge-${status}`} data-testid="case-status" data-status={status}>
        {t(`case.status.${status}`)}
      </span>
      {status === 'open' && state.item.fields.length > 0 && (
        <span className={`badge badge-phase-${phase}`} data-testid="form-phase" data-phase={phase}>
          {t(`case.phase.${phase}`)}
        </span>
      )}
    </span>
  );
}

function ClosedCard({ entry }: { entry: CaseEntry }) {
  const { t, locale } = useI18n();
  const { outcome, abandonReason, closedAt } = entry.state;
  return (
    <div className={`closed-card ${outcome ? '' : 'is-abandoned'}`} data-testid="case-closed">
      {outcome ? (
        <>
          <p className="closed-outcome">
            {t('case.recorded')} <strong>{local(OUTCOME_LABELS[outcome.outcome], locale)}</strong>
          </p>
          {outcome.reason && <p>{t('case.reasonWas', { text: outcome.reason })}</p>}
          {outcome.nextStep && <p>{t('case.nextStepWas', { text: outcome.nextStep })}</p>}
        </>
      ) : (
        <p className="closed-outcome">{t('case.abandonedWith', { reason: abandonReason ?? '' })}</p>
      )}
      {closedAt && <p className="muted">{formatDateTime(closedAt)}</p>}
    </div>
  );
}

/** One case: header, notices, form or outcome. */
export function CaseView({ entry, item, store, paper }: CaseViewProps) {
  const { t, locale } = useI18n();
  const { state } = entry;
  const caseId = state.caseId;
  const fields: readonly AnyField[] = state.item.fields.length
    ? state.item.fields
    : (item?.form.fields ?? []);
  const hasForm = fields.length > 0;
  const [pane, setPane] = useState<'form' | 'outcome' | 'materials'>(hasForm ? 'form' : 'outcome');
  const panes = [
    ...(hasForm ? (['form'] as const) : []),
    'outcome' as const,
    ...(paper ? (['materials'] as const) : []),
  ];
  const open = isOpen(state);
  const flagged = flaggedFields(state.form);
  const labelOf = (id: string) => {
    const f = fields.find((x) => x.id === id);
    return f ? local(f.label, locale) : id;
  };
  const actions: FieldActions = {
    edit: (field, value, immediate) => store.edit(caseId, field, value, { immediate }),
    commit: (field) => store.commit(caseId, field),
    keepMine: (field) => store.keepMine(caseId, field),
    drop: (field) => store.dropDraft(caseId, field),
    reveal: (field) => store.reveal(caseId, field),
    hide: (field) => store.hide(caseId, field),
  };
  const unsaved = Object.values(entry.drafts).some((d) => d.phase !== 'sent');

  return (
    <div className="case" data-testid="case-view" data-case-id={caseId}>
      <header className="case-head">
        <span className="case-number mono" data-testid="case-number">
          {state.number}
        </span>
        <h2 className="case-item">{local(state.item.name, locale)}</h2>
        <CaseBadges state={state} />
      </header>
      {open && entry.voided && (
        <p className="case-voided" role="alert" data-testid="form-voided">
          {t('case.voided')}
        </p>
      )}
      {open && flagged.length > 0 && (
        <p className="case-flags" role="status" data-testid="flags-summary">
          {t('case.flags', { count: flagged.length, fields: flagged.map(labelOf).join('、') })}
        </p>
      )}
      {!open && <ClosedCard entry={entry} />}
      {/* The workspace shows the cases of the live session only: printing at its kiosk is possible. */}
      {!open && paper && <CaseDocuments paper={paper} state={state} live />}
      {open && panes.length > 1 && (
        <div className="pane-switch" role="tablist" aria-label={t('case.panes')}>
          {panes.map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={pane === p}
              className={`pane-tab ${pane === p ? 'pane-tab-on' : ''}`}
              data-testid={`pane-${p}`}
              onClick={() => setPane(p)}
            >
              {t(`case.pane.${p}`)}
              {p === 'materials' && paper && <MaterialsTabNote paper={paper} caseId={caseId} />}
            </button>
          ))}
        </div>
      )}
      {open && !hasForm && pane !== 'materials' && <p className="muted case-noform">{t('case.noForm')}</p>}
      <div className="case-body">
        {hasForm && (!open || pane === 'form') && (
          <FormEditor
            entry={entry}
            fields={fields}
            actions={actions}
            onRequestConfirm={() => store.requestConfirm(caseId)}
          />
        )}
        {open && pane === 'outcome' && (
          <OutcomePanel
            key={caseId}
            entry={entry}
            hasForm={hasForm}
            unsaved={unsaved}
            onRecord={(record) => store.recordOutcome(caseId, record)}
            onAbandon={(record) => store.abandon(caseId, record)}
            onDiscardDrafts={() => store.discardDrafts(caseId)}
            onDraft={(patch) => store.setOutcomeDraft(caseId, patch)}
          />
        )}
        {open && pane === 'materials' && paper && (
          <MaterialsPanel paper={paper} sessionId={state.sessionId} caseId={caseId} item={item} />
        )}
      </div>
    </div>
  );
}
