/** The schema of one catalogue item (事项): one YAML file under catalogue/ at the repo root. */
import { z } from 'zod';
import { EligibilityRule } from './eligibility';
import { FieldDescription, checkPrefills, checkUniqueIds } from './fields';
import { LocalText, Slug } from './text';

/** The categories the agent's search groups items by. */
export const CATEGORIES = {
  'elderly-care': { zh: '养老服务', en: 'Elderly care' },
  'medical-insurance': { zh: '医疗保障', en: 'Medical insurance' },
  residence: { zh: '居住登记', en: 'Residence' },
  disability: { zh: '残疾人服务', en: 'Services for the disabled' },
  'family-planning': { zh: '计划生育', en: 'Family planning' },
  consultation: { zh: '政策咨询', en: 'Consultation' },
} as const satisfies Record<string, LocalText>;

/** One of the keys of CATEGORIES. */
export const Category = z.enum(
  Object.keys(CATEGORIES) as [keyof typeof CATEGORIES, ...(keyof typeof CATEGORIES)[]],
);
export type Category = z.infer<typeof Category>;

/** One material the resident must bring (一次性告知). */
export const Material = z.strictObject({
  name: LocalText,
  /** Original, copy, or either; shown beside the name. */
  form: z.enum(['original', 'copy', 'original-and-copy']).default('original'),
  /** How many copies or photos, when more than one. */
  count: z.number().int().positive().optional(),
  /** Only some residents need it (e.g. only when someone applies on another's behalf). */
  optional: z.boolean().default(false),
  note: LocalText.optional(),
});
export type Material = z.infer<typeof Material>;

/** A document the item produces: a receipt on the spot, a notice later, a certificate. */
export const ProducedDocument = z.strictObject({
  id: Slug,
  kind: z.enum(['receipt', 'notice', 'certificate']),
  name: LocalText,
});
export type ProducedDocument = z.infer<typeof ProducedDocument>;

/** One catalogue item with its guide and the description of its form. */
export const CatalogueItem = z
  .strictObject({
    code: Slug,
    /** Raised whenever the content changes; a case records the version it was handled under. */
    version: z.number().int().positive(),
    name: LocalText,
    category: Category,
    skillGroup: Slug,
    summary: LocalText.optional(),
    consultationOnly: z.boolean().default(false),
    printOnly: z.boolean().default(false),
    /** The legal time limit for the centre to answer, as the guide states it. */
    processingTime: LocalText.optional(),
    materials: z.array(Material).default([]),
    conditions: z.array(LocalText).default([]),
    nextSteps: z.array(LocalText).min(1, { error: 'needs at least one next step the resident is told' }),
    documents: z.array(ProducedDocument).default([]),
    eligibility: EligibilityRule.optional(),
    form: z.strictObject({ fields: z.array(FieldDescription) }).default({ fields: [] }),
  })
  .superRefine((item, ctx) => {
    if (item.consultationOnly && item.printOnly)
      ctx.addIssue({ code: 'custom', path: ['printOnly'], message: 'cannot be true with consultationOnly' });
    if (item.consultationOnly && item.form.fields.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['form', 'fields'],
        message: 'must be empty for a consultation-only item',
      });
    if (item.printOnly && item.documents.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['documents'],
        message: 'must name the document a print-only item prints',
      });
    if (!item.consultationOnly && !item.printOnly && item.form.fields.length === 0)
      ctx.addIssue({ code: 'custom', path: ['form', 'fields'], message: 'needs at least one field' });
    checkUniqueIds(item.form.fields, ctx, ['form', 'fields']);
    checkPrefills(item.form.fields, ctx, ['form', 'fields']);
    const docIds = new Set<string>();
    item.documents.forEach((d, i) => {
      if (docIds.has(d.id))
        ctx.addIssue({ code: 'custom', path: ['documents', i, 'id'], message: `repeats the id "${d.id}"` });
      docIds.add(d.id);
    });
  });
/** A validated catalogue item (defaults applied). */
export type CatalogueItem = z.infer<typeof CatalogueItem>;
/** A catalogue item as written in its file, before defaults. */
export type CatalogueItemInput = z.input<typeof CatalogueItem>;
