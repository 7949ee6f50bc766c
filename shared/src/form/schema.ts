/**
 * zod schemas for a form's VALUES, built from the catalogue's field descriptions. Their output is
 * the normalised value; each refusal is a custom issue whose `params.fieldCode` is the stable code.
 */
import { z } from 'zod';
import { FieldErrorCode, defaultFieldMessages } from './codes';
import type { AnyField, FieldValue, FormValues, ValidateOptions } from './types';
import { validateField } from './validate';

/** The `params` a refusal issue carries. */
export interface FieldIssueParams {
  fieldCode: FieldErrorCode;
}

/** The schema of one field's value (input: anything; output: the normalised value; absent means empty). */
export function valueSchemaOf(
  field: AnyField,
  options: ValidateOptions = {},
): z.ZodType<FieldValue, unknown> {
  return z.unknown().transform((raw, ctx): FieldValue => {
    const r = validateField(field, raw, options);
    if (r.ok) return r.value;
    const params: FieldIssueParams = { fieldCode: r.code };
    // The issue's path is relative to this value; the field id itself is the key in formValueSchema.
    ctx.addIssue({ code: 'custom', message: r.message, params, path: r.path.slice(1) });
    return z.NEVER;
  });
}

/** The schema of a whole form's values: every field checked (absent means empty), unknown ids refused. */
export function formValueSchema(
  fields: readonly AnyField[],
  options: ValidateOptions = {},
): z.ZodType<FormValues, unknown> {
  const known = new Set(fields.map((f) => f.id));
  return z.record(z.string(), z.unknown()).transform((raw, ctx): FormValues => {
    const out: FormValues = {};
    for (const id of Object.keys(raw)) {
      if (known.has(id)) continue;
      const message =
        options.locale === 'en'
          ? defaultFieldMessages.FIELD_UNKNOWN.en
          : defaultFieldMessages.FIELD_UNKNOWN.zh;
      const params: FieldIssueParams = { fieldCode: FieldErrorCode.UnknownField };
      ctx.addIssue({ code: 'custom', message, params, path: [id] });
    }
    for (const f of fields) {
      const r = validateField(f, raw[f.id], options);
      if (r.ok) out[f.id] = r.value;
      else ctx.addIssue({ code: 'custom', message: r.message, params: { fieldCode: r.code }, path: r.path });
    }
    return out;
  });
}

/** The stable field code of a zod issue raised by these schemas, if it is one. */
export function fieldCodeOf(issue: z.core.$ZodIssue): FieldErrorCode | undefined {
  if (issue.code !== 'custom') return undefined;
  const params = issue.params as Partial<FieldIssueParams> | undefined;
  return params?.fieldCode;
}
