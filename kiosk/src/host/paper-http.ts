/**
 * The host's paper calls over HTTP(S) with the kiosk's credential (issue 10): the PDF of a print job
 * (`kioskPrintFile`, raw bytes) and the upload of a captured image (`uploadMaterial`, raw body).
 * Both routes come from the shared route table; only the host holds the token.
 */
import { HttpError, paperRoutes, routePath } from '@rvw/shared';
import type { CaseMaterial, ErrorCode, MaterialMime } from '@rvw/shared';
import type { KioskConfig } from './config';

/** A failed paper call: the server's own code and sentence, or UNREACHABLE / BAD_RESPONSE. */
export class PaperHttpError extends Error {
  constructor(
    /** The server's error code, or the client's UNREACHABLE / BAD_RESPONSE. */
    readonly code: ErrorCode | 'UNREACHABLE' | 'BAD_RESPONSE',
    message: string,
    /** The HTTP status; 0 when there was no answer. */
    readonly status = 0,
  ) {
    super(message);
    this.name = 'PaperHttpError';
  }
}

/** What the paper calls need. */
export interface PaperHttpOptions {
  fetch: typeof fetch;
  /** Timeout of each call in ms. */
  timeoutMs: number;
}

/** The two paper calls of the host. */
export interface PaperHttp {
  /** The PDF of one of this kiosk's print jobs. */
  printFile(jobId: string): Promise<Uint8Array>;
  /** Uploads a captured image for a `consented` capture request. */
  uploadMaterial(requestId: string, mime: MaterialMime, bytes: Uint8Array): Promise<CaseMaterial>;
}

/** The paper calls against `config.serverUrl`, with `config.kioskToken` as bearer. */
export function paperHttp(config: KioskConfig, options: PaperHttpOptions): PaperHttp {
  async function call(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await options.fetch(config.serverUrl + path, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${config.kioskToken}`,
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      throw new PaperHttpError('UNREACHABLE', timedOut ? 'timed out' : 'network error');
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const error = HttpError.safeParse(body);
    if (error.success) throw new PaperHttpError(error.data.error.code, error.data.error.message, res.status);
    throw new PaperHttpError(
      res.status >= 502 && res.status <= 504 ? 'UNREACHABLE' : 'BAD_RESPONSE',
      `HTTP ${res.status}`,
      res.status,
    );
  }

  return {
    async printFile(jobId) {
      const res = await call(routePath(paperRoutes.kioskPrintFile, { jobId }), {
        method: 'GET',
        headers: { accept: 'application/pdf' },
      });
      try {
        return new Uint8Array(await res.arrayBuffer());
      } catch {
        throw new PaperHttpError('UNREACHABLE', 'the download broke off', res.status);
      }
    },
    async uploadMaterial(requestId, mime, bytes) {
      const res = await call(routePath(paperRoutes.uploadMaterial, { requestId }), {
        method: 'POST',
        headers: { 'content-type': mime, accept: 'application/json' },
        // A copy in an ArrayBuffer of its own: what fetch's BodyInit takes.
        body: new Uint8Array(bytes).buffer,
      });
      const parsed = paperRoutes.uploadMaterial.response.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new PaperHttpError('BAD_RESPONSE', 'unexpected answer', res.status);
      return parsed.data.material;
    },
  };
}
