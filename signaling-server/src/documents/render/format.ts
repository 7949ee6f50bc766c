/** How values read on paper: masked names, dates in China's time, form values by their labels. */
import type { FieldDescription, LeafFieldDescription, Material } from '@rvw/shared';

/**
 * Masks a name for receipts and notices: 张*三 for three characters, 张* for two, the first and the
 * last kept for longer ones. Counts characters, not UTF-16 units (𪚥 is one character).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年12月07日 in China's time (UTC+8, no daylight saving), whatever the server's zone. */
export function formatDate(iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCFullYear()}年${pad(d.getUTCMonth() + 1)}月${pad(d.getUTCDate())}日`;
}

/** 2026年12月07日 14:05 in China's time. */
export function formatDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A calendar date (YYYY-MM-DD) as 2026年12月07日. */
export function formatCalendarDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : date;
}

/** What an empty field prints. */
export const EMPTY = '（未填写）';

/** One leaf value as printed: a choice by its label, yes/no in words, a date in Chinese. */
export function leafText(field: LeafFieldDescription, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  switch (field.kind) {
    case 'choice':
      return field.options.find((o) => o.value === value)?.label.zh ?? String(value);
    case 'yesNo':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'date':
      return typeof value === 'string' ? formatCalendarDate(value) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A group's entries as rows of printed cells (non-array values give no rows). */
export function groupRows(field: Extract<FieldDescription, { kind: 'group' }>, value: unknown): string[][] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    return field.fields.map((f) => leafText(f, e[f.id]));
  });
}

const FORM_WORDS: Record<Material['form'], string> = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件和复印件',
};

/** One material as a line: 户口簿（原件和复印件，2份；如适用）：note. */
export function materialText(m: Material): string {
  const parts = [FORM_WORDS[m.form]];
  if (m.count && m.count > 1) parts.push(`${m.count}份`);
  if (m.optional) parts.push('如适用');
  return `${m.name.zh}（${parts.join('，')}）${m.note ? `：${m.note.zh}` : ''}`;
}
