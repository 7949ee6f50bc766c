import { z } from 'zod';

/** A sentence or label in both languages the product speaks: zh-CN (the default) and English. */
export const LocalText = z.strictObject({
  zh: z.string().trim().min(1, { error: 'needs the Chinese text (zh)' }),
  en: z.string().trim().min(1, { error: 'needs the English text (en)' }),
});
export type LocalText = z.infer<typeof LocalText>;

/** A stable machine name: lower-case letters, digits and hyphens, starting with a letter. */
export const Slug = z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, {
  error: 'must be lower-case letters, digits and hyphens (e.g. ltci-assessment)',
});
