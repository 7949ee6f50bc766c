/**
 * The DESCRIPTION of a form field as the catalogue files write it: kind, labels, required,
 * validation with a resident-readable message, and the identity attribute that prefills it.
 * The runtime validation of VALUES built from these descriptions lives in shared/src/form/.
 */
import { z } from 'zod';
import { LocalText } from './text';

/** The identity attributes an ID card carries and a field may be prefilled from. */
export const IdentityAttribute = z.enum([
  'name',
  'gender',
  'nation',
  'birthDate',
  'address',
  'idNumber',
  'issuer',
  'validity',
]);
export type IdentityAttribute = z.infer<typeof IdentityAttribute>;

/** Every field kind, in the order the catalogue README lists them. */
export const FIELD_KINDS = [
  'text',
  'number',
  'date',
  'choice',
  'phone',
  'address',
  'idNumber',
  'yesNo',
  'group',
] as const;
/** The kind of a field: how it is entered, shown and validated. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Which field kinds may hold each identity attribute (e.g. a birth date only fills a date). */
export const PREFILL_KINDS: Record<IdentityAttribute, readonly FieldKind[]> = {
  name: ['text'],
  gender: ['choice', 'text'],
  nation: ['text', 'choice'],
  birthDate: ['date'],
  address: ['address', 'text'],
  idNumber: ['idNumber'],
  issuer: ['text'],
  validity: ['text', 'date'],
};

const FieldId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,47}$/, { error: 'must be a camelCase name such as contactPhone' });

/** What every field has. `message` is what the resident reads when a value is refused. */
const base = {
  id: FieldId,
  label: LocalText,
  hint: LocalText.optional(),
  required: z.boolean().default(false),
  prefill: IdentityAttribute.optional(),
};

/** A check beyond "required", with the sentence the resident sees when it fails. */
const withMessage = { message: LocalText };

/** Free text; `pattern` is a JavaScript regular expression the whole value must match. */
export const TextField = z.strictObject({
  ...base,
  kind: z.literal('text'),
  validation: z
    .strictObject({
      ...withMessage,
      pattern: z.string().refine(isRegExp, { error: 'must be a valid regular expression' }).optional(),
      minLength: z.number().int().nonnegative().optional(),
      maxLength: z.number().int().positive().optional(),
    })
    .optional(),
});

/** A number, optionally whole, between min and max. */
export const NumberField = z.strictObject({
  ...base,
  kind: z.literal('number'),
  validation: z
    .strictObject({
      ...withMessage,
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
    })
    .optional(),
});

const IsoDateOrToday = z.union([
  z.literal('today'),
  z.iso.date({ error: 'must be a date like 2024-01-31 or today' }),
]);

/** A calendar date (YYYY-MM-DD); min/max are dates or `today`. */
export const DateField = z.strictObject({
  ...base,
  kind: z.literal('date'),
  validation: z
    .strictObject({ ...withMessage, min: IsoDateOrToday.optional(), max: IsoDateOrToday.optional() })
    .optional(),
});

/** One option of a choice: the stored value and what both languages show. */
export const ChoiceOption = z.strictObject({ value: z.string().min(1), label: LocalText });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** One of a fixed list of options. */
export const ChoiceField = z.strictObject({
  ...base,
  kind: z.literal('choice'),
  options: z.array(ChoiceOption).min(2, { error: 'needs at least two options' }),
  validation: z.strictObject(withMessage).optional(),
});

/** The simple kinds whose validation is built in (mobile or landline number, address, ID number, yes/no). */
const simple = (kind: 'phone' | 'address' | 'idNumber' | 'yesNo') =>
  z.strictObject({ ...base, kind: z.literal(kind), validation: z.strictObject(withMessage).optional() });

/** A mainland mobile or Shanghai landline number. */
export const PhoneField = simple('phone');
/** A postal address. */
export const AddressField = simple('address');
/** An identity-card number (checked with its GB 11643 check digit when it has 18 characters). */
export const IdNumberField = simple('idNumber');
/** Yes or no. */
export const YesNoField = simple('yesNo');

const leafVariants = [
  TextField,
  NumberField,
  DateField,
  ChoiceField,
  PhoneField,
  AddressField,
  IdNumberField,
  YesNoField,
] as const;

/** A field that is not a group: the only kind a group may contain. */
export const LeafFieldDescription = z.discriminatedUnion('kind', [...leafVariants]);
export type LeafFieldDescription = z.infer<typeof LeafFieldDescription>;

/** A repeatable group of fields (e.g. each child), entered minItems..maxItems times. */
export const GroupField = z
  .strictObject({
    ...base,
    kind: z.literal('group'),
    fields: z.array(LeafFieldDescription).min(1, { error: 'needs at least one field' }),
    minItems: z.number().int().nonnegative().default(0),
    maxItems: z.number().int().positive().max(20),
  })
  .superRefine((g, ctx) => {
    if (g.minItems > g.maxItems)
      ctx.addIssue({ code: 'custom', path: ['minItems'], message: 'must not be larger than maxItems' });
    if (g.prefill) ctx.addIssue({ code: 'custom', path: ['prefill'], message: 'is not allowed on a group' });
    checkUniqueIds(g.fields, ctx, ['fields']);
    checkPrefills(g.fields, ctx, ['fields']);
  });

/** The description of one form field, any kind. */
export const FieldDescription = z.discriminatedUnion('kind', [...leafVariants, GroupField]);
export type FieldDescription = z.infer<typeof FieldDescription>;

/** Refuses two fields with one id in the same list. */
export function checkUniqueIds(
  fields: readonly { id: string }[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (seen.has(f.id))
      ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `repeats the id "${f.id}"` });
    seen.add(f.id);
  });
}

/** Refuses a prefill whose attribute cannot fill the field's kind (e.g. birthDate into a phone). */
export function checkPrefills(
  fields: readonly { kind: FieldKind; prefill?: IdentityAttribute | undefined }[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  fields.forEach((f, i) => {
    if (f.prefill && !PREFILL_KINDS[f.prefill].includes(f.kind))
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'prefill'],
        message: `${f.prefill} cannot fill a ${f.kind} field (it fills ${PREFILL_KINDS[f.prefill].join(' or ')})`,
      });
    // The card's gender arrives as `male`/`female`; a choice without those values could not show it.
    const values =
      'options' in f && Array.isArray(f.options) ? f.options.map((o: { value: string }) => o.value) : [];
    if (f.prefill === 'gender' && f.kind === 'choice' && !['male', 'female'].every((v) => values.includes(v)))
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'options'],
        message: 'must include the values male and female to be prefilled from the gender on the card',
      });
  });
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
