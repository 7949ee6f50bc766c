import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueItemSummary, CatalogueQuery } from '@rvw/shared';
import { ConsoleError } from '../lib/errors';
import { CatalogueSearch } from './catalogue-search';
import { CatalogueCache } from './catalogue-cache';
import { testItem } from './test-support';

const summary = (code: string, zh: string): CatalogueItemSummary => ({
  code,
  version: 1,
  name: { zh, en: code },
  category: 'elderly-care',
  skillGroup: 'general',
  consultationOnly: false,
  printOnly: false,
});
const ltc = summary('ltci-assessment', '长期护理保险需求评估申请');
const meal = summary('elderly-meal-subsidy', '老年人助餐服务补贴申请');

/** A server whose answers the test releases one by one, in any order. */
function slowServer() {
  const calls: { query: CatalogueQuery; answer(items: CatalogueItemSummary[]): void; fail(): void }[] = [];
  const list = (query: CatalogueQuery) =>
    new Promise<CatalogueItemSummary[]>((resolve, reject) =>
      calls.push({
        query,
        answer: resolve,
        fail: () => reject(new ConsoleError('UNREACHABLE', 'down')),
      }),
    );
  return { calls, list };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the item search', () => {
  it('loads everything at first, then searches after a pause in typing', async () => {
    const server = slowServer();
    const search = new CatalogueSearch(server.list, 150);
    search.start();
    expect(server.calls.map((c) => c.query)).toEqual([{}]);
    search.setQuery('c');
    search.setQuery('cq');
    search.setQuery(' cqhl ');
    await vi.advanceTimersByTimeAsync(149);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls.map((c) => c.query)).toEqual([{}, { q: 'cqhl' }]);
  });

  it('drops an answer that arrives after a newer search started', async () => {
    const server = slowServer();
    const search = new CatalogueSearch(server.list, 150);
    search.start();
    search.setCategory('elderly-care');
    server.calls[1]!.answer([ltc]);
    await vi.advanceTimersByTimeAsync(0);
    server.calls[0]!.answer([meal, ltc]);
    await vi.advanceTimersByTimeAsync(0);
    expect(search.getSnapshot().results).toEqual([ltc]);
    expect(server.calls[1]!.query).toEqual({ category: 'elderly-care' });
  });

  it('highlights the best match, keeps a highlight that is still listed, and moves within the list', async () => {
    const server = slowServer();
    const search = new CatalogueSearch(server.list, 150);
    search.start();
    server.calls[0]!.answer([meal, ltc]);
    await vi.advanceTimersByTimeAsync(0);
    expect(search.getSnapshot().highlighted).toBe(meal.code);
    search.move(1);
    search.move(1);
    expect(search.getSnapshot().highlighted).toBe(ltc.code);
    search.searchNow();
    server.calls[1]!.answer([meal, ltc]);
    await vi.advanceTimersByTimeAsync(0);
    expect(search.getSnapshot().highlighted).toBe(ltc.code);
    search.move(-1);
    search.move(-1);
    expect(search.getSnapshot().highlighted).toBe(meal.code);
  });

  it('says why a search failed and keeps the last results', async () => {
    const server = slowServer();
    const search = new CatalogueSearch(server.list, 150);
    search.start();
    server.calls[0]!.answer([ltc]);
    await vi.advanceTimersByTimeAsync(0);
    search.searchNow();
    server.calls[1]!.fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(search.getSnapshot()).toMatchObject({ results: [ltc], errorCode: 'UNREACHABLE', loading: false });
  });
});

describe('the item cache', () => {
  it('fetches an item once, and again after a failure only when asked to retry', async () => {
    let fetches = 0;
    let fail = true;
    const cache = new CatalogueCache(async () => {
      fetches += 1;
      if (fail) throw new ConsoleError('UNREACHABLE', 'down');
      return testItem;
    });
    expect(cache.get('test-item').state).toBe('loading');
    await vi.advanceTimersByTimeAsync(0);
    expect(cache.get('test-item')).toEqual({ state: 'failed', code: 'UNREACHABLE' });
    expect(fetches).toBe(1);
    fail = false;
    cache.get('test-item', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(cache.get('test-item')).toEqual({ state: 'loaded', item: testItem });
    expect(cache.fieldsOf('test-item')).toBe(testItem.form.fields);
    expect(fetches).toBe(2);
  });
});
