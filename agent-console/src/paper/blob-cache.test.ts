import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@rvw/shared';
import { ConsoleError } from '../lib/errors';
import { BlobCache } from './blob-cache';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(fail = false) {
  const fetched: string[] = [];
  const revoked: string[] = [];
  const cache = new BlobCache(
    async (key) => {
      fetched.push(key);
      if (fail) throw new ConsoleError(ErrorCode.NotFound, 'gone');
      return new Blob([key]);
    },
    { create: (b) => `blob:${b.size}:${fetched.length}`, revoke: (u) => revoked.push(u) },
  );
  return { cache, fetched, revoked };
}

describe('BlobCache', () => {
  it('fetches each key once (every view is recorded by the server)', async () => {
    const { cache, fetched } = setup();
    expect(cache.get('m1')).toEqual({ state: 'loading' });
    cache.get('m1');
    await flush();
    cache.get('m1');
    expect(fetched).toEqual(['m1']);
    expect(cache.peek('m1')).toEqual({ state: 'ready', url: 'blob:2:1' });
  });

  it('keeps a failure with its code and tries again on the next get', async () => {
    const { cache, fetched } = setup(true);
    cache.get('m1');
    await flush();
    expect(cache.peek('m1')).toEqual({ state: 'failed', code: ErrorCode.NotFound });
    cache.get('m1');
    expect(fetched).toEqual(['m1', 'm1']);
  });

  it('revokes every URL when cleared and ignores a fetch that ends after', async () => {
    const { cache, revoked } = setup();
    cache.get('m1');
    await flush();
    cache.get('m2');
    cache.clear();
    await flush();
    expect(revoked).toEqual(['blob:2:1']);
    expect(cache.peek('m2')).toBeUndefined();
  });
});
