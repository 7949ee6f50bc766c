/**
 * The kiosk's windows (issue 9 #8): which part of the resident screens a page shows. The Electron
 * main opens one window per display and names its view in the page's URL; the renderer reads it.
 * `both`: one display shows everything (the default); `video`: the agent's video on the dual-screen
 * machine's upper display; `touch`: the forms and buttons on its touch screen.
 */

/** The views a kiosk page can show. */
export const KIOSK_VIEWS = ['both', 'video', 'touch'] as const;
/** One of the kiosk's views. */
export type KioskView = (typeof KIOSK_VIEWS)[number];

/** The query parameter that names the view, e.g. app://kiosk/index.html?view=video. */
export const KIOSK_VIEW_PARAM = 'view';

/** The view a page's query string names; `both` when it names none or an unknown one. */
export function kioskViewFrom(search: string): KioskView {
  const value = new URLSearchParams(search).get(KIOSK_VIEW_PARAM);
  return (KIOSK_VIEWS as readonly string[]).includes(value ?? '') ? (value as KioskView) : 'both';
}

/** `pageUrl` with the view's parameter set (other parameters kept). */
export function kioskViewUrl(pageUrl: string, view: KioskView): string {
  const url = new URL(pageUrl);
  url.searchParams.set(KIOSK_VIEW_PARAM, view);
  return url.toString();
}
