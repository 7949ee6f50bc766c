/**
 * The host's HTTP calls to the server, derived from the shared route table (`httpRoutes`) with the
 * kiosk token as bearer. Only the host holds that token; the renderer never sees it.
 */
import {
  BridgeError,
  createHttpClient,
  HttpClientError,
  HttpClientErrorCode,
  identityRoutes,
} from '@rvw/shared';
import type { KioskConfig } from './config';
import type { KioskLogger } from './feature';
import type { IdentityUpload } from './features/identity-card';

/** Options of the host's HTTP client. */
export interface ServerHttpOptions {
  fetch: typeof fetch;
  /** Timeout of each call in ms. */
  timeoutMs: number;
  logger: KioskLogger;
}

/** POST /api/kiosk/identity as the kiosk; failures become SERVER_UNREACHABLE or SERVER_REJECTED. */
export function identityUploader(config: KioskConfig, options: ServerHttpOptions): IdentityUpload {
  const client = createHttpClient(
    { attachIdentity: identityRoutes.attachIdentity },
    {
      baseUrl: config.serverUrl,
      token: () => config.kioskToken, // read at each call: enrolment and rotation replace it
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    },
  );
  return async (ticketId, identity, consent) => {
    try {
      await client.attachIdentity({
        body: { ticketId, consent: true, consentText: consent.text, locale: consent.locale, identity },
      });
    } catch (err) {
      if (!(err instanceof HttpClientError)) throw err;
      if (err.code === HttpClientErrorCode.Unreachable)
        throw BridgeError.serverUnreachable(/timed out/.test(err.message) ? 'timed out' : 'network error');
      options.logger.warn(`identity:share refused by server: HTTP ${err.status} ${err.code}`);
      throw BridgeError.serverRejected(err.status, err.code);
    }
  };
}
