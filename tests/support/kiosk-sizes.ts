/**
 * The kiosk's size checks, run in the page: visible text below the minimum type size, and controls
 * below the minimum target size or not wholly inside the window (a resident must never scroll to
 * find a button). Used by the kiosk accessibility walk (e2e/kiosk-a11y.test.ts).
 */
import type { Page } from 'playwright-core';

/** Visible text below the minimum; controls below the minimum or not wholly inside the window. */
export async function kioskSizeFindings(
  page: Page,
  limits: { minText: number; minTarget: number },
): Promise<string[]> {
  return page.evaluate(({ minText, minTarget }) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && !el.closest('[aria-hidden="true"]');
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : `.${el.className || '-'}`}`;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      const el = walker.currentNode.parentElement;
      if (!text || !el || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minText) found.push(`text ${describe(el)} ${size}px "${text.slice(0, 24)}"`);
    }
    const controls = document.querySelectorAll(
      'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])',
    );
    for (const el of controls) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < minTarget || r.height < minTarget)
        found.push(`target ${describe(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
      // Nothing a resident must tap may be cut off or need scrolling to find.
      if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
        found.push(
          `outside the window ${describe(el)} at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
    }
    return found;
  }, limits);
}
