/**
 * A field's value as a person reads it: a choice by its label, yes/no as words, a group's entries
 * one per line, empty as a dash. Used where a value is shown rather than edited (a conflict, the
 * read-back of a case).
 */
import type { AnyField, Locale } from '@rvw/shared';
import { local } from '../i18n/local-text';

/** The dash shown for an empty value. */
export const EMPTY_VALUE = '—';

const YES_NO: Record<Locale, [string, string]> = { 'zh-CN': ['是', '否'], en: ['Yes', 'No'] };

function leaf(field: AnyField | undefined, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  if (field?.kind === 'choice') {
    const option = field.options.find((o) => o.value === value);
    if (option) return local(option.label, locale);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The value of `field` in words; `field` may be unknown (a field id the item no longer has). */
export function formatValue(field: AnyField | undefined, value: unknown, locale: Locale): string {
  if (!Array.isArray(value)) return leaf(field, value, locale);
  if (value.length === 0) return EMPTY_VALUE;
  const subs = field?.kind === 'group' ? field.fields : [];
  return value
    .map((entry: unknown, i) => {
      const e = (entry ?? {}) as Record<string, unknown>;
      const parts = Object.keys(e).map((k) => {
        const sub = subs.find((f) => f.id === k);
        return `${sub ? local(sub.label, locale) : k}: ${leaf(sub, e[k], locale)}`;
      });
      return `${i + 1}. ${parts.join('；')}`;
    })
    .join('\n');
}

/** A typed or stored value as the text an input shows (empty for null). */
export function inputText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}
