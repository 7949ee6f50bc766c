/**
 * The kiosk's display layout (issue 9 #8): one display that the video and the touch screens share
 * (`single`, the default), or the dual-screen machine (双屏一体机) with the agent's video on one
 * display and the touch screens on the other. Displays are named in the configuration by where
 * they are (`upper`, `lower`), by the system's `primary`, by their place in Electron's
 * `screen.getAllDisplays()` list (`index:0`, `index:1`, ...) or by Electron's display id (`id:N`).
 */

/** A display as the configuration names it. */
export type DisplaySelector =
  | { kind: 'upper' }
  | { kind: 'lower' }
  | { kind: 'primary' }
  | { kind: 'index'; index: number }
  | { kind: 'id'; id: number };

/** One window on one display, or the video and the touch screens each on its own display. */
export type DisplayLayout =
  { layout: 'single' } | { layout: 'dual'; video: DisplaySelector; touch: DisplaySelector };

/** The layouts the configuration accepts. */
export const DISPLAY_LAYOUTS = ['single', 'dual'] as const;

/** The words a technician may write for a display, for error sentences. */
export const DISPLAY_SELECTOR_FORMS = 'upper, lower, primary, index:N or id:N';

/** The default layout: one window on the primary display. */
export const SINGLE_LAYOUT: DisplayLayout = { layout: 'single' };

/** Reads `upper`, `lower`, `primary`, `index:N` or `id:N` (case-insensitive); null for anything else. */
export function parseDisplaySelector(text: string): DisplaySelector | null {
  const value = text.trim().toLowerCase();
  if (value === 'upper' || value === 'lower' || value === 'primary') return { kind: value };
  const numbered = /^(index|id):(\d{1,15})$/.exec(value);
  if (!numbered) return null;
  const n = Number(numbered[2]);
  return numbered[1] === 'index' ? { kind: 'index', index: n } : { kind: 'id', id: n };
}

/** The selector as the configuration writes it (for logs and error sentences). */
export function formatDisplaySelector(selector: DisplaySelector): string {
  switch (selector.kind) {
    case 'index':
      return `index:${selector.index}`;
    case 'id':
      return `id:${selector.id}`;
    default:
      return selector.kind;
  }
}

/** True when two selectors name the same display whatever is connected. */
export function sameSelector(a: DisplaySelector, b: DisplaySelector): boolean {
  return formatDisplaySelector(a) === formatDisplaySelector(b);
}
