/** Bridge area "config": what the renderer needs to present itself. No URL, no credential. */
import { z } from 'zod';
import { empty } from './empty';
import type { EventSlice, InvokeSlice } from './spec';

/** zh-CN is the default; English is available. */
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * The renderer's runtime configuration. It carries neither the server URL nor the kiosk token:
 * the host owns the server connection and its credential (docs/architecture.md).
 */
export const KioskRuntimeConfig = z
  .object({
    /** Default language of the resident screens. */
    locale: Locale,
    /** True in the demo: the screen shows a panel to place a sample card on the simulated reader. */
    demo: z.boolean(),
    /**
     * The document camera (高拍仪): a part of its device label (as the browser lists it). Null: the
     * only camera, the face camera, serves (issue 10).
     */
    documentCamera: z.string().min(1).max(200).nullable().default(null),
    /**
     * `portable`: the door-to-door machine (上门办, issue 11 #10), a laptop with the reader beside it
     * rather than a kiosk with the reader below its screen; the screens word their hints for it.
     */
    profile: z.enum(['fixed', 'portable']).default('fixed'),
  })
  .strict();
export type KioskRuntimeConfig = z.infer<typeof KioskRuntimeConfig>;

/** Invoke channels of the config area. */
export const configInvokes = {
  /** The locale and demo flag the screens start from. */
  'config:get': { request: empty, response: KioskRuntimeConfig },
} as const satisfies InvokeSlice;

/** Event channels of the config area (none yet). */
export const configEvents = {} as const satisfies EventSlice;
