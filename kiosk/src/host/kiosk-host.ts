/**
 * The kiosk host: plain Node (no electron) behind the bridge. It owns the ID-card reader service,
 * the last card read (in memory only: never on disk, never logged), and the HTTP call that hands
 * the identity to the server after the resident consents.
 */
import { EventEmitter } from 'node:events';
import type { BridgeEvent, BridgeEventChannel, BridgeHandlers, CardType, ReaderStatus } from '@rvw/shared';
import type { CardRead, IdCard, ReaderService } from '../devices/idcard/types';
import { summarizeCard, toResidentIdentity } from './card-summary';
import type { KioskConfig } from './config';
import { KioskError } from './errors';

/** The host's events: exactly the bridge's event map. */
export type KioskHostEvents = { [C in BridgeEventChannel]: [event: BridgeEvent<C>] };

/** Where the host writes technician logs. Only codes and states go here, never card data. */
export interface KioskLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What the host is built from; each has a default fit for production. */
export interface KioskHostDeps {
  /** The reader service, or null when no reader is configured (status 'disabled'); default null. */
  reader?: ReaderService | null;
  /** HTTP client; default the global fetch. */
  fetch?: typeof fetch;
  /** Technician log; default console. */
  logger?: KioskLogger;
  /** Clock for ages; default `() => new Date()`. */
  now?: () => Date;
  /** Timeout of each HTTP call in ms; default 8000. */
  httpTimeoutMs?: number;
}

/** A running host. */
export interface KioskHost {
  /** One handler per bridge invoke channel. */
  handlers: BridgeHandlers;
  /** Bridge events: idcard:status, idcard:card, idcard:removed. */
  events: EventEmitter<KioskHostEvents>;
  /** Wipes the held card, stops the reader and detaches. Safe to call twice. */
  close(): Promise<void>;
}

const DISABLED: ReaderStatus = {
  state: 'disabled',
  reason: 'NO_PORT',
  message: 'No ID-card reader port is configured (RVW_IDCARD_PORT).',
};

/** Creates the host and starts the reader service (in the background: a failing reader reports 'fault'). */
export function createKioskHost(config: KioskConfig, deps: KioskHostDeps = {}): KioskHost {
  const reader = deps.reader ?? null;
  const doFetch = deps.fetch ?? fetch;
  const logger = deps.logger ?? console;
  const now = deps.now ?? (() => new Date());
  const httpTimeoutMs = deps.httpTimeoutMs ?? 8000;
  const events = new EventEmitter<KioskHostEvents>();
  // The one place the full card lives. Replaced by each new read, cleared by wipe and close.
  let held: IdCard | null = null;
  let closed = false;
  let status: ReaderStatus = reader ? reader.status : DISABLED;

  const onCard = (read: CardRead): void => {
    if (closed) return;
    held = read.card;
    logger.info(`idcard: card read (${read.card.cardType})`);
    events.emit('idcard:card', summarizeCard(read.card, now()));
  };
  const onRemoved = (): void => {
    if (closed) return;
    // The card stays held: the resident may take it back before the identity is shared.
    events.emit('idcard:removed', {});
  };
  const onStatus = (next: ReaderStatus): void => {
    if (closed) return;
    status = next;
    logger.info(`idcard: reader ${next.state}${next.reason ? ` (${next.reason})` : ''}`);
    events.emit('idcard:status', next);
  };

  if (reader) {
    reader.on('card', onCard);
    reader.on('removed', onRemoved);
    reader.on('status', onStatus);
    reader.start().catch((err: unknown) => {
      onStatus({
        state: 'fault',
        reason: 'START_FAILED',
        message: `The reader could not be started: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`,
      });
    });
  }

  const wipe = (): void => {
    held = null;
  };

  const ensureOpen = (): void => {
    if (closed) throw KioskError.closed();
  };

  async function post(url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(httpTimeoutMs) });
    } catch (err) {
      const name = err instanceof Error ? err.name : 'error';
      throw KioskError.serverUnreachable(name === 'TimeoutError' ? 'timed out' : 'network error');
    }
  }

  const handlers: BridgeHandlers = {
    'config:get': async () => {
      ensureOpen();
      return {
        serverUrl: config.serverUrl,
        kioskToken: config.kioskToken,
        locale: config.locale,
        demo: config.demo,
      };
    },
    'idcard:status': async () => {
      ensureOpen();
      return status;
    },
    'idcard:current': async () => {
      ensureOpen();
      return { card: held ? summarizeCard(held, now()) : null };
    },
    'identity:share': async ({ ticketId }) => {
      ensureOpen();
      const card = held;
      if (!card) throw KioskError.noCard();
      const res = await post(`${config.serverUrl}/api/kiosk/identity`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.kioskToken}` },
        body: JSON.stringify({ ticketId, consent: true, identity: toResidentIdentity(card) }),
      });
      if (!res.ok) {
        const code = await errorCodeOf(res);
        logger.warn(`identity:share refused by server: HTTP ${res.status} ${code}`);
        throw KioskError.serverRejected(res.status, code);
      }
      logger.info('identity:share: identity attached to the ticket');
      return { shared: true };
    },
    'identity:wipe': async () => {
      wipe();
      return {};
    },
    'demo:card': async ({ cardType }) => {
      ensureOpen();
      if (!config.demo) throw KioskError.forbidden('Sample cards can only be placed in demo mode.');
      if (!config.demoSimControl) throw KioskError.demoUnavailable('RVW_DEMO_SIM_CONTROL is not set');
      await demoCard(config.demoSimControl, cardType);
      return {};
    },
  };

  async function demoCard(base: string, cardType: CardType | null): Promise<void> {
    const url = `${base.replace(/\/+$/, '')}/card`;
    let res: Response;
    try {
      res =
        cardType === null
          ? await doFetch(url, { method: 'DELETE', signal: AbortSignal.timeout(httpTimeoutMs) })
          : await doFetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ cardType }),
              signal: AbortSignal.timeout(httpTimeoutMs),
            });
    } catch {
      throw KioskError.demoUnavailable('no answer');
    }
    if (!res.ok) throw KioskError.demoUnavailable(`HTTP ${res.status}`);
  }

  return {
    handlers,
    events,
    async close() {
      if (closed) return;
      closed = true;
      wipe();
      if (reader) {
        reader.off('card', onCard);
        reader.off('removed', onRemoved);
        reader.off('status', onStatus);
        await reader.stop().catch(() => undefined);
      }
      events.removeAllListeners();
    },
  };
}

async function errorCodeOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown } };
    const code = body?.error?.code;
    return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}
