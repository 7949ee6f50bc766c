/**
 * A form field as the resident reads and hears it (pure): its label, its value in words, and the
 * sentence its speaker button says, which is made of exactly what the row shows. Identity numbers
 * stay masked as the server sent them; digits are grouped so that speech reads them one group at a
 * time instead of as one huge number.
 */
import type { FieldDescription, FieldValue, LeafFieldDescription, Locale } from '@rvw/shared';
import { MONTHS_EN, t } from '../i18n';
import { local } from './cases';

type Leaf = string | number | boolean | null;

/** 1949-03-07 as 1949年3月7日 or 7 March 1949; anything else as written. */
export function dateText(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  return locale === 'en' ? `${d} ${MONTHS_EN[mo - 1] ?? mo} ${y}` : `${y}年${mo}月${d}日`;
}

/** A mobile number as 138 0013 8000; other numbers as written. */
export function phoneText(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}

/** An 18-character identity number as 310106 19490307 0021; a masked one exactly as received. */
export function idNumberText(id: string): string {
  return id.length === 18 && !id.includes('*') ? `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}` : id;
}

function leafText(field: LeafFieldDescription, value: Leaf, locale: Locale): string | null {
  if (value === null || value === '') return null;
  switch (field.kind) {
    case 'yesNo':
      return value === true ? t(locale, 'case.yes') : value === false ? t(locale, 'case.no') : String(value);
    case 'choice': {
      const option = field.options.find((o) => o.value === value);
      return option ? local(option.label, locale) : String(value);
    }
    case 'date':
      return dateText(String(value), locale);
    case 'phone':
      return phoneText(String(value));
    case 'idNumber':
      return idNumberText(String(value));
    default:
      return String(value);
  }
}

/** A field's label in the resident's language. */
export function fieldLabel(field: FieldDescription, locale: Locale): string {
  return local(field.label, locale);
}

/**
 * A field's value as lines of text (a group: one line per entry, "第1项：姓名 张三，关系 子女");
 * empty when nothing is filled in.
 */
export function fieldLines(field: FieldDescription, value: FieldValue | undefined, locale: Locale): string[] {
  if (field.kind !== 'group') {
    const text = Array.isArray(value) ? null : leafText(field, value ?? null, locale);
    return text === null ? [] : [text];
  }
  if (!Array.isArray(value)) return [];
  const sep = locale === 'en' ? ', ' : '，';
  return value.map((entry, i) => {
    const parts = field.fields
      .map((sub) => {
        const text = leafText(sub, entry[sub.id] ?? null, locale);
        return text === null ? null : `${local(sub.label, locale)} ${text}`;
      })
      .filter((p): p is string => p !== null);
    return `${t(locale, 'case.entry', { n: i + 1 })}${locale === 'en' ? ': ' : '：'}${parts.join(sep)}`;
  });
}

/**
 * What a field's speaker button says: its label, then its value (or "not filled in"); for a masked
 * number, that part of it is hidden rather than a string of stars. Each part is shown on the row.
 */
export function spokenFieldParts(
  field: FieldDescription,
  value: FieldValue | undefined,
  locale: Locale,
  masked: boolean,
): string[] {
  const label = fieldLabel(field, locale);
  if (masked) return [label, t(locale, 'case.masked')];
  const lines = fieldLines(field, value, locale);
  return [label, ...(lines.length ? lines : [t(locale, 'case.empty')])];
}
