/**
 * The simulator's loopback control API (used by the demo and the kiosk's demo:card call):
 * `GET /card` tells the state, `POST /card {"cardType":"resident"}` places that sample card,
 * `DELETE /card` takes it away.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CardType } from '@rvw/shared';
import { sampleCards } from '../cards';
import type { Ga467Simulator } from './simulator';

const CardTypeOrNull = CardType.nullable();
const MAX_BODY = 4096;

/** The control API listening on loopback; close() stops it. */
export interface ControlServer {
  server: Server;
  /** The port it listens on (127.0.0.1). */
  port: number;
  close(): Promise<void>;
}

/** Starts the control API for `sim` on 127.0.0.1:`port` (0 picks a free port). */
export async function startControlServer(sim: Ga467Simulator, port = 0): Promise<ControlServer> {
  const server = createServer((req, res) => {
    handle(sim, req, res).catch(() =>
      send(res, 500, { error: { code: 'INTERNAL', message: 'Internal error.' } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(sim: Ga467Simulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/card')
    return send(res, 404, { error: { code: 'NOT_FOUND', message: 'Unknown path.' } });
  if (req.method === 'GET') return send(res, 200, { cardType: sim.cardType, open: sim.isOpen });
  if (req.method === 'DELETE') {
    sim.placeCard(null);
    return send(res, 200, { cardType: null });
  }
  if (req.method !== 'POST')
    return send(res, 405, { error: { code: 'METHOD', message: 'Use GET, POST or DELETE.' } });
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return send(res, 400, {
      error: { code: 'BAD_PAYLOAD', message: 'The body must be JSON of at most 4 KB.' },
    });
  }
  const keys = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : null;
  const parsed = CardTypeOrNull.safeParse(
    keys?.length === 1 && keys[0] === 'cardType' ? (body as { cardType: unknown }).cardType : 0,
  );
  if (!parsed.success) {
    return send(res, 400, {
      error: {
        code: 'BAD_PAYLOAD',
        message: `cardType must be one of ${CardType.options.join(', ')} or null.`,
      },
    });
  }
  const cardType = parsed.data;
  sim.placeCard(cardType ? sampleCards[cardType] : null);
  return send(res, 200, { cardType });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
