/**
 * Stable codes of a refused field value and the default sentence for each, in both languages. A
 * catalogue field's own `validation.message` replaces the default for every code but REQUIRED.
 */
import type { LocalText } from '../catalogue/text';

/** Why a field value was refused. The values are stable: the protocol, tests and screens use them. */
export const FieldErrorCode = {
  /** A required field is empty. */
  Required: 'FIELD_REQUIRED',
  /** The value has the wrong shape (e.g. an object where text belongs). */
  WrongType: 'FIELD_WRONG_TYPE',
  /** Text does not match the field's pattern. */
  Pattern: 'FIELD_PATTERN',
  /** Text is shorter than minLength. */
  TooShort: 'FIELD_TOO_SHORT',
  /** Text is longer than maxLength (or the built-in cap). */
  TooLong: 'FIELD_TOO_LONG',
  /** Not a number. */
  NotANumber: 'FIELD_NOT_A_NUMBER',
  /** A whole number was asked for. */
  NotInteger: 'FIELD_NOT_INTEGER',
  /** Number below min. */
  TooSmall: 'FIELD_TOO_SMALL',
  /** Number above max. */
  TooLarge: 'FIELD_TOO_LARGE',
  /** Not a real calendar date written YYYY-MM-DD. */
  BadDate: 'FIELD_BAD_DATE',
  /** A date outside the field's min/max or outside 1900-01-01..2100-12-31. */
  DateOutOfRange: 'FIELD_DATE_OUT_OF_RANGE',
  /** Not one of the choice's options. */
  NotAnOption: 'FIELD_NOT_AN_OPTION',
  /** Neither a mainland mobile number nor a landline with its area code. */
  BadPhone: 'FIELD_BAD_PHONE',
  /** Not an identity number in any accepted shape. */
  BadIdNumber: 'FIELD_BAD_ID_NUMBER',
  /** An 18-character identity number whose GB 11643 check character is wrong. */
  IdCheckDigit: 'FIELD_ID_CHECK_DIGIT',
  /** A group has fewer entries than minItems. */
  TooFewItems: 'FIELD_TOO_FEW_ITEMS',
  /** A group has more entries than maxItems. */
  TooManyItems: 'FIELD_TOO_MANY_ITEMS',
  /** The form (or a group entry) has no field with this id. */
  UnknownField: 'FIELD_UNKNOWN',
} as const;
/** One of the stable field error codes. */
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

/** The default sentence for each code; `{label}` is replaced by the field's label. */
export const defaultFieldMessages: Readonly<Record<FieldErrorCode, LocalText>> = {
  FIELD_REQUIRED: { zh: '请填写“{label}”。', en: 'Please fill in "{label}".' },
  FIELD_WRONG_TYPE: { zh: '“{label}”的内容不对，请重新填写。', en: '"{label}" is not filled in correctly.' },
  FIELD_PATTERN: { zh: '“{label}”的格式不对。', en: '"{label}" is not in the right format.' },
  FIELD_TOO_SHORT: { zh: '“{label}”太短了。', en: '"{label}" is too short.' },
  FIELD_TOO_LONG: { zh: '“{label}”太长了。', en: '"{label}" is too long.' },
  FIELD_NOT_A_NUMBER: { zh: '“{label}”请填数字。', en: 'Please enter a number for "{label}".' },
  FIELD_NOT_INTEGER: { zh: '“{label}”请填整数。', en: 'Please enter a whole number for "{label}".' },
  FIELD_TOO_SMALL: { zh: '“{label}”的数字太小了。', en: '"{label}" is too small.' },
  FIELD_TOO_LARGE: { zh: '“{label}”的数字太大了。', en: '"{label}" is too large.' },
  FIELD_BAD_DATE: {
    zh: '“{label}”请填写正确的日期，例如 2024-01-31。',
    en: 'Please enter a real date for "{label}", such as 2024-01-31.',
  },
  FIELD_DATE_OUT_OF_RANGE: {
    zh: '“{label}”的日期不在允许的范围内。',
    en: 'The date for "{label}" is not allowed.',
  },
  FIELD_NOT_AN_OPTION: { zh: '请从列表中选择“{label}”。', en: 'Please choose "{label}" from the list.' },
  FIELD_BAD_PHONE: {
    zh: '“{label}”请填写11位手机号码，或带区号的固定电话。',
    en: 'Please enter an 11-digit mobile number, or a landline with its area code, for "{label}".',
  },
  FIELD_BAD_ID_NUMBER: { zh: '“{label}”不是有效的证件号码。', en: '"{label}" is not a valid ID number.' },
  FIELD_ID_CHECK_DIGIT: {
    zh: '“{label}”有一位数字不对，请核对证件。',
    en: 'One digit of "{label}" is wrong; please check the card.',
  },
  FIELD_TOO_FEW_ITEMS: { zh: '“{label}”填写的项数不够。', en: '"{label}" needs more entries.' },
  FIELD_TOO_MANY_ITEMS: { zh: '“{label}”填写的项数太多了。', en: '"{label}" has too many entries.' },
  FIELD_UNKNOWN: { zh: '表格中没有这一项。', en: 'The form has no such field.' },
};
