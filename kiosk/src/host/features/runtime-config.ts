/** Feature "config": the renderer's runtime configuration, which holds no URL and no credential. */
import type { configInvokes } from '@rvw/shared';
import type { HostContext, HostFeature } from '../feature';

/** Answers config:get with the locale, the demo flag, the document camera's label and the profile only. */
export function runtimeConfigFeature(ctx: HostContext): HostFeature<typeof configInvokes> {
  return {
    handlers: {
      'config:get': async () => ({
        locale: ctx.config.locale,
        demo: ctx.config.demo,
        documentCamera: ctx.config.documentCamera ?? null,
        profile: ctx.config.profile ?? 'fixed',
      }),
    },
    close: async () => undefined,
  };
}
