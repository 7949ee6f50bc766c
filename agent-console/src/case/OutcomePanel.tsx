/**
 * The outcome of a case: the five outcomes as buttons; for 办不成 and 转办 the reason and the next
 * step the resident will be told; an optional note for the record; and, apart, giving the case up
 * with a reason. The rules (outcome-rules.ts) say what is missing; the server's refusals are shown
 * as sentences.
 */
import { useState } from 'react';
import { CaseOutcome, OUTCOME_LABELS, type AbandonRecord, type OutcomeRecord } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { useCaseErr } from './case-error';
import { local } from '../i18n/local-text';
import type { CaseActionResult, CaseEntry } from './case-store';
import {
  abandonProblem,
  needsReasonAndNextStep,
  needsSignature,
  outcomeProblems,
  outcomeRecord,
  type OutcomeDraft,
} from './outcome-rules';
import { isSignedNow } from './form-status';

/** Props of the outcome panel. */
export interface OutcomePanelProps {
  entry: CaseEntry;
  hasForm: boolean;
  unsaved: boolean;
  onRecord(record: OutcomeRecord): Promise<CaseActionResult>;
  onAbandon(record: AbandonRecord): Promise<CaseActionResult>;
  onDiscardDrafts(): void;
  /** The agent typed: the draft is kept by the store, so switching cases loses nothing. */
  onDraft(patch: Partial<OutcomeDraft>): void;
}

/** The outcome panel of one open case. */
export function OutcomePanel({
  entry,
  hasForm,
  unsaved,
  onRecord,
  onAbandon,
  onDiscardDrafts,
  onDraft,
}: OutcomePanelProps) {
  const { t, locale } = useI18n();
  const err = useCaseErr();
  const draft = entry.outcomeDraft;
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [abandonReason, setAbandonReason] = useState('');
  const [abandonTried, setAbandonTried] = useState(false);
  const problems = outcomeProblems(draft, { hasForm, form: entry.state.form, unsaved });
  // Missing words show after a first try; a missing signature or unsaved edits show at once.
  const shown = problems.filter((p) => tried || p === 'not-signed' || p === 'unsaved');
  const required = needsReasonAndNextStep(draft.outcome);
  const set = onDraft;
  const abandonIssue = abandonProblem(abandonReason);

  async function record() {
    setTried(true);
    setRefusal(null);
    if (problems.length) return;
    const r = await onRecord(outcomeRecord(draft));
    if (!r.ok) setRefusal(err(r.code));
  }

  async function abandon() {
    setAbandonTried(true);
    setRefusal(null);
    if (abandonIssue) return;
    const r = await onAbandon({ reason: abandonReason.trim() });
    if (!r.ok) setRefusal(err(r.code));
  }

  return (
    <div className="outcome" data-testid="outcome-panel">
      <div className="outcome-choices" role="group" aria-label={t('outcome.choose')}>
        {CaseOutcome.options.map((o) => (
          <button
            key={o}
            type="button"
            className={`btn seg outcome-choice ${draft.outcome === o ? 'seg-on' : ''}`}
            aria-pressed={draft.outcome === o}
            data-testid={`outcome-${o}`}
            onClick={() => set({ outcome: o })}
          >
            {local(OUTCOME_LABELS[o], locale)}
            {needsSignature(o, hasForm) && !isSignedNow(entry.state.form) && (
              <span className="outcome-needs">{t('outcome.needsSignature')}</span>
            )}
          </button>
        ))}
      </div>
      {draft.outcome && <p className="outcome-explain">{t(`outcome.explain.${draft.outcome}`)}</p>}
      {required && (
        <>
          <label className="field">
            <span>{t('outcome.reason')}</span>
            <textarea
              data-testid="outcome-reason"
              rows={2}
              maxLength={500}
              value={draft.reason}
              aria-invalid={shown.some((p) => p.startsWith('reason')) || undefined}
              onChange={(e) => set({ reason: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('outcome.nextStep')}</span>
            <textarea
              data-testid="outcome-next-step"
              rows={2}
              maxLength={500}
              value={draft.nextStep}
              aria-invalid={shown.some((p) => p.startsWith('next')) || undefined}
              onChange={(e) => set({ nextStep: e.target.value })}
            />
          </label>
        </>
      )}
      {draft.outcome && (
        <label className="field">
          <span>{t('outcome.note')}</span>
          <textarea
            data-testid="outcome-note"
            rows={1}
            maxLength={1000}
            value={draft.note}
            onChange={(e) => set({ note: e.target.value })}
          />
        </label>
      )}
      {shown.length > 0 && (
        // The alert wraps the list: a list given role=alert would lose its items' list semantics.
        <div role="alert">
          <ul className="outcome-problems" data-testid="outcome-problems">
            {shown.map((p) => (
              <li key={p}>
                {t(`outcome.problem.${p}`)}
                {p === 'unsaved' && (
                  <button type="button" className="btn btn-ghost" onClick={onDiscardDrafts}>
                    {t('outcome.discardDrafts')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {refusal && (
        <p className="form-error" role="alert" data-testid="outcome-error">
          {refusal}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary outcome-record"
        data-testid="record-outcome"
        disabled={entry.busy !== null || !draft.outcome}
        onClick={() => void record()}
      >
        {entry.busy === 'outcome' ? t('outcome.recording') : t('outcome.record')}
      </button>
      <details className="abandon">
        <summary>{t('outcome.abandonOpen')}</summary>
        <p className="muted">{t('outcome.abandonNote')}</p>
        <label className="field">
          <span>{t('outcome.abandonReason')}</span>
          <textarea
            data-testid="abandon-reason"
            rows={2}
            maxLength={500}
            value={abandonReason}
            aria-invalid={(abandonTried && Boolean(abandonIssue)) || undefined}
            onChange={(e) => setAbandonReason(e.target.value)}
          />
        </label>
        {abandonTried && abandonIssue && <p className="form-error">{t(`outcome.problem.${abandonIssue}`)}</p>}
        <button
          type="button"
          className="btn btn-danger"
          data-testid="abandon-case"
          disabled={entry.busy !== null}
          onClick={() => void abandon()}
        >
          {entry.busy === 'abandon' ? t('outcome.abandoning') : t('outcome.abandon')}
        </button>
      </details>
    </div>
  );
}
