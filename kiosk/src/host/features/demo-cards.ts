/** Feature "demo": places or removes a sample card on the simulated reader through its control API. */
import { BridgeError } from '@rvw/shared';
import type { CardType, demoInvokes } from '@rvw/shared';
import type { HostContext, HostFeature } from '../feature';

/** Answers demo:card; FORBIDDEN outside demo mode, DEMO_UNAVAILABLE without a reachable simulator. */
export function demoCardsFeature(ctx: HostContext): HostFeature<typeof demoInvokes> {
  async function place(base: string, cardType: CardType | null): Promise<void> {
    const url = `${base.replace(/\/+$/, '')}/card`;
    const signal = AbortSignal.timeout(ctx.httpTimeoutMs);
    let res: Response;
    try {
      res =
        cardType === null
          ? await ctx.fetch(url, { method: 'DELETE', signal })
          : await ctx.fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ cardType }),
              signal,
            });
    } catch {
      throw BridgeError.demoUnavailable('no answer');
    }
    if (!res.ok) throw BridgeError.demoUnavailable(`HTTP ${res.status}`);
  }

  return {
    handlers: {
      'demo:card': async ({ cardType }) => {
        if (!ctx.config.demo) throw BridgeError.forbidden('Sample cards can only be placed in demo mode.');
        if (!ctx.config.demoSimControl) throw BridgeError.demoUnavailable('RVW_DEMO_SIM_CONTROL is not set');
        await place(ctx.config.demoSimControl, cardType);
        return {};
      },
    },
    close: async () => undefined,
  };
}
