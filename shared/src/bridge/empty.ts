import { z } from 'zod';

/** The empty request or answer: no fields, and no extra fields allowed. */
export const empty = z.object({}).strict();
/** The type of `empty`. */
export type EmptySchema = typeof empty;
