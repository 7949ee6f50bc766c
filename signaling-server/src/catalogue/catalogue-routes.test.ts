import { describe, expect, it } from 'vitest';
import { createHttpClient, HttpClientError, httpRoutes } from '@rvw/shared';
import { createTestAgent, createTestKiosk } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpClientError);
  return { status: (err as HttpClientError).status, code: (err as HttpClientError).code };
}

describe('the catalogue over HTTP', () => {
  it('an agent lists, searches, filters and reads an item whole', async () => {
    const { token } = await createTestAgent(t.server);
    const api = createHttpClient(httpRoutes, { baseUrl: t.url, token });

    const { items } = await api.listCatalogue();
    expect(items).toHaveLength(t.server.catalogue.list().length);
    expect(items.find((i) => i.code === 'ltci-assessment')).toEqual({
      code: 'ltci-assessment',
      version: expect.any(Number),
      name: { zh: '长期护理保险需求评估申请', en: 'Long-term care insurance needs-assessment application' },
      category: 'elderly-care',
      skillGroup: 'long-term-care',
      consultationOnly: false,
      printOnly: false,
    });
    // A summary, not the whole item.
    expect(items[0]).not.toHaveProperty('form');

    const found = await api.listCatalogue({ query: { q: 'cqhl' } });
    expect(found.items.map((i) => i.code).sort()).toEqual(['ltci-assessment', 'ltci-continuation']);
    const meal = await api.listCatalogue({ query: { q: 'meal', category: 'elderly-care' } });
    expect(meal.items.map((i) => i.code)).toEqual(['elderly-meal-subsidy']);
    const none = await api.listCatalogue({ query: { q: 'meal', category: 'disability' } });
    expect(none.items).toEqual([]);

    // Ranking by the cases closed under each item: cases/cases-flow.test.ts.
    const { item } = await api.getCatalogueItem({ params: { code: 'ltci-assessment' } });
    expect(item).toEqual(t.server.catalogue.get('ltci-assessment'));
    expect(item.form.fields.length).toBeGreaterThan(0);
    expect(item.materials.length).toBeGreaterThan(0);
  });

  it('an admin may read the catalogue too', async () => {
    const { token } = await createTestAgent(t.server, { role: 'admin' });
    const api = createHttpClient(httpRoutes, { baseUrl: t.url, token });
    expect((await api.listCatalogue()).items.length).toBeGreaterThan(0);
  });

  it('an unknown code is NOT_FOUND; an unknown category is BAD_PAYLOAD', async () => {
    const { token } = await createTestAgent(t.server);
    const api = createHttpClient(httpRoutes, { baseUrl: t.url, token });
    expect(await refusal(api.getCatalogueItem({ params: { code: 'no-such-item' } }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const res = await fetch(`${t.url}/api/catalogue?category=gardening`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_PAYLOAD');
  });

  it('refuses a kiosk token (AUTH_INVALID) and no token (AUTH_MISSING)', async () => {
    const { token } = await createTestKiosk(t.server);
    const asKiosk = createHttpClient(httpRoutes, { baseUrl: t.url, token });
    expect(await refusal(asKiosk.listCatalogue())).toEqual({ status: 401, code: 'AUTH_INVALID' });
    expect(await refusal(asKiosk.getCatalogueItem({ params: { code: 'ltci-assessment' } }))).toEqual({
      status: 401,
      code: 'AUTH_INVALID',
    });
    const anonymous = createHttpClient(httpRoutes, { baseUrl: t.url });
    expect(await refusal(anonymous.listCatalogue())).toEqual({ status: 401, code: 'AUTH_MISSING' });
    expect(await refusal(anonymous.getCatalogueItem({ params: { code: 'ltci-assessment' } }))).toEqual({
      status: 401,
      code: 'AUTH_MISSING',
    });
  });
});
