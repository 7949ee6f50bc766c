/** Serves a built single-page app from one directory: no traversal, no listing, index.html fallback. */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The header half of the pages' Content-Security-Policy: index.html's meta policy cannot say who may
 * frame a page, so the header does: the shell's own pages only.
 */
export const FRAME_POLICY = "frame-ancestors 'self'";

/** Content type by extension; default application/octet-stream. */
export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = resolve(root);
  const full = resolve(join(rootAbs, normalize(decoded)));
  return full === rootAbs || full.startsWith(rootAbs + sep) ? full : null;
}

/** Answers GET/HEAD for files under `root`; unknown paths without an extension get index.html. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const path = resolveInside(root, req.url ?? '/');
  if (!path) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path');
    return;
  }
  let file = path;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = join(file, 'index.html');
  else if (!info) {
    if (extname(path) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    file = join(resolve(root), 'index.html');
  }
  const body = await readFile(file).catch(() => null);
  if (!body) {
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end('Not found (is the renderer built?)');
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Only the shell's own pages may frame the kiosk (the dual-screen stand-in at /dual does).
    'content-security-policy': FRAME_POLICY,
    'x-frame-options': 'SAMEORIGIN',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
