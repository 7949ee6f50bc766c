/**
 * The transfer dialog: choose a colleague (only available ones can be chosen; the others are greyed
 * with their status) or a skill group (with how many are online), blind or consulted, an optional
 * hand-over note, then 转接. Skill groups take only a blind transfer.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { skillName, type TransferMode, type TransferOption } from '@rvw/shared';
import { optionId, selectable, statusKey } from './transfer-rules';
import type { TransferRequest, TransferSnapshot } from './transfer-store';
import { useTransferText } from './transfer-text';

/** Props of the dialog. */
export interface TransferDialogProps {
  sessionId: string;
  snapshot: TransferSnapshot;
  /** The agent's own centre: others' agents show their centre. */
  ownCentreId: string;
  /** A centre's name by id (the console's directory); default the id. */
  centreName?(centreId: string): string;
  onReload(): void;
  onStart(request: TransferRequest): Promise<boolean>;
  onClose(): void;
}

/** The modal dialog of one transfer. */
export function TransferDialog(props: TransferDialogProps) {
  const { sessionId, snapshot, ownCentreId, centreName = (id) => id, onReload, onStart, onClose } = props;
  const { locale, tt, reason } = useTransferText();
  const [mode, setMode] = useState<TransferMode>('blind');
  const [chosen, setChosen] = useState<TransferOption | null>(null);
  const [note, setNote] = useState('');
  const titleId = useId();
  const noteId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  // A skill group chosen for a blind transfer is no longer allowed once "talk first" is picked.
  const target = chosen && selectable(chosen, mode) ? chosen : null;
  const agents = (snapshot.options ?? []).filter((o) => o.kind === 'agent');
  const skills = (snapshot.options ?? []).filter((o) => o.kind === 'skill');

  const start = async () => {
    if (!target) return;
    const ok = await onStart({
      sessionId,
      mode,
      target:
        target.kind === 'agent'
          ? { kind: 'agent', agentId: target.agentId }
          : { kind: 'skill', skill: target.skill },
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (ok) onClose();
  };

  const optionButton = (o: TransferOption) => {
    const id = optionId(o);
    const can = selectable(o, mode);
    const picked = target !== null && optionId(target) === id && target.kind === o.kind;
    let label: string;
    let detail: string;
    if (o.kind === 'agent') {
      label = o.displayName;
      detail = tt(statusKey(o));
      if (o.centreId !== ownCentreId) detail += ` · ${centreName(o.centreId)}`;
    } else {
      label = tt('transfer.skillGroup', { skill: skillName(o.skill)[locale === 'en' ? 'en' : 'zh'] });
      detail =
        o.agentsOnline > 0
          ? tt('transfer.agentsOnline', { count: o.agentsOnline })
          : tt('transfer.noneOnline');
    }
    return (
      <li key={`${o.kind}:${id}`}>
        <button
          type="button"
          role="radio"
          aria-checked={picked}
          className={`transfer-option${picked ? ' transfer-option-picked' : ''}`}
          data-testid="transfer-option"
          data-kind={o.kind}
          data-id={id}
          disabled={!can}
          onClick={() => setChosen(o)}
        >
          <span className="transfer-option-name">{label}</span>
          <span className="transfer-option-detail">{detail}</span>
        </button>
      </li>
    );
  };

  return (
    <div className="transfer-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <section className="transfer-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="transfer-title">
          {tt('transfer.title')}
        </h2>
        <fieldset className="transfer-modes">
          <legend>{tt('transfer.mode')}</legend>
          {(['blind', 'consulted'] as const).map((m) => (
            <label key={m} className={`transfer-mode${mode === m ? ' transfer-mode-picked' : ''}`}>
              <input
                type="radio"
                name="transfer-mode"
                data-testid={`transfer-mode-${m}`}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <span>
                <strong>{tt(`transfer.mode.${m}`)}</strong>
                <span className="transfer-hint">{tt(`transfer.mode.${m}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {snapshot.optionsLoading && <p className="transfer-hint">{tt('transfer.loading')}</p>}
        {snapshot.optionsError && (
          <p className="transfer-error" role="alert">
            {tt('transfer.loadFailed', { reason: reason(snapshot.optionsError) })}{' '}
            <button type="button" className="btn btn-secondary" onClick={onReload}>
              {tt('transfer.retry')}
            </button>
          </p>
        )}
        {snapshot.options && (
          <div className="transfer-lists">
            <div>
              <h3>{tt('transfer.agents')}</h3>
              <ul className="transfer-list" role="radiogroup" aria-label={tt('transfer.agents')}>
                {agents.map(optionButton)}
              </ul>
            </div>
            <div>
              <h3>{tt('transfer.skills')}</h3>
              {mode === 'consulted' && <p className="transfer-hint">{tt('transfer.consultedNeedsAgent')}</p>}
              <ul className="transfer-list" role="radiogroup" aria-label={tt('transfer.skills')}>
                {skills.map(optionButton)}
              </ul>
            </div>
          </div>
        )}
        <label htmlFor={noteId} className="transfer-note-label">
          {tt('transfer.note')}
        </label>
        <textarea
          id={noteId}
          className="transfer-note"
          data-testid="transfer-note"
          maxLength={500}
          rows={2}
          value={note}
          placeholder={tt('transfer.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        {snapshot.error && (
          <p className="transfer-error" role="alert" data-testid="transfer-error">
            {tt('transfer.refused', { reason: reason(snapshot.error) })}
          </p>
        )}
        {!target && snapshot.options && <p className="transfer-hint">{tt('transfer.choose')}</p>}
        <div className="transfer-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="transfer-start"
            disabled={!target || snapshot.busy}
            aria-busy={snapshot.busy}
            onClick={() => void start()}
          >
            {tt('transfer.start')}
          </button>
          <button ref={closeRef} type="button" className="btn btn-secondary" onClick={onClose}>
            {tt('transfer.close')}
          </button>
        </div>
      </section>
    </div>
  );
}
