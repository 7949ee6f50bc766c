/**
 * Serves the agent console's build at /console (single-page app: unknown paths under /console get
 * index.html) and redirects / there. Without a build, /console answers 503 with what to run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { RequestError } from '@rvw/shared';
import type { FastifyInstance } from 'fastify';
import { sendError } from './http-support';

/** Registers /console and the 404 handler (which also serves the SPA fallback). */
export async function registerConsole(app: FastifyInstance, consoleDir: string): Promise<void> {
  const built = existsSync(join(consoleDir, 'index.html'));
  app.get('/', async (_req, reply) => reply.redirect('/console/'));
  if (built) {
    await app.register(fastifyStatic, {
      root: consoleDir,
      prefix: '/console/',
      wildcard: true,
      index: 'index.html',
      // Source maps would hand anyone the console's source: never served, even if a build has them.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
    });
    app.get('/console', async (_req, reply) => reply.redirect('/console/'));
    // Browsers and tools that ask the site's root for its icon get the console's.
    app.get('/favicon.ico', async (_req, reply) => reply.redirect('/console/favicon.svg'));
  } else {
    const notBuilt = async (_req: unknown, reply: Parameters<typeof sendError>[0]) =>
      sendError(
        reply,
        RequestError.unavailable(
          'The agent console has not been built: run `npm run build --workspace @rvw/agent-console` (or npm start).',
        ),
      );
    app.get('/console', notBuilt);
    app.get('/console/*', notBuilt);
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0]!;
    const isAsset = /\.[a-z0-9]+$/i.test(path);
    if (built && req.method === 'GET' && path.startsWith('/console/') && !isAsset) {
      return reply.type('text/html').sendFile('index.html', consoleDir);
    }
    return sendError(reply, RequestError.notFound(`${req.method} ${path}`));
  });
}
