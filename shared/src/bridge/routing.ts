/**
 * Bridge area "routing" (issue 11): appointments at the kiosk (the host checks the held card in and
 * books with it, after the resident's consent: the renderer never holds the full number), and the
 * server's transfer notice re-sent by the host. The ticket's need and the disability answer travel
 * in `ticket:request` (server area), whose payload is the protocol's.
 */
import { z } from 'zod';
import { ConsentText } from '../case/consent';
import { Locale } from './config';
import { Appointment, AppointmentSlot } from '../routing/appointment';
import { Skill } from '../routing/needs';
import { serverEvents } from '../protocol';
import type { EventSlice, InvokeSlice } from './spec';

/** What the kiosk's screens show of an appointment (name and masked number only). */
export const KioskAppointment = Appointment;

/** Invoke channels of the routing area. */
export const routingInvokes = {
  /**
   * After the resident consented to share their identity: does the card's holder have an
   * appointment due now? The host sends the held card's number to the server (kioskCheckIn); the
   * answer names the appointment (then `ticket:request` carries its id) or null. NO_CARD without a card.
   * The request carries the consent screen's text and language (as `identity:share` does): the host
   * sends nothing of the card without it, and later bookings with the same card rely on it.
   */
  'appointment:check-in': {
    request: z.object({ consentText: ConsentText, locale: Locale }).strict(),
    response: z.object({ appointment: KioskAppointment.nullable() }),
  },
  /** Open slots of the kiosk's centre (optionally for one skill), for booking at the kiosk. */
  'appointment:slots': {
    request: z.object({ skill: Skill.optional() }).strict(),
    response: z.object({ slots: z.array(AppointmentSlot) }),
  },
  /**
   * Books a slot for the card's holder (the host sends name and number). FORBIDDEN unless the same
   * card was checked in with the resident's consent (`appointment:check-in`) first.
   */
  'appointment:book': {
    request: z
      .object({
        slotId: z.string().min(1).max(64),
        phone: z
          .string()
          .regex(/^1\d{10}$/)
          .optional(),
      })
      .strict(),
    response: z.object({ appointment: KioskAppointment }),
  },
} as const satisfies InvokeSlice;

/** Event channels of the routing area. */
export const routingBridgeEvents = {
  /** "正在为您转接，请稍候" while the session is transferred, then connected (or cancelled). */
  'session:transfer': serverEvents['session:transfer'],
} as const satisfies EventSlice;
