/**
 * The console's 预约 tab outside React (issue 11 #8): the day's appointments, a day's slots for the
 * phone booking, the booking, cancelling (asked, then confirmed) and the supervisor's opening of
 * slots, each with its own busy flag and the code of its last refusal (SLOT_FULL, SLOT_PAST, CONFLICT... shown in words by the view). The
 * form's input is checked here first, so that a wrong field is named before anything is sent.
 */
import {
  BookAppointmentRequest,
  CreateSlotsRequest,
  type Appointment,
  type AppointmentSlot,
} from '@rvw/shared';
import { useSyncExternalStore } from 'react';
import { errorCodeOf } from '../lib/errors';
import type { AppointmentTransport } from './appointment-api';
import { shanghaiDay } from './appointment-words';

/** A list read from the server: null until read. */
export interface Loaded<T> {
  items: T[] | null;
  loading: boolean;
  /** The code of the last failed read. */
  error: string | null;
}

/** What the views render. */
export interface AppointmentSnapshot {
  /** The day listed (YYYY-MM-DD, Asia/Shanghai). */
  day: string;
  appointments: Loaded<Appointment>;
  /** The slots of `slotsDay`, for the phone booking. */
  slotsDay: string;
  slots: Loaded<AppointmentSlot>;
  booking: { busy: boolean; error: string | null; booked: Appointment | null };
  /**
   * Cancelling one appointment of the list: `asking` once its Cancel was pressed (the row asks to
   * confirm), `busy` while the server is asked; `error` the code of its last refusal.
   */
  cancelling: { appointmentId: string | null; asking: boolean; busy: boolean; error: string | null };
  creating: { busy: boolean; error: string | null; created: AppointmentSlot[] | null };
}

/** A form's answer: done, or the field (or server code) that was refused. */
export type FormResult = { ok: true } | { ok: false; field?: string; code: string };

const empty = <T>(): Loaded<T> => ({ items: null, loading: false, error: null });
const noCancel: AppointmentSnapshot['cancelling'] = {
  appointmentId: null,
  asking: false,
  busy: false,
  error: null,
};

/** One agent's 预约 tab. */
export class AppointmentStore {
  private state: AppointmentSnapshot;
  private readonly listeners = new Set<() => void>();
  // Answers of an older request for another day are dropped.
  private listSeq = 0;
  private slotSeq = 0;

  constructor(
    private readonly transport: AppointmentTransport,
    private readonly clock: () => Date = () => new Date(),
    /** Told of every failure (the console signs out on a lost login). */
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    const today = shanghaiDay(clock());
    this.state = {
      day: today,
      appointments: empty(),
      slotsDay: today,
      slots: empty(),
      booking: { busy: false, error: null, booked: null },
      cancelling: noCancel,
      creating: { busy: false, error: null, created: null },
    };
  }

  readonly getSnapshot = (): AppointmentSnapshot => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private failed(err: unknown): string {
    this.onError(err);
    return errorCodeOf(err);
  }

  private patch(next: Partial<AppointmentSnapshot>): void {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  /** Reads the listed day's appointments (again); `day` switches to another day. */
  async refresh(day = this.state.day): Promise<void> {
    const seq = ++this.listSeq;
    if (day !== this.state.day && !this.state.cancelling.busy) this.patch({ cancelling: noCancel });
    this.patch({ day, appointments: { ...this.state.appointments, loading: true, error: null } });
    try {
      const items = await this.transport.appointments(day);
      if (seq === this.listSeq) this.patch({ appointments: { items, loading: false, error: null } });
    } catch (err) {
      if (seq === this.listSeq)
        this.patch({ appointments: { ...this.state.appointments, loading: false, error: this.failed(err) } });
    }
  }

  /** Reads a day's slots for the booking form. */
  async loadSlots(day = this.state.slotsDay): Promise<void> {
    const seq = ++this.slotSeq;
    const items = day === this.state.slotsDay ? this.state.slots.items : null;
    this.patch({ slotsDay: day, slots: { items, loading: true, error: null } });
    try {
      const slots = await this.transport.slots(day);
      if (seq === this.slotSeq) this.patch({ slots: { items: slots, loading: false, error: null } });
    } catch (err) {
      if (seq === this.slotSeq) this.patch({ slots: { items, loading: false, error: this.failed(err) } });
    }
  }

  /** The booking form's slots: not yet begun, in start order (full ones too, marked by the view). */
  bookable(): AppointmentSlot[] {
    const now = this.clock().getTime();
    return (this.state.slots.items ?? []).filter((s) => Date.parse(s.startsAt) > now);
  }

  /**
   * Books for the resident on the phone. A wrong field is refused here (its name); the server's
   * refusal keeps its code; either way the slots are read again after a refusal by the server.
   */
  async book(input: {
    slotId: string;
    residentName: string;
    idNumber: string;
    phone: string;
  }): Promise<FormResult> {
    const parsed = BookAppointmentRequest.safeParse({
      slotId: input.slotId,
      residentName: input.residentName,
      idNumber: input.idNumber.trim(),
      ...(input.phone.trim() ? { phone: input.phone.trim() } : {}),
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      this.patch({ booking: { busy: false, error: `invalid.${field}`, booked: null } });
      return { ok: false, field, code: 'BAD_PAYLOAD' };
    }
    this.patch({ booking: { busy: true, error: null, booked: null } });
    try {
      const booked = await this.transport.book(parsed.data);
      this.patch({ booking: { busy: false, error: null, booked } });
      void this.loadSlots();
      if (shanghaiDay(new Date(booked.slot.startsAt)) === this.state.day) void this.refresh();
      return { ok: true };
    } catch (err) {
      const code = this.failed(err);
      this.patch({ booking: { busy: false, error: code, booked: null } });
      void this.loadSlots();
      return { ok: false, code };
    }
  }

  /** The first press of a row's Cancel: that row asks to confirm (another row's question goes). */
  askCancel(appointmentId: string): void {
    if (this.state.cancelling.busy) return;
    this.patch({ cancelling: { appointmentId, asking: true, busy: false, error: null } });
  }

  /** The agent keeps the appointment after all. */
  keepAppointment(): void {
    if (this.state.cancelling.busy) return;
    this.patch({ cancelling: noCancel });
  }

  /**
   * The confirmation: cancels the appointment asked about. Its row shows it cancelled and the slots
   * are read again (its place is free); a refusal (WRONG_STATE: checked in or cancelled meanwhile)
   * keeps its code and the day is read again, so that the row shows what happened.
   */
  async confirmCancel(): Promise<FormResult> {
    const { appointmentId, asking, busy } = this.state.cancelling;
    if (!appointmentId || !asking || busy) return { ok: false, code: 'WRONG_STATE' };
    this.patch({ cancelling: { appointmentId, asking: false, busy: true, error: null } });
    try {
      const cancelled = await this.transport.cancel(appointmentId);
      const items = this.state.appointments.items?.map((a) =>
        a.appointmentId === appointmentId ? cancelled : a,
      );
      this.patch({
        cancelling: { appointmentId, asking: false, busy: false, error: null },
        ...(items ? { appointments: { ...this.state.appointments, items } } : {}),
      });
      if (this.state.slots.items !== null) void this.loadSlots();
      return { ok: true };
    } catch (err) {
      const code = this.failed(err);
      this.patch({ cancelling: { appointmentId, asking: false, busy: false, error: code } });
      void this.refresh();
      return { ok: false, code };
    }
  }

  /** Opens slots (a supervisor, their centre). */
  async createSlots(input: unknown): Promise<FormResult> {
    const parsed = CreateSlotsRequest.safeParse(input);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      this.patch({ creating: { busy: false, error: 'invalid', created: null } });
      return { ok: false, field, code: 'BAD_PAYLOAD' };
    }
    this.patch({ creating: { busy: true, error: null, created: null } });
    try {
      const created = await this.transport.createSlots(parsed.data);
      this.patch({ creating: { busy: false, error: null, created } });
      void this.loadSlots();
      return { ok: true };
    } catch (err) {
      const code = this.failed(err);
      this.patch({ creating: { busy: false, error: code, created: null } });
      return { ok: false, code };
    }
  }

  /** Forgets the last booking's or opening's message (the form was opened again). */
  clearMessages(): void {
    this.patch({
      booking: { ...this.state.booking, error: null, booked: null },
      creating: { ...this.state.creating, error: null, created: null },
    });
  }
}

/** Renders from the store (also on the server, for the view tests). */
export function useAppointmentStore(store: AppointmentStore): AppointmentSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
