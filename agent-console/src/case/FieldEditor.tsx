/**
 * One field of the agent's form editor: its label with the marks the agent needs at a glance
 * (required, from the ID card, flagged by the resident), the control, where the typed value stands
 * (saving, not saved, in conflict with the server's), its problem as a sentence, and for a masked
 * identity number the reveal that the server records.
 */
import { useState } from 'react';
import type { AnyField, FieldValue } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import type { FieldDraft, FieldIssue } from './field-drafts';
import { useCaseErr } from './case-error';
import { formatValue } from './format-value';
import { GroupEditor } from './GroupEditor';
import { LeafInput } from './LeafInput';

/** What a field can ask of the case store. */
export interface FieldActions {
  edit(field: string, value: unknown, immediate?: boolean): void;
  commit(field: string): void;
  keepMine(field: string): void;
  drop(field: string): void;
  reveal(field: string): Promise<{ ok: true } | { ok: false; code: string }>;
  hide(field: string): void;
}

/** Props of one field. */
export interface FieldEditorProps {
  caseId: string;
  field: AnyField;
  serverValue: FieldValue;
  draft: FieldDraft | undefined;
  /** The full value, while a masked field is revealed. */
  revealed: string | undefined;
  masked: boolean;
  /** A problem found when confirmation was asked for. */
  problem: FieldIssue | undefined;
  fromCard: boolean;
  flagged: boolean;
  readOnly: boolean;
  actions: FieldActions;
}

/** The sentence for a problem: this side's own sentence for a value it refused, else the code's. */
function useProblemText(draft: FieldDraft | undefined, problem: FieldIssue | undefined): string | null {
  const caseErr = useCaseErr();
  // A conflict resolves by itself (its mark says so); a diverged field shows both values instead.
  if (draft?.phase === 'conflict' || draft?.phase === 'diverged') return null;
  if (draft?.problem) return draft.phase === 'invalid' ? draft.problem.message : caseErr(draft.problem.code);
  return problem?.message ?? null;
}

/** One field, any kind. */
export function FieldEditor(props: FieldEditorProps) {
  const {
    caseId,
    field,
    serverValue,
    draft,
    revealed,
    masked,
    problem,
    fromCard,
    flagged,
    readOnly,
    actions,
  } = props;
  const { t, locale } = useI18n();
  const caseErr = useCaseErr();
  const [revealError, setRevealError] = useState<string | null>(null);
  const id = `f-${caseId}-${field.id}`;
  const problemText = useProblemText(draft, problem);
  const lockedMasked = masked && revealed === undefined && !draft;
  const value = draft ? draft.value : revealed !== undefined ? revealed : serverValue;
  const wide = field.kind === 'group' || field.kind === 'address';
  const describedBy = [problemText && `${id}-problem`, field.hint && `${id}-hint`].filter(Boolean).join(' ');

  async function reveal() {
    setRevealError(null);
    const r = await actions.reveal(field.id);
    if (!r.ok) setRevealError(caseErr(r.code));
  }

  const label = (
    <>
      {local(field.label, locale)}
      {field.required && (
        <span className="fe-required" aria-label={t('form.required')}>
          *
        </span>
      )}
    </>
  );

  return (
    <div
      className={`fe ${wide ? 'fe-wide' : ''} ${flagged ? 'fe-flagged' : ''} ${problemText ? 'fe-bad' : ''}`}
      data-field-id={field.id}
    >
      <div className="fe-head">
        {field.kind === 'yesNo' || field.kind === 'group' ? (
          <span className="fe-label" id={`${id}-label`}>
            {label}
          </span>
        ) : (
          <label className="fe-label" id={`${id}-label`} htmlFor={id}>
            {label}
          </label>
        )}
        {fromCard && !draft && <span className="mark mark-card">{t('form.fromCard')}</span>}
        {flagged && (
          <span className="mark mark-flag" data-testid={`field-flag-${field.id}`} role="status">
            {t('form.flagged')}
          </span>
        )}
        {draft?.phase === 'sending' && <span className="mark mark-saving">{t('form.saving')}</span>}
        {draft?.phase === 'conflict' && <span className="mark mark-saving">{t('form.resending')}</span>}
        {(draft?.phase === 'invalid' || draft?.phase === 'refused') && (
          <span className="mark mark-unsaved">{t('form.unsaved')}</span>
        )}
      </div>
      {field.kind === 'group' ? (
        <GroupEditor
          field={field}
          id={id}
          value={value}
          readOnly={readOnly}
          onChange={(v, immediate) => actions.edit(field.id, v, immediate)}
          onCommit={() => actions.commit(field.id)}
        />
      ) : (
        <div className="fe-control">
          <LeafInput
            field={field}
            id={id}
            testId={`field-${field.id}`}
            value={value}
            invalid={Boolean(problemText)}
            readOnly={readOnly || lockedMasked}
            describedBy={describedBy || undefined}
            onChange={(v, immediate) => actions.edit(field.id, v, immediate)}
            onCommit={() => actions.commit(field.id)}
          />
          {masked && !readOnly && (
            <button
              type="button"
              className="btn btn-secondary fe-side"
              data-testid={`reveal-${field.id}`}
              onClick={() => (revealed === undefined ? void reveal() : actions.hide(field.id))}
            >
              {revealed === undefined ? t('form.reveal') : t('call.hide')}
            </button>
          )}
        </div>
      )}
      {revealed !== undefined && <p className="fe-note">{t('form.revealedNote')}</p>}
      {revealError && <p className="fe-problem">{revealError}</p>}
      {problemText && (
        <p className="fe-problem" id={`${id}-problem`} data-testid={`field-problem-${field.id}`}>
          {problemText}
        </p>
      )}
      {(draft?.phase === 'diverged' || draft?.phase === 'refused') && (
        <div className="fe-conflict" data-testid={`field-conflict-${field.id}`}>
          {draft.phase === 'diverged' && (
            <span>{t('form.serverHas', { value: formatValue(field, draft.serverValue, locale) })}</span>
          )}
          {draft.phase === 'diverged' && (
            <button type="button" className="btn btn-secondary" onClick={() => actions.keepMine(field.id)}>
              {t('form.keepMine')}
            </button>
          )}
          <button type="button" className="btn btn-ghost" onClick={() => actions.drop(field.id)}>
            {draft.phase === 'diverged' ? t('form.takeServer') : t('form.dropEdit')}
          </button>
        </div>
      )}
      {field.hint && (
        <p className="fe-hint" id={`${id}-hint`}>
          {local(field.hint, locale)}
        </p>
      )}
    </div>
  );
}
