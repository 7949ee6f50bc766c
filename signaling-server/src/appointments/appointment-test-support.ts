/**
 * Test support for the appointments tests (imported by tests only): residents' ID numbers, a server
 * whose clock each test sets, its accounts and kiosks as HTTP clients, and refusals as their codes.
 */
import { beforeEach, expect } from 'vitest';
import { createHttpClient, HttpClientError, httpRoutes, idCheckDigit, type HttpClient } from '@rvw/shared';
import { shanghaiDay } from '../queue/queue-rules';
import { createTestAgent, createTestKiosk } from '../testing';
import { useTestServer, type ServerUnderTest } from '../testing/hooks';

/** The HTTP API as an account or a kiosk calls it. */
export type Api = HttpClient<typeof httpRoutes>;

/** A valid ID number from its first 17 digits. */
export const idNumber = (first17: string) => first17 + idCheckDigit(first17)!;
/** 王秀英's ID number. */
export const WANG = idNumber('31010619480315002');
/** 李建国's ID number. */
export const LI = idNumber('31010419520101003');
/** An hour in ms. */
export const HOUR = 3_600_000;

/** The code of the HttpClientError `p` is refused with (fails the test when it succeeds). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpClientError);
  return (err as HttpClientError).code;
}

/** The server of an appointments test file and its clock, with helpers reading both. */
export interface AppointmentServer {
  t: ServerUnderTest;
  /** The server's clock: `now` starts each test at the real time and the test moves it. */
  clock: { now: Date };
  /** The instant `msFromNow` after the clock's now, ISO. */
  at(msFromNow: number): string;
  /** The instant `msFrom10` after tomorrow 10:00 (Asia/Shanghai) as the test began, ISO. */
  tomorrowAt(msFrom10: number): string;
  /** A new account (createTestAgent's options) as an HTTP client, and its agent id. */
  account(opts: Parameters<typeof createTestAgent>[1]): Promise<{ api: Api; id: string }>;
  /** A new kiosk (of `centreId`, default the main centre) as an HTTP client, with its id and token. */
  kioskApi(centreId?: string): Promise<{ api: Api; id: string; token: string }>;
}

/**
 * Registers the test server (a fresh one per test; logins last a week) on a clock the tests set,
 * reset to the real time before each test. Slots open tomorrow from 10:00 (Asia/Shanghai), so that
 * a test's windows never straddle midnight.
 */
export function useAppointmentServer(): AppointmentServer {
  const clock = { now: new Date() };
  let tomorrow10 = 0;
  const t = useTestServer({ clock: () => clock.now, sessionTtlHours: 24 * 7 });
  beforeEach(() => {
    clock.now = new Date();
    tomorrow10 = Date.parse(`${shanghaiDay(new Date(clock.now.getTime() + 24 * HOUR))}T10:00:00+08:00`);
  });
  return {
    t,
    clock,
    at: (msFromNow) => new Date(clock.now.getTime() + msFromNow).toISOString(),
    tomorrowAt: (msFrom10) => new Date(tomorrow10 + msFrom10).toISOString(),
    async account(opts) {
      const { token, agent } = await createTestAgent(t.server, opts);
      return { api: createHttpClient(httpRoutes, { baseUrl: t.url, token }), id: agent.id };
    },
    async kioskApi(centreId) {
      const { token, kiosk } = await createTestKiosk(t.server, centreId ? { centreId } : {});
      return { api: createHttpClient(httpRoutes, { baseUrl: t.url, token }), id: kiosk.id, token };
    },
  };
}
