/**
 * Feature "appointment link" (issue 11, 云导办 at the kiosk): checks the held card in against the
 * server's appointments and books slots with it, over HTTP with the kiosk's credential, after the
 * resident's consent. The check-in carries the consent screen's text (as `identity:share` does): the
 * host sends nothing of the card without it, and a booking needs the same card to have been checked
 * in with consent first (FORBIDDEN otherwise). Only codes reach the log, never a name or a number.
 */
import {
  BridgeError,
  createHttpClient,
  ErrorCode,
  HttpClientError,
  HttpClientErrorCode,
  routingRoutes,
} from '@rvw/shared';
import type { Appointment, AppointmentSlot, routingInvokes, Skill } from '@rvw/shared';
import type { IdCard } from '../../devices/idcard/types';
import type { KioskConfig } from '../config';
import type { HostContext, HostFeature, KioskLogger } from '../feature';

type AppointmentSlice = Pick<
  typeof routingInvokes,
  'appointment:check-in' | 'appointment:slots' | 'appointment:book'
>;

/** The three appointment calls of the host; each rejects with an HttpClientError. */
export interface AppointmentHttp {
  checkIn(
    idNumber: string,
    consent: { consentText: string; locale: 'zh-CN' | 'en' },
  ): Promise<Appointment | null>;
  slots(skill?: Skill): Promise<AppointmentSlot[]>;
  book(input: {
    slotId: string;
    residentName: string;
    idNumber: string;
    phone?: string;
  }): Promise<Appointment>;
}

/** The appointment calls against `config.serverUrl`, with `config.kioskToken` as bearer. */
export function appointmentHttp(
  config: KioskConfig,
  options: { fetch: typeof fetch; timeoutMs: number },
): AppointmentHttp {
  const client = createHttpClient(
    {
      kioskCheckIn: routingRoutes.kioskCheckIn,
      kioskSlots: routingRoutes.kioskSlots,
      kioskBook: routingRoutes.kioskBook,
    },
    {
      baseUrl: config.serverUrl,
      token: () => config.kioskToken, // read at each call: enrolment and rotation replace it
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    },
  );
  return {
    checkIn: async (idNumber, consent) =>
      (await client.kioskCheckIn({ body: { idNumber, ...consent } })).appointment,
    slots: async (skill) => (await client.kioskSlots({ query: skill ? { skill } : {} })).slots,
    book: async (body) => (await client.kioskBook({ body })).appointment,
  };
}

/** What the feature needs besides the host context. */
export interface AppointmentLinkDeps {
  /** The card the identity feature holds now (the same object until the next read or a wipe). */
  heldCard(): IdCard | null;
  http: AppointmentHttp;
}

const ID_NUMBER = /^\d{17}[\dXx]$/;
const SERVER_CODES = new Set<string>(Object.values(ErrorCode));

/** The renderer hears the server's own code (SLOT_FULL, SLOT_PAST, CONFLICT...) to say it in words. */
function bridgeErrorOf(err: unknown, what: string, logger: KioskLogger): never {
  if (!(err instanceof HttpClientError)) throw err;
  if (err.code === HttpClientErrorCode.Unreachable)
    throw BridgeError.serverUnreachable(/timed out/.test(err.message) ? 'timed out' : 'network error');
  logger.warn(`${what}: refused by server: HTTP ${err.status} ${err.code}`);
  if (SERVER_CODES.has(err.code)) throw BridgeError.fromServer(err.code as ErrorCode, err.message);
  throw BridgeError.serverRejected(err.status, err.code);
}

/** Answers the appointment slice of the bridge. */
export function appointmentLinkFeature(
  ctx: HostContext,
  deps: AppointmentLinkDeps,
): HostFeature<AppointmentSlice> {
  const { logger } = ctx;
  // The card the resident agreed to use (through the check-in's consent); a new read or a wipe
  // makes heldCard() another object (or null), so that consent never carries over to someone else.
  let consented: IdCard | null = null;

  const cardOrThrow = (): IdCard => {
    const card = deps.heldCard();
    if (!card) throw BridgeError.noCard();
    return card;
  };

  return {
    handlers: {
      'appointment:check-in': async ({ consentText, locale }) => {
        const card = cardOrThrow();
        consented = card;
        // A number the server's appointments cannot hold (an old foreigner card) has none.
        if (!ID_NUMBER.test(card.idNumber)) return { appointment: null };
        try {
          const appointment = await deps.http.checkIn(card.idNumber, { consentText, locale });
          logger.info(`appointment:check-in: ${appointment ? 'due now' : 'none due'}`);
          return { appointment };
        } catch (err) {
          bridgeErrorOf(err, 'appointment:check-in', logger);
        }
      },
      'appointment:slots': async ({ skill }) => {
        try {
          return { slots: await deps.http.slots(skill) };
        } catch (err) {
          bridgeErrorOf(err, 'appointment:slots', logger);
        }
      },
      'appointment:book': async ({ slotId, phone }) => {
        const card = cardOrThrow();
        if (card !== consented)
          throw BridgeError.forbidden('The resident has not agreed to use this card for an appointment.');
        if (!ID_NUMBER.test(card.idNumber))
          throw BridgeError.forbidden("This card's number cannot be used to book an appointment.");
        const residentName = (card.name.trim() || card.englishName?.trim() || '?').slice(0, 50);
        try {
          const appointment = await deps.http.book({
            slotId,
            residentName,
            idNumber: card.idNumber,
            ...(phone ? { phone } : {}),
          });
          logger.info('appointment:book: booked');
          return { appointment };
        } catch (err) {
          bridgeErrorOf(err, 'appointment:book', logger);
        }
      },
    },
    async close() {
      consented = null;
    },
  };
}
