/**
 * The agent's dense form editor for one case: every field from the item's descriptions in two
 * columns, and the bar that asks the resident to confirm. Drafts, reveals and problems come from
 * the case store; the editor only renders them and forwards the agent's edits.
 */
import { useState } from 'react';
import type { AnyField } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { useCaseErr } from './case-error';
import type { CaseEntry } from './case-store';
import { FieldEditor, type FieldActions } from './FieldEditor';
import { confirmAction, flaggedFields, isOpen } from './form-status';

/** Props of the form editor. */
export interface FormEditorProps {
  entry: CaseEntry;
  fields: readonly AnyField[];
  actions: FieldActions;
  onRequestConfirm(): Promise<{ ok: true } | { ok: false; code: string }>;
}

/** The form of one case. */
export function FormEditor({ entry, fields, actions, onRequestConfirm }: FormEditorProps) {
  const { t } = useI18n();
  const err = useCaseErr();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { state, drafts, revealed, problems } = entry;
  const form = state.form;
  const open = isOpen(state);
  const flagged = new Set(flaggedFields(form));
  const action = confirmAction(form);

  async function requestConfirm() {
    setRefusal(null);
    const r = await onRequestConfirm();
    if (!r.ok) setRefusal(err(r.code));
  }

  return (
    <div className="form-editor">
      <div className="fe-grid" data-testid="form-editor">
        {fields.map((f) => (
          <FieldEditor
            key={f.id}
            caseId={state.caseId}
            field={f}
            serverValue={form.values[f.id] ?? null}
            draft={drafts[f.id]}
            revealed={revealed[f.id]}
            masked={form.maskedFields.includes(f.id)}
            problem={problems[f.id]}
            fromCard={form.fromCard.includes(f.id)}
            flagged={flagged.has(f.id)}
            readOnly={!open}
            actions={actions}
          />
        ))}
      </div>
      {open && (
        <div className="form-bar">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="request-confirm"
            disabled={entry.busy !== null || action === 'done'}
            onClick={() => void requestConfirm()}
          >
            {entry.busy === 'confirm'
              ? t('form.confirmAsking')
              : action === 'again'
                ? t('form.confirmAgain')
                : t('form.confirmAsk')}
          </button>
          <p className="form-bar-note" role="status">
            {refusal ?? t(`form.confirmNote.${action}`)}
          </p>
        </div>
      )}
    </div>
  );
}
