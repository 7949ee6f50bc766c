/**
 * Routing routes (issue 11): centres, agents' skills and status history, transfer options,
 * appointments (slots, booking, the kiosk's check-in), and the supervisor's live view, charts,
 * daily report and follow-up work.
 */
import { z } from 'zod';
import { Agent } from '../domain';
import { AgentStatus, StatusReason } from '../routing/agent-status';
import { Appointment, AppointmentSlot } from '../routing/appointment';
import { Centre, CentreId, RoutingSettings } from '../routing/centre';
import { Skill } from '../routing/needs';
import { SupervisorCharts, SupervisorSnapshot } from '../routing/supervision';
import { TransferOption } from '../routing/transfer';
import { FollowUp } from './cases';
import type { HttpRouteSlice } from './route';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.string().min(1).max(64);

/** A resident booking through an agent (by phone) or at the kiosk: who, for which slot. */
export const BookAppointmentRequest = z.object({
  slotId: id,
  residentName: z.string().trim().min(1).max(50),
  /** The 18-character resident ID number; stored only as a keyed hash and a masked form. */
  idNumber: z.string().regex(/^\d{17}[\dXx]$/, 'expected an 18-character ID number'),
  phone: z
    .string()
    .regex(/^1\d{10}$/, 'expected an 11-digit mobile number')
    .optional(),
});
export type BookAppointmentRequest = z.infer<typeof BookAppointmentRequest>;

/**
 * Cancelling a booked appointment (the resident phoned to say they cannot come, or the wrong slot was
 * booked): an optional short reason, never required.
 */
export const CancelAppointmentRequest = z.object({
  reason: z.string().trim().max(200).optional(),
});
export type CancelAppointmentRequest = z.infer<typeof CancelAppointmentRequest>;

/** New slots for a skill group: one per window from `from` every `everyMin` minutes, `count` of them. */
export const CreateSlotsRequest = z.object({
  skill: Skill,
  itemCode: z.string().min(1).max(64),
  from: z.string().datetime({ offset: true }),
  lengthMin: z.number().int().min(5).max(240),
  count: z.number().int().min(1).max(48),
  capacity: z.number().int().min(1).max(50),
  specialistAgentId: id.optional(),
});
export type CreateSlotsRequest = z.infer<typeof CreateSlotsRequest>;

/** One status change of an agent, as recorded. */
export const StatusChange = z.object({
  agentId: z.string(),
  status: AgentStatus,
  reason: StatusReason,
  at: z.string(),
});
export type StatusChange = z.infer<typeof StatusChange>;

/** Routes of the routing area. */
export const routingRoutes = {
  /** Every centre this server serves (agents need them for transfers and places). */
  listCentres: {
    method: 'GET',
    path: '/api/centres',
    roles: ['agent', 'admin', 'technician'],
    response: z.object({ centres: z.array(Centre) }),
  },
  /** A supervisor changes their own centre's routing settings (offer or pull, timeouts, partners). */
  updateCentreRouting: {
    method: 'PUT',
    path: '/api/admin/centres/:centreId/routing',
    roles: ['admin'],
    params: z.object({ centreId: CentreId }),
    body: z.object({ routing: RoutingSettings, partners: z.array(CentreId).max(20) }),
    response: z.object({ centre: Centre }),
  },
  /** A supervisor sets an agent's skills (their own centre's agents only). */
  setAgentSkills: {
    method: 'PUT',
    path: '/api/admin/agents/:agentId/skills',
    roles: ['admin'],
    params: z.object({ agentId: id }),
    body: z.object({ skills: z.array(Skill).max(10) }),
    response: z.object({ agent: Agent }),
  },
  /** Every recorded status change of a day, per agent (the supervisor's centre). */
  listStatusChanges: {
    method: 'GET',
    path: '/api/admin/status-changes',
    roles: ['admin'],
    query: z.object({ day: day.optional(), agentId: id.optional() }),
    response: z.object({ changes: z.array(StatusChange) }),
  },
  /** Who the caller can transfer their session to: agents (with status) and skill groups. */
  transferOptions: {
    method: 'GET',
    path: '/api/transfer-options',
    roles: ['agent', 'admin'],
    response: z.object({ options: z.array(TransferOption) }),
  },
  /** Slots of a day (default today) in the caller's centre, optionally for one skill. */
  listSlots: {
    method: 'GET',
    path: '/api/appointments/slots',
    roles: ['agent', 'admin'],
    query: z.object({ day: day.optional(), skill: Skill.optional() }),
    response: z.object({ slots: z.array(AppointmentSlot) }),
  },
  /** A supervisor opens slots for a skill group (their centre). */
  createSlots: {
    method: 'POST',
    path: '/api/admin/appointments/slots',
    roles: ['admin'],
    body: CreateSlotsRequest,
    response: z.object({ slots: z.array(AppointmentSlot) }),
    status: 201,
  },
  /** An agent books for a resident (by phone). SLOT_PAST, SLOT_FULL when it cannot be had. */
  bookAppointment: {
    method: 'POST',
    path: '/api/appointments',
    roles: ['agent', 'admin'],
    body: BookAppointmentRequest,
    response: z.object({ appointment: Appointment }),
    status: 201,
  },
  /**
   * Cancels a booked appointment of the caller's centre; its place in the slot is free again and the
   * kiosk's check-in no longer finds it. FORBIDDEN for another centre's, WRONG_STATE once it is not
   * booked (checked in, served, missed or already cancelled).
   */
  cancelAppointment: {
    method: 'POST',
    path: '/api/appointments/:appointmentId/cancel',
    roles: ['agent', 'admin'],
    params: z.object({ appointmentId: id }),
    body: CancelAppointmentRequest,
    response: z.object({ appointment: Appointment }),
  },
  /** The caller's appointments of a day: theirs as specialist, and their skills' (default today). */
  myAppointments: {
    method: 'GET',
    path: '/api/appointments/mine',
    roles: ['agent', 'admin'],
    query: z.object({ day: day.optional() }),
    response: z.object({ appointments: z.array(Appointment) }),
  },
  /** A day's appointments of the supervisor's centre. */
  listAppointments: {
    method: 'GET',
    path: '/api/admin/appointments',
    roles: ['admin'],
    query: z.object({ day: day.optional() }),
    response: z.object({ appointments: z.array(Appointment) }),
  },
  /** The kiosk's centre's open slots from now on (next 14 days), for booking at the kiosk. */
  kioskSlots: {
    method: 'GET',
    path: '/api/kiosk/appointments/slots',
    roles: ['kiosk'],
    query: z.object({ skill: Skill.optional() }),
    response: z.object({ slots: z.array(AppointmentSlot) }),
  },
  /** The kiosk host books for the resident at the kiosk, after consent (the card's number and name). */
  kioskBook: {
    method: 'POST',
    path: '/api/kiosk/appointments',
    roles: ['kiosk'],
    body: BookAppointmentRequest,
    response: z.object({ appointment: Appointment }),
    status: 201,
  },
  /**
   * The kiosk host asks, after consent, whether the card's holder has an appointment due now (from
   * CHECK_IN_EARLY_MIN before the window to its end); it is marked arrived at this kiosk, and its id
   * goes with `ticket:request`.
   */
  kioskCheckIn: {
    method: 'POST',
    path: '/api/kiosk/appointments/check-in',
    roles: ['kiosk'],
    body: z.object({
      idNumber: z.string().regex(/^\d{17}[\dXx]$/),
      /** The consent the resident gave on the kiosk: recorded in the consent ledger before the lookup. */
      consentText: z.string().trim().min(1).max(2000),
      locale: z.enum(['zh-CN', 'en']),
    }),
    response: z.object({ appointment: Appointment.nullable() }),
  },
  /** The live view's current state (then `supervisor:update` on the socket). */
  supervisorLive: {
    method: 'GET',
    path: '/api/admin/live',
    roles: ['admin'],
    response: SupervisorSnapshot,
  },
  /** The charts' series for a day (default today). */
  supervisorCharts: {
    method: 'GET',
    path: '/api/admin/charts',
    roles: ['admin'],
    query: z.object({ day: day.optional() }),
    response: SupervisorCharts,
  },
  /** The daily report as CSV (UTF-8 with a byte-order mark, so that Excel and WPS read the Chinese). */
  dailyReport: {
    method: 'GET',
    path: '/api/admin/reports/daily',
    roles: ['admin'],
    query: z.object({ date: day }),
    response: z.instanceof(Uint8Array),
    binary: { contentType: 'text/csv; charset=utf-8' },
  },
  /** Assigns an open follow-up to a staff member of the centre. */
  assignFollowUp: {
    method: 'POST',
    path: '/api/admin/follow-ups/:followUpId/assign',
    roles: ['admin'],
    params: z.object({ followUpId: id }),
    body: z.object({ agentId: id }),
    response: z.object({ followUp: FollowUp }),
  },
  /** Adds a note to an open follow-up. */
  noteFollowUp: {
    method: 'POST',
    path: '/api/admin/follow-ups/:followUpId/notes',
    roles: ['admin'],
    params: z.object({ followUpId: id }),
    body: z.object({ text: z.string().trim().min(2).max(2000) }),
    response: z.object({ followUp: FollowUp }),
  },
} as const satisfies HttpRouteSlice;
