/** The values a form holds, as they travel and are stored: plain JSON, one entry per field id. */
import type { FieldDescription, LeafFieldDescription } from '../catalogue/fields';

/** One leaf field's value: text, a number, a yes/no, or null when empty. */
export type LeafValue = string | number | boolean | null;
/** One entry of a repeatable group: a value per sub-field id. */
export type GroupEntry = Record<string, LeafValue>;
/** A field's value: a leaf value, or a group's entries in order. */
export type FieldValue = LeafValue | GroupEntry[];
/** A form's values by field id. */
export type FormValues = Record<string, FieldValue>;

/** A field description of any kind (the catalogue's parsed type). */
export type AnyField = FieldDescription | LeafFieldDescription;

/** What validation may need besides the field: the resident's language and the clock (`today`). */
export interface ValidateOptions {
  /** Language of the message; default zh-CN. */
  locale?: 'zh-CN' | 'en';
  /** The moment that `today` in a date's min/max means; default now. */
  now?: Date;
}
