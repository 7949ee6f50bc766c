/**
 * The kiosk bridge contract: everything the renderer may ask of the Electron main process (or,
 * in a browser, of the web host that stands in for it), and every event it may receive. The
 * preload API and the main-process handler types are both derived from these two maps; each
 * request and event is validated on arrival with these schemas.
 */
import { z } from 'zod';
import { CardType, Gender } from './identity';

/** zh-CN is the default; English is available. */
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** What the renderer needs to reach the server and present itself. */
export const KioskRuntimeConfig = z.object({
  /** Base URL of the signaling server, e.g. http://127.0.0.1:8080. */
  serverUrl: z.string().url(),
  /** The kiosk's secret token for the socket.io handshake. */
  kioskToken: z.string().min(1),
  /** Default language of the resident screens. */
  locale: Locale,
  /** True in the demo: the screen shows a panel to place a sample card on the simulated reader. */
  demo: z.boolean(),
});
export type KioskRuntimeConfig = z.infer<typeof KioskRuntimeConfig>;

/** The ID-card reader's state; `reason` is a code and `message` a sentence for technicians. */
export const ReaderStatus = z.object({
  state: z.enum(['online', 'offline', 'fault', 'disabled']),
  reason: z.string().max(64).optional(),
  message: z.string().max(300).optional(),
});
export type ReaderStatus = z.infer<typeof ReaderStatus>;

/** Only what the screen needs from a card: never the full number, never the photo. */
export const CardSummary = z.object({
  cardType: CardType,
  name: z.string(),
  /** Surname for the greeting (李女士); empty for foreign names. */
  familyName: z.string(),
  /** The English name on foreigner cards, for greeting in English. */
  englishName: z.string().optional(),
  gender: Gender,
  age: z.number().int().nonnegative(),
  idNumberMasked: z.string(),
});
export type CardSummary = z.infer<typeof CardSummary>;

const empty = z.object({}).strict();

/** Request/response channels (renderer -> main, answered). */
export const bridgeInvokes = {
  /** The runtime configuration. */
  'config:get': { request: empty, response: KioskRuntimeConfig },
  /** The reader's current status (events carry later changes). */
  'idcard:status': { request: empty, response: ReaderStatus },
  /** The card currently held in memory, if any. */
  'idcard:current': { request: empty, response: z.object({ card: CardSummary.nullable() }) },
  /**
   * The resident consented: the main process sends the held identity to the server, attached to
   * this ticket. The full number never passes through the renderer.
   */
  'identity:share': {
    request: z.object({ ticketId: z.string().min(1).max(64) }).strict(),
    response: z.object({ shared: z.boolean() }),
  },
  /** Forget the resident: wipe the card data held in memory. Called at session end and on reset. */
  'identity:wipe': { request: empty, response: empty },
  /** Demo only: place a sample card of the given type on the simulated reader (or remove it). */
  'demo:card': {
    request: z.object({ cardType: CardType.nullable() }).strict(),
    response: empty,
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Events (main -> renderer). */
export const bridgeEvents = {
  'idcard:status': ReaderStatus,
  'idcard:card': CardSummary,
  'idcard:removed': empty,
} as const satisfies Record<string, z.ZodType>;

export type BridgeInvokeChannel = keyof typeof bridgeInvokes;
export type BridgeEventChannel = keyof typeof bridgeEvents;
export type BridgeRequest<C extends BridgeInvokeChannel> = z.infer<(typeof bridgeInvokes)[C]['request']>;
export type BridgeResponse<C extends BridgeInvokeChannel> = z.infer<(typeof bridgeInvokes)[C]['response']>;
export type BridgeEvent<C extends BridgeEventChannel> = z.infer<(typeof bridgeEvents)[C]>;

/** The main-process side: one handler per invoke channel. */
export type BridgeHandlers = {
  [C in BridgeInvokeChannel]: (request: BridgeRequest<C>) => Promise<BridgeResponse<C>>;
};

/** The API the renderer sees as `window.kioskBridge` (exposed by the preload or by the web host). */
export interface KioskBridge {
  invoke<C extends BridgeInvokeChannel>(channel: C, request: BridgeRequest<C>): Promise<BridgeResponse<C>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<C extends BridgeEventChannel>(channel: C, listener: (event: BridgeEvent<C>) => void): () => void;
}

/** The global name under which the bridge is exposed to the renderer. */
export const BRIDGE_GLOBAL = 'kioskBridge';

/** A bridge failure as the renderer receives it. */
export const BridgeError = z.object({ code: z.string(), message: z.string() });
export type BridgeError = z.infer<typeof BridgeError>;

/** Validates a request for a channel; throws a BAD_PAYLOAD-coded error on failure. */
export function parseBridgeRequest<C extends BridgeInvokeChannel>(
  channel: C,
  request: unknown,
): BridgeRequest<C> {
  const spec = bridgeInvokes[channel];
  if (!spec)
    throw Object.assign(new Error(`Unknown bridge channel: ${String(channel)}`), { code: 'BAD_CHANNEL' });
  const result = spec.request.safeParse(request ?? {});
  if (!result.success) {
    throw Object.assign(
      new Error(`Malformed request on ${channel}: ${result.error.issues[0]?.message ?? 'invalid'}`),
      {
        code: 'BAD_PAYLOAD',
      },
    );
  }
  return result.data as BridgeRequest<C>;
}

/** True when `channel` names an invoke channel of the contract. */
export function isBridgeInvokeChannel(channel: unknown): channel is BridgeInvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(bridgeInvokes, channel);
}
