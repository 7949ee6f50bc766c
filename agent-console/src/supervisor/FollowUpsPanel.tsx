/**
 * Follow-ups of low ratings (差评回访): every 不满意 or 非常不满意 opens one, and a supervisor closes
 * it with a note saying what was done. Open ones first; a case number opens that case's read-back.
 */
import { useCallback, useState } from 'react';
import { LOW_RATING_REASON_LABELS, RATING_LABELS, type FollowUp } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { closeFollowUp, listFollowUps } from '../lib/api';
import { formatDateTime } from '../ui/time';
import { useAdminList } from '../admin/use-admin-list';
import { useAdminSubmit } from '../admin/use-admin-submit';
import { closingNoteProblem } from './follow-up-rules';
import { useDirectory } from './use-directory';

type Filter = 'open' | 'closed' | 'all';

/** Props of the follow-up list. */
export interface FollowUpsPanelProps {
  token: string;
  onFailure(error: unknown): string;
  /** Shows a case by its number. */
  onOpenCase(number: string): void;
}

function CloseForm({
  item,
  token,
  onFailure,
  onClosed,
  onCancel,
}: {
  item: FollowUp;
  token: string;
  onFailure(error: unknown): string;
  onClosed(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { saving, problem, setProblem, run } = useAdminSubmit(onFailure);

  async function submit() {
    const issue = closingNoteProblem(note);
    if (issue) {
      setProblem(t(`followUps.note.${issue}`));
      return;
    }
    await run(async () => {
      await closeFollowUp(token, item.id, note.trim());
      onClosed();
    });
  }

  return (
    <div className="fu-close" data-testid="follow-up-close-form">
      <label className="field">
        <span>{t('followUps.noteLabel')}</span>
        <textarea
          data-testid="follow-up-note"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {problem && <p className="form-error">{problem}</p>}
      <div className="fu-close-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="follow-up-submit"
          disabled={saving}
          onClick={() => void submit()}
        >
          {saving ? t('admin.saving') : t('followUps.close')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('followUps.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The follow-ups, filterable by open / closed / all, each closable with a note. */
export function FollowUpsPanel({ token, onFailure, onOpenCase }: FollowUpsPanelProps) {
  const { t, err, locale } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const load = useCallback((tok: string) => listFollowUps(tok, filter), [filter]);
  const list = useAdminList(load, token, onFailure);
  const [closing, setClosing] = useState<string | null>(null);
  const names = useDirectory(token);

  return (
    <section className="panel sv-panel" aria-labelledby="follow-ups-heading" data-testid="follow-ups">
      <div className="panel-head">
        <h2 id="follow-ups-heading">{t('followUps.heading')}</h2>
        <div className="chips" role="group" aria-label={t('followUps.filter')}>
          {(['open', 'closed', 'all'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className={`chip ${filter === f ? 'chip-on' : ''}`}
              aria-pressed={filter === f}
              data-testid={`follow-ups-${f}`}
              onClick={() => setFilter(f)}
            >
              {t(`followUps.filter.${f}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="sv-intro">{t('followUps.intro')}</p>
      {list.errorCode && (
        <p className="form-error">{t('admin.loadFailed', { reason: err(list.errorCode) })}</p>
      )}
      {list.items?.length === 0 && <p className="sv-empty">{t(`followUps.none.${filter}`)}</p>}
      <ul className="fu-list">
        {list.items?.map((f) => (
          <li
            key={f.id}
            className={`fu ${f.closedAt ? 'fu-closed' : ''}`}
            data-testid="follow-up"
            data-id={f.id}
          >
            <div className="fu-main">
              <span className={`fu-level fu-level-${f.level}`}>{local(RATING_LABELS[f.level], locale)}</span>
              <span className="fu-time">{formatDateTime(f.openedAt)}</span>
              <span className="fu-cases">
                {f.caseNumbers.map((n) => (
                  <button key={n} type="button" className="link mono" onClick={() => onOpenCase(n)}>
                    {n}
                  </button>
                ))}
                {f.caseNumbers.length === 0 && <span className="muted">{t('followUps.noCase')}</span>}
              </span>
              <span className="fu-agent">{t('followUps.agent', { agent: names.agent(f.agentId) })}</span>
            </div>
            {f.reasons.length > 0 && (
              <p className="fu-reasons">
                {f.reasons.map((r) => local(LOW_RATING_REASON_LABELS[r], locale)).join('、')}
              </p>
            )}
            {f.staffNote && <p className="fu-note">{t('followUps.staffNote', { note: f.staffNote })}</p>}
            {f.closedAt ? (
              <p className="fu-done">
                {t('followUps.closedBy', {
                  when: formatDateTime(f.closedAt),
                  who: f.closedBy ? names.agent(f.closedBy) : '',
                })}{' '}
                {f.closingNote}
              </p>
            ) : closing === f.id ? (
              <CloseForm
                item={f}
                token={token}
                onFailure={onFailure}
                onClosed={() => {
                  setClosing(null);
                  list.reload();
                }}
                onCancel={() => setClosing(null)}
              />
            ) : (
              <button
                type="button"
                className="btn btn-secondary"
                data-testid="follow-up-close"
                onClick={() => setClosing(f.id)}
              >
                {t('followUps.closeOpen')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
