/**
 * The control of one non-group field, by kind: a text box (text, number, date, phone, address,
 * identity number), a list (choice) or two buttons (yes/no). Typing reports `onChange(value)`;
 * a pick reports `onChange(value, true)` to be sent at once; blur and Enter report `onCommit`.
 */
import type { LeafFieldDescription } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { inputText } from './format-value';

/** Props of a leaf control. */
export interface LeafInputProps {
  field: LeafFieldDescription;
  id: string;
  testId: string;
  value: unknown;
  invalid: boolean;
  readOnly: boolean;
  /** Ids of the elements that describe the control (its problem, hint). */
  describedBy?: string;
  onChange(value: unknown, immediate?: boolean): void;
  onCommit(): void;
}

const INPUT_MODE: Partial<Record<LeafFieldDescription['kind'], 'tel' | 'decimal' | 'numeric'>> = {
  phone: 'tel',
  number: 'decimal',
};

/** One field's control. */
export function LeafInput(props: LeafInputProps) {
  const { field, id, testId, value, invalid, readOnly, describedBy, onChange, onCommit } = props;
  const { t, locale } = useI18n();
  const common = {
    id,
    'data-testid': testId,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
  };

  if (field.kind === 'yesNo') {
    // A group takes no aria-required or aria-invalid: the label says required, the problem is described.
    return (
      <div
        className="yesno"
        role="group"
        id={id}
        data-testid={testId}
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
      >
        {[true, false].map((v) => (
          <button
            key={String(v)}
            type="button"
            className={`btn seg ${value === v ? 'seg-on' : ''}`}
            aria-pressed={value === v}
            data-value={String(v)}
            disabled={readOnly}
            onClick={() => onChange(value === v ? null : v, true)}
          >
            {v ? t('form.yes') : t('form.no')}
          </button>
        ))}
      </div>
    );
  }

  if (field.kind === 'choice') {
    return (
      <select
        {...common}
        value={inputText(value)}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value, true)}
      >
        <option value="">{t('form.choose')}</option>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {local(o.label, locale)}
          </option>
        ))}
      </select>
    );
  }

  return (
    <input
      {...common}
      type="text"
      autoComplete="off"
      spellCheck={false}
      inputMode={INPUT_MODE[field.kind]}
      placeholder={field.kind === 'date' && !readOnly ? t('form.datePlaceholder') : undefined}
      className={field.kind === 'idNumber' || field.kind === 'phone' ? 'mono' : undefined}
      value={inputText(value)}
      readOnly={readOnly}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onCommit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onCommit();
      }}
    />
  );
}
