import { expect, test } from 'vitest';
import { consoleTabId, type TabIdEnv } from './tab-id';

function env(
  navigationType: string,
  items = new Map<string, string>(),
): TabIdEnv & { items: Map<string, string> } {
  let n = 0;
  return {
    items,
    storage: { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) },
    navigationType,
    newId: () => `id-${++n}`,
  };
}

test('a tab keeps its id across its own reloads, so a reloaded console gets its call back', () => {
  const first = env('navigate');
  expect(consoleTabId(first)).toBe('id-1');
  expect(consoleTabId(env('reload', first.items))).toBe('id-1');
});

test('a duplicated tab (same sessionStorage, not a reload) gets an id of its own', () => {
  const first = env('navigate');
  consoleTabId(first);
  const copy = env('back_forward', new Map(first.items));
  copy.newId = () => 'other';
  expect(consoleTabId(copy)).toBe('other');
});
