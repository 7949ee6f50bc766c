/**
 * The host's paper calls over HTTP(S) with the kiosk's credential (issue 10): the PDF of a print job
 * (`kioskPrintFile`, raw bytes) and the upload of a captured image (`uploadMaterial`, raw body),
 * through the shared client derived from the route table. Only the host holds the token. A failure
 * is an HttpClientError: the server's own code and sentence, or UNREACHABLE / BAD_RESPONSE.
 */
import { createHttpClient, paperRoutes } from '@rvw/shared';
import type { CaseMaterial, MaterialMime } from '@rvw/shared';
import type { KioskConfig } from './config';

/** What the paper calls need. */
export interface PaperHttpOptions {
  fetch: typeof fetch;
  /** Timeout of each call in ms. */
  timeoutMs: number;
}

/** The two paper calls of the host; each rejects with an HttpClientError. */
export interface PaperHttp {
  /** The PDF of one of this kiosk's print jobs. */
  printFile(jobId: string): Promise<Uint8Array>;
  /** Uploads a captured image for a `consented` capture request. */
  uploadMaterial(requestId: string, mime: MaterialMime, bytes: Uint8Array): Promise<CaseMaterial>;
}

/** The paper calls against `config.serverUrl`, with `config.kioskToken` as bearer. */
export function paperHttp(config: KioskConfig, options: PaperHttpOptions): PaperHttp {
  const client = createHttpClient(
    { kioskPrintFile: paperRoutes.kioskPrintFile, uploadMaterial: paperRoutes.uploadMaterial },
    {
      baseUrl: config.serverUrl,
      token: () => config.kioskToken, // read at each call: enrolment and rotation replace it
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    },
  );
  return {
    printFile: (jobId) => client.kioskPrintFile({ params: { jobId } }),
    async uploadMaterial(requestId, mime, bytes) {
      return (await client.uploadMaterial({ params: { requestId }, body: bytes, contentType: mime }))
        .material;
    },
  };
}
