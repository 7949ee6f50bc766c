/**
 * A case's values as the read-back shows them: each field by its label in words, identity numbers
 * masked unless the reader chose to see them (the read itself is recorded by the server).
 */
import { maskIdNumber, type AnyField, type Locale } from '@rvw/shared';
import { formatValue } from '../case/format-value';

/** The value of `fieldId` in words; an identity number is masked unless `showIds`. */
export function readBackValue(
  fields: readonly AnyField[],
  fieldId: string,
  value: unknown,
  locale: Locale,
  showIds: boolean,
): string {
  const field = fields.find((f) => f.id === fieldId);
  if (field?.kind === 'idNumber' && typeof value === 'string' && !showIds) return maskIdNumber(value);
  return formatValue(field, value, locale);
}
