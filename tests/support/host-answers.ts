/**
 * Replaces a kiosk host's answer on one bridge channel for the next request only, when a test step
 * needs an answer the real parts cannot give on cue (a slow server, a refusal, a kiosk without a
 * camera). The host's handler table is looked up on every bridge call (browser-shell.ts), so the
 * replacement reaches the page's next request; after it, the real handler answers again.
 */
import type { BridgeHandlers, BridgeInvokeChannel } from '@rvw/shared';

/** The next-answer switch of one channel. */
export interface NextAnswer<C extends BridgeInvokeChannel> {
  /** The host's own handler. */
  real: BridgeHandlers[C];
  /** Answers the next request with `handler` instead of the real one. */
  next(handler: BridgeHandlers[C]): void;
}

/** Puts a next-answer switch on `channel` of `handlers`. */
export function answerNext<C extends BridgeInvokeChannel>(
  handlers: BridgeHandlers,
  channel: C,
): NextAnswer<C> {
  const real = handlers[channel];
  let pending: BridgeHandlers[C] | null = null;
  const table = handlers as Record<BridgeInvokeChannel, unknown>;
  table[channel] = ((req: never) => {
    const answer = (pending ?? real) as (r: never) => unknown;
    pending = null;
    return answer(req);
  }) as BridgeHandlers[C];
  return { real, next: (handler) => (pending = handler) };
}
