/**
 * Appointments for guided help (云导办, issue 11 #8): slots per skill group with a time window and a
 * capacity; a resident books one at the kiosk or through an agent (by phone). At a kiosk within the
 * window, the resident's card recognises them and the appointment becomes a ticket with priority.
 */
import { z } from 'zod';
import { LocalText } from '../catalogue/text';
import { CentreId } from './centre';
import { Skill } from './needs';

export const AppointmentSlot = z.object({
  slotId: z.string(),
  centreId: CentreId,
  skill: Skill,
  /** The catalogue item the slot is for. */
  itemCode: z.string(),
  /** The item's name from the catalogue (the kiosk has no catalogue of its own to look it up). */
  itemName: LocalText.optional(),
  /** ISO start and end of the window. */
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int().positive(),
  booked: z.number().int().nonnegative(),
  /** A named specialist, when the slot is theirs; else any agent with the skill. */
  specialist: z.object({ agentId: z.string(), displayName: z.string() }).optional(),
});
export type AppointmentSlot = z.infer<typeof AppointmentSlot>;

export const AppointmentStatus = z.enum(['booked', 'arrived', 'served', 'cancelled', 'missed']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** An appointment as agents see it: the resident's name and masked number only. */
export const Appointment = z.object({
  appointmentId: z.string(),
  slot: AppointmentSlot,
  status: AppointmentStatus,
  residentName: z.string(),
  idNumberMasked: z.string(),
  /** `kiosk` or the booking agent's id. */
  bookedBy: z.string(),
  bookedAt: z.string(),
  /** The ticket it became, once the resident arrived. */
  ticketNumber: z.string().optional(),
});
export type Appointment = z.infer<typeof Appointment>;

/** How early before the window a resident at the kiosk is recognised (minutes). */
export const CHECK_IN_EARLY_MIN = 15;
