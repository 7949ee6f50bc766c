/** A button that asks first: the question, then Yes / Cancel in place (no browser dialog). */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** Props: the button's words, the question, the yes words, and what to do. */
export interface ConfirmButtonProps {
  label: string;
  question: string;
  yes: string;
  testId: string;
  danger?: boolean;
  disabled?: boolean;
  busy?: boolean;
  onConfirm(): void;
}

/** Asks `question` before `onConfirm`. */
export function ConfirmButton({
  label,
  question,
  yes,
  testId,
  danger,
  disabled,
  busy,
  onConfirm,
}: ConfirmButtonProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className={`btn ${danger ? 'btn-danger' : 'btn-secondary'}`}
        data-testid={testId}
        disabled={disabled}
        aria-busy={busy}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <div className="fleet-confirm" role="alertdialog" aria-label={label} data-testid={`${testId}-confirm`}>
      <p>{question}</p>
      <div className="fleet-confirm-actions">
        <button
          type="button"
          className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
          data-testid={`${testId}-yes`}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {yes}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setAsking(false)}>
          {t('fleet.diag.cancel')}
        </button>
      </div>
    </div>
  );
}
