/**
 * Feature "enrolment link" (issue 12 #1): the kiosk's credential while it runs.
 * - `enrolment:state`: enrolled or not (no token configured or stored: the first-run screen), the
 *   server, and where the kiosk stands once the server greeted it. The server's address is told to
 *   the renderer only while the kiosk is not enrolled (the first-run screen shows it to the
 *   technician); once enrolled it is null, as the renderer never learns where the server is
 *   (issue 6, token-isolation.test.ts).
 * - `enrolment:redeem`: the code typed on the first-run screen is redeemed (POST /api/enrol, as
 *   kiosk-doctor enrol does), the token is stored in the credential store (the main process chose
 *   its cipher) and the server link connects with it; then `enrolment:state` is emitted.
 * - A refused credential (AUTH_REVOKED / AUTH_INVALID) never works again: it is deleted from the
 *   store, the log says so, and `enrolment:state` {enrolled: false} shows "此设备需要重新登记".
 * - Rotation: the server's `kiosk:credential` is stored, then answered with `kiosk:credential-saved`;
 *   the next connection uses the new token.
 * The token lives in `ctx.config.kioskToken` (read by the server link and the HTTP clients at each
 * use) and in the store; it never reaches the renderer and is never logged.
 */
import {
  BridgeError,
  ErrorCode,
  HttpClientError,
  normaliseEnrolmentCode,
  type EnrolmentState,
  type enrolmentInvokes,
  type ServerStatus,
} from '@rvw/shared';
import type { CredentialStore } from '../credential-store';
import { baseUrlOf, redeemEnrolmentCode } from '../enrolment-client';
import type { HostContext, HostFeature } from '../feature';
import type { ServerLinkFeature } from './server-link';

/** What the enrolment link is given besides the host's context. */
export interface EnrolmentLinkDeps {
  /** Where the token is kept; `clear` (when it has one) forgets a refused token. */
  credentials: CredentialStore & { clear?(): Promise<void> };
  /** The server link: its port (greetings, rotation) and connecting once enrolled. */
  link: Pick<ServerLinkFeature, 'port' | 'connectNow'>;
  /** Hears the link's `server:status` (a refused credential). */
  onServerStatus(listener: (status: ServerStatus) => void): void;
  /** Whether the token at start came from configuration (RVW_KIOSK_TOKEN or kiosk.json). */
  tokenFromConfig: boolean;
  /** The kiosk's name sent when the code names none; default the host name. */
  machineName?: string;
}

const REFUSED = new Set<string>([ErrorCode.AuthRevoked, ErrorCode.AuthInvalid]);

/** A redeem failure as the first-run screen hears it. */
function redeemError(err: unknown): BridgeError {
  if (!(err instanceof HttpClientError)) return BridgeError.internal();
  if (err.code === ErrorCode.EnrolmentCodeInvalid || err.code === ErrorCode.BadPayload)
    return BridgeError.fromServer(
      ErrorCode.EnrolmentCodeInvalid,
      'The enrolment code was refused: mistyped, expired, already used or withdrawn.',
    );
  if (err.code === ErrorCode.RateLimited)
    return BridgeError.fromServer(ErrorCode.RateLimited, 'Too many attempts; wait a minute and try again.');
  return BridgeError.serverUnreachable(err.code);
}

export function enrolmentLinkFeature(
  ctx: HostContext,
  deps: EnrolmentLinkDeps,
): HostFeature<typeof enrolmentInvokes> {
  const { config, logger, emit } = ctx;
  const { credentials, link } = deps;
  let kiosk: EnrolmentState['kiosk'] = null;
  let fromConfig = deps.tokenFromConfig;
  let pending: Promise<EnrolmentState> | null = null;
  let closed = false;

  const state = (): EnrolmentState => {
    const enrolled = config.kioskToken !== '';
    return {
      enrolled,
      serverUrl: enrolled ? null : config.serverUrl || null,
      kiosk: enrolled ? kiosk : null,
    };
  };
  const announce = (): void => {
    if (!closed) emit('enrolment:state', state());
  };

  // Where the kiosk stands: from the server's greeting on every connection.
  link.port.onGreeting((greeting) => {
    const next = { name: greeting.kiosk.name, location: greeting.kiosk.location };
    if (kiosk?.name === next.name && kiosk.location === next.location) return;
    kiosk = next;
    announce();
  });

  deps.onServerStatus((status) => {
    if (!status.refused || !REFUSED.has(status.refused) || config.kioskToken === '') return;
    config.kioskToken = '';
    kiosk = null;
    announce();
    const why = `the server refused this kiosk's credential (${status.refused})`;
    if (fromConfig) {
      // Not ours to delete: the store may hold nothing, or another kiosk's data folder is shared.
      logger.error(
        `enrolment: ${why}; it came from RVW_KIOSK_TOKEN or kiosk.json: remove it there and enrol the kiosk again with a new code`,
      );
      return;
    }
    void (credentials.clear?.() ?? Promise.resolve())
      .then(() => logger.error(`enrolment: ${why}; it was deleted. Enrol the kiosk again with a new code.`))
      .catch((err: unknown) =>
        logger.error(`enrolment: ${why}; it could not be deleted (${(err as Error).message})`),
      );
  });

  link.port.on('kiosk:credential', ({ rotationId, token }) => {
    void (async () => {
      try {
        await credentials.save(token);
      } catch (err) {
        logger.error(
          `enrolment: could not store the rotated credential (rotation ${rotationId}: ${(err as Error).message}); the old one stays in use`,
        );
        return;
      }
      config.kioskToken = token;
      if (fromConfig)
        logger.warn(
          'enrolment: the credential was rotated; the token in RVW_KIOSK_TOKEN or kiosk.json is now stale: remove it (the stored one is used)',
        );
      fromConfig = false;
      try {
        await link.port.request('kiosk:credential-saved', { rotationId });
        logger.info(`enrolment: credential rotated and stored (rotation ${rotationId})`);
      } catch (err) {
        logger.warn(
          `enrolment: rotation ${rotationId} stored but not confirmed to the server (${(err as BridgeError).code ?? 'error'})`,
        );
      }
    })();
  });
  async function redeem(code: string, serverUrl: string): Promise<EnrolmentState> {
    let enrolled;
    try {
      enrolled = await redeemEnrolmentCode({
        serverUrl,
        code,
        fetch: ctx.fetch,
        ...(deps.machineName !== undefined ? { machineName: deps.machineName } : {}),
      });
    } catch (err) {
      const failure = redeemError(err);
      logger.warn(`enrolment: the code was not redeemed (${failure.code})`);
      throw failure;
    }
    try {
      await credentials.save(enrolled.token);
    } catch (err) {
      logger.error(
        `enrolment: enrolled as kiosk ${enrolled.kioskId} but could not store the credential (${(err as Error).message}); revoke that kiosk at the centre and use a new code`,
      );
      throw BridgeError.internal();
    }
    config.kioskToken = enrolled.token;
    fromConfig = false;
    kiosk = { name: enrolled.kiosk.name, location: enrolled.kiosk.location };
    logger.info(`enrolment: enrolled as kiosk ${enrolled.kioskId}; connecting`);
    link.connectNow();
    announce();
    return state();
  }

  return {
    handlers: {
      'enrolment:state': async () => state(),
      'enrolment:redeem': async ({ code, serverUrl }) => {
        if (config.kioskToken !== '')
          throw BridgeError.fromServer(ErrorCode.WrongState, 'This kiosk is already enrolled.');
        const server = serverUrl === undefined ? config.serverUrl : baseUrlOf(serverUrl);
        if (server !== config.serverUrl)
          throw BridgeError.badPayload(`serverUrl: this kiosk is set up for ${config.serverUrl}`);
        const normal = normaliseEnrolmentCode(code);
        if (normal === null)
          throw BridgeError.fromServer(
            ErrorCode.EnrolmentCodeInvalid,
            'That is not an enrolment code (10 letters and digits, e.g. K7QX-93RM-TD).',
          );
        // A second press while the first is on its way gets the same answer (a code is single-use).
        pending ??= redeem(normal, server).finally(() => (pending = null));
        return pending;
      },
    },
    close: async () => {
      closed = true;
    },
  };
}
