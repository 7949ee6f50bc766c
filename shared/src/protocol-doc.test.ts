// docs/protocol.md is part of the contract: every socket event (both directions), every HTTP route
// (method and path) and every error code of the server boundary must be described there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ErrorCode, HttpClientErrorCode } from './errors';
import { httpRoutes } from './http';
import { clientEvents, serverEvents } from './protocol';

const doc = readFileSync(fileURLToPath(new URL('../../docs/protocol.md', import.meta.url)), 'utf8');
/** True when `name` appears in the document as inline code. */
const documented = (name: string): boolean => doc.includes(`\`${name}\``);

describe('docs/protocol.md', () => {
  it('describes every client -> server event', () => {
    expect(Object.keys(clientEvents).filter((e) => !documented(e))).toEqual([]);
  });

  it('describes every server -> client event', () => {
    expect(Object.keys(serverEvents).filter((e) => !documented(e))).toEqual([]);
  });

  it('describes every HTTP route by method and path', () => {
    const missing = Object.values(httpRoutes)
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !documented(r));
    expect(missing).toEqual([]);
  });

  it('describes every error code', () => {
    const codes = [...Object.values(ErrorCode), ...Object.values(HttpClientErrorCode)];
    expect(codes.filter((c) => !documented(c))).toEqual([]);
  });
});
