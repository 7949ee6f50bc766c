/** For tests (imported by tests only): a view rendered to HTML in a language, and its test ids read back. */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nProvider } from '../i18n/I18nContext';

/** Renders `node` in `locale` (the provider reads the choice from localStorage, stubbed here). */
export function html(node: ReactNode, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const real = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: () => (locale === 'en' ? 'en' : null), setItem: () => undefined },
  });
  try {
    return renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>);
  } finally {
    if (real) Object.defineProperty(globalThis, 'localStorage', real);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  }
}

/** One element with a test id: its opening tag and its whole text (tags stripped). */
export interface Found {
  tag: string;
  text: string;
  attr(name: string): string | null;
}

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#x27;': "'",
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
};

/** Every element carrying `data-testid="<testId>"`, in document order. */
export function all(markup: string, testId: string): Found[] {
  const found: Found[] = [];
  const open = new RegExp(`<(\\w+)[^>]*data-testid="${testId}"[^>]*>`, 'g');
  for (let m = open.exec(markup); m; m = open.exec(markup)) {
    const name = m[1]!;
    // The element's inner markup up to its matching close tag (same-name nesting counted).
    let depth = 1;
    let i = m.index + m[0].length;
    const tags = new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, 'g');
    tags.lastIndex = i;
    let end = markup.length;
    for (let t = tags.exec(markup); t; t = tags.exec(markup)) {
      if (t[2] === '/') continue;
      depth += t[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = t.index;
        break;
      }
      i = tags.lastIndex;
    }
    const inner = markup.slice(m.index + m[0].length, end);
    const tag = m[0];
    found.push({
      tag,
      text: inner.replace(/<[^>]+>/g, '').replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e),
      attr: (attr) => new RegExp(`${attr}="([^"]*)"`).exec(tag)?.[1] ?? null,
    });
  }
  return found;
}

/** The one element with `testId`, or null. */
export function one(markup: string, testId: string): Found | null {
  return all(markup, testId)[0] ?? null;
}
