/** The renderer's one way out to the kiosk: the preload's bridge in Electron, the web bridge in a browser. */
import { BRIDGE_GLOBAL } from '@rvw/shared';
import type { KioskBridge } from '@rvw/shared';
import { createWebBridge } from './web-bridge';

/** `window.kioskBridge` when the preload (or a test) provided it; otherwise a web bridge to this page's origin. */
export function getBridge(): KioskBridge {
  const provided = (globalThis as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as
    KioskBridge | undefined;
  return provided ?? createWebBridge(globalThis.location.origin);
}
