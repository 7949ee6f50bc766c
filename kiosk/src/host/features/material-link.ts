/**
 * Feature "material link" (issue 10, the document camera 高拍仪): the resident's yes or no to a
 * capture and a stop go to the server over the host's socket; the captured picture comes from the
 * renderer as base64, and the host uploads its bytes with the kiosk's credential (the renderer never
 * holds it). The server's `material:state` and `material:capture-now` (checked by the link) go to
 * the renderer; a reloaded screen gets the open session's pending requests back after its
 * kiosk:state. A refused upload (too large, wrong type) keeps the request and the session: the
 * renderer hears the server's code and sentence and can take another picture.
 */
import { BridgeError, BridgeErrorCode, HttpClientError, HttpClientErrorCode } from '@rvw/shared';
import type { KioskState, MaterialRequest, paperInvokes } from '@rvw/shared';
import type { HostContext, HostFeature } from '../feature';
import type { PaperHttp } from '../paper-http';
import { openSession, type ServerLinkPort } from './server-link';

type MaterialSlice = Pick<typeof paperInvokes, 'material:consent' | 'material:cancel' | 'material:upload'>;

const PENDING: readonly MaterialRequest['state'][] = ['asked', 'consented'];

/** Answers the capture slice of the bridge through `link` and `http`, and forwards the server's events. */
export function materialLinkFeature(
  ctx: HostContext,
  link: ServerLinkPort,
  http: Pick<PaperHttp, 'uploadMaterial'>,
): HostFeature<MaterialSlice> {
  const { emit, logger } = ctx;
  // The open session's requests still waiting, for a reloaded screen (by request id).
  const pending = new Map<string, MaterialRequest>();
  let closed = false;

  const keep = (request: MaterialRequest): void => {
    const known = pending.get(request.requestId);
    if (known && known.updatedAt > request.updatedAt) return;
    if (PENDING.includes(request.state)) pending.set(request.requestId, request);
    else pending.delete(request.requestId);
  };

  link.on('material:state', (request) => {
    if (closed) return;
    keep(request);
    emit('material:state', request);
  });
  link.on('material:capture-now', (payload) => {
    if (closed) return;
    emit('material:capture-now', payload);
  });
  link.on('session:ended', ({ sessionId }) => {
    for (const [id, request] of pending) if (request.sessionId === sessionId) pending.delete(id);
  });
  link.onGreeting((state: KioskState) => {
    if (closed) return;
    const open = openSession(state)?.id ?? null;
    for (const [id, request] of pending) if (request.sessionId !== open) pending.delete(id);
    for (const request of pending.values()) emit('material:state', request);
  });

  return {
    handlers: {
      'material:consent': async (req) => {
        const ack = await link.request('material:consent', req);
        keep(ack.request);
        logger.info(
          `material: request ${req.requestId} ${req.accepted ? 'agreed' : 'declined'} by the resident`,
        );
        return ack;
      },
      'material:cancel': async (req) => {
        const ack = await link.request('material:cancel', req);
        keep(ack.request);
        logger.info(`material: request ${req.requestId} cancelled by the resident`);
        return ack;
      },
      'material:upload': async ({ requestId, mime, data }) => {
        const bytes = Buffer.from(data, 'base64');
        if (bytes.length === 0) throw BridgeError.badPayload('data: the picture is empty');
        try {
          const material = await http.uploadMaterial(requestId, mime, bytes);
          logger.info(`material: request ${requestId} uploaded (${mime}, ${bytes.length} bytes)`);
          return { material };
        } catch (err) {
          throw uploadError(err, requestId, logger);
        }
      },
    },
    async close() {
      closed = true;
      pending.clear();
    },
  };
}

/** A failed upload as the renderer hears it: the server's code and sentence, or unreachable. */
function uploadError(err: unknown, requestId: string, logger: HostContext['logger']): BridgeError {
  if (!(err instanceof HttpClientError)) return BridgeError.internal();
  if (err.code === HttpClientErrorCode.Unreachable)
    return BridgeError.serverUnreachable(/timed out/.test(err.message) ? 'timed out' : 'network error');
  logger.warn(`material: request ${requestId} upload refused: HTTP ${err.status} ${err.code}`);
  if (err.code === HttpClientErrorCode.BadResponse)
    return new BridgeError(BridgeErrorCode.ServerRejected, err.message);
  return BridgeError.fromServer(err.code, err.message);
}
