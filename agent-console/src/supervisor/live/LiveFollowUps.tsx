/**
 * The low-rating follow-ups still open (every bad review gets an outcome): who was rated and why,
 * who follows it up, the notes so far; assign to a staff member of the centre, add a note, close
 * with what was done.
 */
import { useState } from 'react';
import { LOW_RATING_REASON_LABELS, RATING_LABELS, type Agent, type FollowUp } from '@rvw/shared';
import { local } from '../../i18n/local-text';
import { formatDateTime } from '../../ui/time';
import { textProblem } from './live-rules';
import type { LiveStore } from './live-store';
import { useLiveText } from './live-text';

type Form = { kind: 'note' | 'close'; text: string; problem: boolean } | null;

function Row({
  item,
  staff,
  store,
  working,
}: {
  item: FollowUp;
  staff: Agent[];
  store: LiveStore;
  working: boolean;
}) {
  const { locale, lt } = useLiveText();
  const [form, setForm] = useState<Form>(null);
  const nameOf = (id: string) => staff.find((a) => a.id === id)?.displayName ?? id;

  async function submit() {
    if (!form) return;
    if (textProblem(form.text)) {
      setForm({ ...form, problem: true });
      return;
    }
    const ok =
      form.kind === 'note' ? await store.note(item.id, form.text) : await store.close(item.id, form.text);
    if (ok) setForm(null);
  }

  return (
    <li className="live-fu" data-testid="live-followup-row" data-follow-up-id={item.id}>
      <div className="live-fu-head">
        <span className={`live-fu-level live-fu-${item.level}`}>
          {local(RATING_LABELS[item.level], locale)}
        </span>
        <span>{lt('followUps.agent', { name: nameOf(item.agentId) })}</span>
        {item.caseNumbers.length > 0 && (
          <span className="live-muted">{lt('followUps.case', { numbers: item.caseNumbers.join('、') })}</span>
        )}
        <span className="live-muted">{formatDateTime(item.openedAt)}</span>
      </div>
      {item.reasons.length > 0 && (
        <p className="live-fu-reasons">
          {item.reasons.map((r) => local(LOW_RATING_REASON_LABELS[r], locale)).join('；')}
        </p>
      )}
      {item.staffNote && <p className="live-fu-reasons">{item.staffNote}</p>}
      <div className="live-fu-actions">
        <label className="live-fu-assign">
          <span>{lt('followUps.assignTo')}</span>
          <select
            data-testid="followup-assign"
            value={item.assignedTo?.agentId ?? ''}
            disabled={working}
            onChange={(e) => {
              if (e.target.value) void store.assign(item.id, e.target.value);
            }}
          >
            <option value="">{item.assignedTo ? item.assignedTo.displayName : lt('followUps.choose')}</option>
            {staff
              .filter((a) => a.id !== item.assignedTo?.agentId)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
          </select>
        </label>
        <span className="live-muted" data-testid="followup-assignee">
          {item.assignedTo
            ? lt('followUps.assignedTo', { name: item.assignedTo.displayName })
            : lt('followUps.unassigned')}
        </span>
        <button
          type="button"
          className="btn"
          data-testid="followup-note"
          disabled={working}
          onClick={() => setForm({ kind: 'note', text: '', problem: false })}
        >
          {lt('followUps.note')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="followup-close"
          disabled={working}
          onClick={() => setForm({ kind: 'close', text: '', problem: false })}
        >
          {lt('followUps.close')}
        </button>
      </div>
      {item.notes.length > 0 && (
        <ol className="live-fu-notes">
          {item.notes.map((n, i) => (
            <li key={i} data-testid="followup-note-item">
              <span className="live-muted">
                {formatDateTime(n.at)} {nameOf(n.by)}：
              </span>
              {n.text}
            </li>
          ))}
        </ol>
      )}
      {form && (
        <div className="live-fu-form">
          <textarea
            data-testid={form.kind === 'note' ? 'followup-note-text' : 'followup-close-text'}
            value={form.text}
            rows={2}
            maxLength={2000}
            placeholder={lt(
              form.kind === 'note' ? 'followUps.notePlaceholder' : 'followUps.closePlaceholder',
            )}
            onChange={(e) => setForm({ ...form, text: e.target.value, problem: false })}
          />
          {form.problem && <p className="live-problem">{lt('followUps.textShort')}</p>}
          <button
            type="button"
            className="btn btn-primary"
            data-testid={form.kind === 'note' ? 'followup-note-save' : 'followup-close-confirm'}
            disabled={working}
            onClick={() => void submit()}
          >
            {lt(form.kind === 'note' ? 'followUps.noteSave' : 'followUps.close')}
          </button>
          <button type="button" className="btn" onClick={() => setForm(null)}>
            {lt('followUps.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/** Props of the follow-ups list. */
export interface LiveFollowUpsProps {
  followUps: FollowUp[];
  staff: Agent[];
  working: string | null;
  store: LiveStore;
}

/** The open follow-ups, oldest first. */
export function LiveFollowUps({ followUps, staff, working, store }: LiveFollowUpsProps) {
  const { lt } = useLiveText();
  return (
    <section className="live-card" aria-labelledby="live-fu-h">
      <h2 id="live-fu-h">{lt('followUps.heading')}</h2>
      {followUps.length === 0 ? (
        <p className="live-muted">{lt('followUps.none')}</p>
      ) : (
        <ul className="live-fus">
          {followUps.map((f) => (
            <Row key={f.id} item={f} staff={staff} store={store} working={working !== null} />
          ))}
        </ul>
      )}
    </section>
  );
}
