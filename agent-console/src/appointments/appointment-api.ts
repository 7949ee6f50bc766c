/**
 * The server's side of the 预约 tab over HTTP with the agent's login (the typed client): the day's
 * appointments (the agent's own, or the whole centre's for a supervisor), a day's slots, booking by
 * phone, cancelling, opening slots, and what the supervisor's form chooses from (catalogue items, agents).
 */
import type {
  Agent,
  Appointment,
  AppointmentSlot,
  BookAppointmentRequest,
  CatalogueItemSummary,
  CreateSlotsRequest,
  Skill,
} from '@rvw/shared';
import { asConsoleError, consoleApi } from '../lib/api';

/** What the appointment store asks of the server; each call rejects with a ConsoleError. */
export interface AppointmentTransport {
  appointments(day: string): Promise<Appointment[]>;
  slots(day: string): Promise<AppointmentSlot[]>;
  book(request: BookAppointmentRequest): Promise<Appointment>;
  /** Cancels a booked appointment; answers it as it is now (`cancelled`). */
  cancel(appointmentId: string): Promise<Appointment>;
  createSlots(request: CreateSlotsRequest): Promise<AppointmentSlot[]>;
  items(skill: Skill): Promise<CatalogueItemSummary[]>;
  agents(): Promise<Agent[]>;
}

/**
 * The transport over HTTP; `supervisor` lists the whole centre's day instead of the agent's own.
 * `baseUrl` defaults to the page's origin (tests name their server).
 */
export function httpAppointments(token: string, supervisor: boolean, baseUrl?: string): AppointmentTransport {
  const api = consoleApi({ token, ...(baseUrl ? { baseUrl } : {}) });
  return {
    appointments: async (day) =>
      (
        await asConsoleError(
          supervisor ? api.listAppointments({ query: { day } }) : api.myAppointments({ query: { day } }),
        )
      ).appointments,
    slots: async (day) => (await asConsoleError(api.listSlots({ query: { day } }))).slots,
    book: async (body) => (await asConsoleError(api.bookAppointment({ body }))).appointment,
    cancel: async (appointmentId) =>
      (await asConsoleError(api.cancelAppointment({ params: { appointmentId }, body: {} }))).appointment,
    createSlots: async (body) => (await asConsoleError(api.createSlots({ body }))).slots,
    items: async (category) => (await asConsoleError(api.listCatalogue({ query: { category } }))).items,
    agents: async () => (await asConsoleError(api.listAgents())).agents,
  };
}
