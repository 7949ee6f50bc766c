/**
 * axe-core run inside a page, for the accessibility walks of both apps. The source is evaluated
 * through the DevTools protocol rather than added as an inline <script>: both apps forbid inline
 * scripts by their Content-Security-Policy, and the test must not weaken that policy to look.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe violation: its rule, impact and up to three of the offending elements' selectors. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  nodes: string[];
}

/**
 * Every WCAG 2.x rule from level A to AAA (AAA contrast, `color-contrast-enhanced`) plus best
 * practice; `exclude` lists selectors axe must skip (e.g. text over live video).
 */
export async function axeFindings(page: Page, exclude: string[] = []): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (excluded) => {
    type AxeResult = {
      violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>;
    };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe;
    const context = excluded.length ? { include: [document], exclude: excluded.map((s) => [s]) } : document;
    const result = await axe.run(context, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      rules: { 'color-contrast-enhanced': { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  }, exclude);
}
