/**
 * The document camera's steps on the console (issue 10), and the kiosk's upload route called
 * directly for the refusals. Playwright's waits only (no vitest expect).
 */
import type { Page } from 'playwright-core';
import type { CaseRig } from './case-flows';

/**
 * An init script for the console page: records every `material:state` frame the socket receives
 * (request id and state) in `window.__rvwMaterials`, without touching the application.
 */
export const materialProbe = `(() => {
  window.__rvwMaterials = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.includes('"material:state"')) return;
        try {
          const [, payload] = JSON.parse(e.data.slice(e.data.indexOf('[')));
          window.__rvwMaterials.push({ requestId: payload.requestId, state: payload.state });
        } catch {}
      });
    }
  };
})();`;

/** The material:state frames the console received so far (needs materialProbe). */
export function materialFrames(consolePage: Page): Promise<Array<{ requestId: string; state: string }>> {
  return consolePage.evaluate(
    () =>
      (window as unknown as { __rvwMaterials?: Array<{ requestId: string; state: string }> })
        .__rvwMaterials ?? [],
  );
}

/** The agent types the material's name and asks; resolves when the kiosk's question is out (asked). */
export async function askForMaterial(consolePage: Page, label: string): Promise<void> {
  await consolePage.getByTestId('material-label').fill(label);
  await consolePage.getByTestId('material-request').click();
  await consolePage.locator('[data-testid=material-state][data-state=asked]').waitFor();
}

/**
 * Waits until the console shows `count` thumbnails, each image loaded (natural width above 0);
 * resolves with their material ids.
 */
export async function thumbnails(consolePage: Page, count: number, timeout = 15_000): Promise<string[]> {
  await consolePage.waitForFunction(
    (n) => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('[data-testid="material-thumb"]')];
      return imgs.length === n && imgs.every((img) => img.complete && img.naturalWidth > 0);
    },
    count,
    { timeout },
  );
  return consolePage.evaluate(() =>
    [...document.querySelectorAll('[data-testid="material-thumb"]')].map(
      (img) => img.getAttribute('data-material-id') ?? '',
    ),
  );
}

/** POSTs `body` as the kiosk (its own credential) to the upload route; the status and error code. */
export async function uploadRaw(
  rig: CaseRig,
  requestId: string,
  contentType: string,
  body: Buffer,
): Promise<{ status: number; code: string | null }> {
  const res = await fetch(`${rig.server.url}/api/kiosk/materials/${encodeURIComponent(requestId)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${rig.kioskToken}` },
    body: new Uint8Array(body),
  });
  const json = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { status: res.status, code: json?.error?.code ?? null };
}
