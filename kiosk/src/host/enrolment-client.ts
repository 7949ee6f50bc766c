/**
 * Redeeming an enrolment code (issue 12 #1), shared by the first-run screen (features/enrolment-link)
 * and `kiosk-doctor enrol`: POST /api/enrol through the shared HTTP client. Failures are the
 * client's HttpClientError (ENROLMENT_CODE_INVALID, RATE_LIMITED, BAD_PAYLOAD, or a network code);
 * each caller says them its own way. The answer holds the kiosk's token: never log or print it.
 */
import { hostname } from 'node:os';
import { createHttpClient, httpRoutes, type EnrolResponse } from '@rvw/shared';

export interface RedeemOptions {
  /** The server's base URL (a trailing slash is dropped). */
  serverUrl: string;
  /** The code as typed (hyphens and spaces allowed). */
  code: string;
  /** The kiosk's name when the code names none; default os.hostname(). */
  machineName?: string;
  fetch?: typeof fetch;
  /** default 15000 ms. */
  timeoutMs?: number;
}

/** The server URL without its trailing slashes. */
export function baseUrlOf(serverUrl: string): string {
  return serverUrl.trim().replace(/\/+$/, '');
}

/** Redeems `code` at `serverUrl`; resolves with the kiosk and its token, or throws HttpClientError. */
export async function redeemEnrolmentCode(options: RedeemOptions): Promise<EnrolResponse> {
  const client = createHttpClient(httpRoutes, {
    baseUrl: baseUrlOf(options.serverUrl),
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return client.enrol({
    body: { code: options.code, machineName: (options.machineName ?? hostname()).slice(0, 100) || 'kiosk' },
  });
}
