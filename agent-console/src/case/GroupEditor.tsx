/**
 * A repeatable group (e.g. each child): one row per entry with its sub-fields, a remove button per
 * entry and an add button up to the group's maximum. The whole group is one value: typing in an
 * entry is throttled like any text, adding and removing are sent at once.
 */
import type { FieldDescription, GroupEntry, LeafFieldDescription } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { LeafInput } from './LeafInput';

/** Props of a group. */
export interface GroupEditorProps {
  field: Extract<FieldDescription, { kind: 'group' }>;
  id: string;
  value: unknown;
  readOnly: boolean;
  onChange(value: GroupEntry[], immediate?: boolean): void;
  onCommit(): void;
}

function entriesOf(value: unknown): GroupEntry[] {
  return Array.isArray(value) ? (value as GroupEntry[]) : [];
}

function emptyEntry(fields: readonly LeafFieldDescription[]): GroupEntry {
  return Object.fromEntries(fields.map((f) => [f.id, null]));
}

/** The entries of one group. */
export function GroupEditor({ field, id, value, readOnly, onChange, onCommit }: GroupEditorProps) {
  const { t, locale } = useI18n();
  const entries = entriesOf(value);

  function setSub(index: number, sub: string, v: unknown, immediate?: boolean) {
    const next = entries.map((e, i) => (i === index ? { ...e, [sub]: v as GroupEntry[string] } : e));
    onChange(next, immediate);
  }

  return (
    <div className="group" role="group" aria-labelledby={`${id}-label`} data-testid={`field-${field.id}`}>
      {entries.length === 0 && <p className="group-empty">{t('form.groupEmpty')}</p>}
      {entries.map((entry, i) => (
        <div className="group-entry" key={i} data-entry={i}>
          <span className="group-index" aria-hidden="true">
            {i + 1}
          </span>
          {field.fields.map((sub) => {
            const subId = `${id}-${i}-${sub.id}`;
            return (
              <div className="group-sub" key={sub.id}>
                <label className="group-sub-label" id={`${subId}-label`} htmlFor={subId}>
                  {local(sub.label, locale)}
                  {sub.required && <span className="fe-required">*</span>}
                </label>
                <LeafInput
                  field={sub}
                  id={subId}
                  testId={`field-${field.id}-${i}-${sub.id}`}
                  value={entry[sub.id] ?? null}
                  invalid={false}
                  readOnly={readOnly}
                  onChange={(v, immediate) => setSub(i, sub.id, v, immediate)}
                  onCommit={onCommit}
                />
              </div>
            );
          })}
          {!readOnly && (
            <button
              type="button"
              className="btn btn-ghost group-remove"
              data-testid={`group-remove-${field.id}-${i}`}
              aria-label={t('form.removeEntryLabel', { n: i + 1 })}
              onClick={() =>
                onChange(
                  entries.filter((_, j) => j !== i),
                  true,
                )
              }
            >
              {t('form.removeEntry')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="btn btn-secondary group-add"
          data-testid={`group-add-${field.id}`}
          disabled={entries.length >= field.maxItems}
          onClick={() => onChange([...entries, emptyEntry(field.fields)], true)}
        >
          {t('form.addEntry', { label: local(field.label, locale) })}
        </button>
      )}
    </div>
  );
}
