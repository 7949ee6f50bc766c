/**
 * Appointments (云导办, issue 11 #8): slots per skill group of a centre (opened by its supervisor),
 * booking by an agent for a resident on the phone or at the kiosk after consent, the kiosk's
 * check-in of the card's holder within the window, cancelling a booked one (by an agent of the
 * centre), and the day's lists for agents and supervisors.
 * Booked appointments whose window passed become `missed` (a sweep at start and every few minutes);
 * an arrived one becomes `served` when the session of its ticket ends. Names and numbers never reach
 * the log.
 */
import type { HttpRoutes, LocalText } from '@rvw/shared';
import { accountOf, kioskOf, type RouteHandlers } from '../http/route-registrar';
import { shanghaiDay } from '../queue/queue-rules';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';
import { appendConsent } from '../cases/consent-ledger';
import {
  BOOKED_AT_KIOSK,
  appointmentsOfDay,
  bookSlot,
  cancelAppointment,
  checkIn,
  getAppointment,
  markMissed,
  markServed,
  toAppointment,
  type AppointmentRecord,
  type BookingResident,
} from './appointment-store';
import { createSlots, openSlots, slotsByIds, slotsOfDay, toSlot, type SlotRecord } from './slot-store';

/** How often booked appointments whose window ended are marked missed. */
export const MISSED_SWEEP_MS = 5 * 60_000;

type AppointmentRoutes =
  | 'listSlots'
  | 'createSlots'
  | 'bookAppointment'
  | 'cancelAppointment'
  | 'myAppointments'
  | 'listAppointments'
  | 'kioskSlots'
  | 'kioskBook'
  | 'kioskCheckIn';

export class AppointmentArea {
  private sweepTimer: unknown = null;
  private stopped = false;
  private readonly onSessionEnded = ({ sessionId }: { sessionId: string }): void => {
    markServed(this.deps.db, sessionId).catch((err: unknown) =>
      this.deps.log.warn({ err, sessionId }, 'appointments: could not mark served'),
    );
  };

  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area (none: everything goes over HTTP). */
  readonly handlers: Pick<EventHandlers, never> = {};

  private readonly names = (code: string): LocalText | undefined => this.deps.catalogue.get(code)?.name;

  private slots(rows: SlotRecord[]) {
    return rows.map((r) => toSlot(r, this.names));
  }

  private view(rec: AppointmentRecord) {
    return toAppointment(rec, this.deps.cipher, this.names);
  }

  private async book(slotId: string, centreId: string, resident: BookingResident, bookedBy: string) {
    const id = await bookSlot(this.deps.db, this.deps.cipher, {
      slotId,
      centreId,
      resident,
      bookedBy,
      now: this.deps.clock(),
    });
    this.deps.log.info({ appointmentId: id, slotId, bookedBy }, 'appointments: booked');
    return { appointment: this.view((await getAppointment(this.deps.db, id))!) };
  }

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, AppointmentRoutes> {
    const { db, clock } = this.deps;
    const today = () => shanghaiDay(clock());
    return {
      listSlots: async ({ query }, ctx) => {
        const { agent } = accountOf(ctx);
        return { slots: this.slots(await slotsOfDay(db, agent.centreId, query.day ?? today(), query.skill)) };
      },
      createSlots: async ({ body }, ctx) => {
        const { agent } = accountOf(ctx);
        const ids = await createSlots(db, {
          centreId: agent.centreId,
          request: body,
          catalogue: { categoryOf: (code) => this.deps.catalogue.get(code)?.category },
          now: clock(),
        });
        this.deps.log.info(
          { centreId: agent.centreId, skill: body.skill, count: ids.length, by: agent.id },
          'appointments: slots opened',
        );
        return { slots: this.slots(await slotsByIds(db, ids)) };
      },
      bookAppointment: async ({ body }, ctx) => {
        const { agent } = accountOf(ctx);
        const resident = { name: body.residentName, idNumber: body.idNumber, phone: body.phone };
        return this.book(body.slotId, agent.centreId, resident, agent.id);
      },
      cancelAppointment: async ({ params, body }, ctx) => {
        const { agent } = accountOf(ctx);
        await cancelAppointment(db, { appointmentId: params.appointmentId, centreId: agent.centreId });
        // Who and when are recorded here (the row keeps only its status); the reason is free text
        // that may name the resident, so only whether one was given is logged.
        this.deps.log.info(
          {
            appointmentId: params.appointmentId,
            centreId: agent.centreId,
            by: agent.id,
            at: clock().toISOString(),
            withReason: Boolean(body.reason),
          },
          'appointments: cancelled',
        );
        return { appointment: this.view((await getAppointment(db, params.appointmentId))!) };
      },
      myAppointments: async ({ query }, ctx) => {
        const { agent } = accountOf(ctx);
        const rows = await appointmentsOfDay(db, {
          centreId: agent.centreId,
          day: query.day ?? today(),
          agent: { agentId: agent.id, skills: agent.skills },
        });
        return { appointments: rows.map((r) => this.view(r)) };
      },
      listAppointments: async ({ query }, ctx) => {
        const { agent } = accountOf(ctx);
        const rows = await appointmentsOfDay(db, { centreId: agent.centreId, day: query.day ?? today() });
        return { appointments: rows.map((r) => this.view(r)) };
      },
      kioskSlots: async ({ query }, ctx) => {
        const kiosk = kioskOf(ctx);
        return { slots: this.slots(await openSlots(db, kiosk.centreId, clock(), query.skill)) };
      },
      kioskBook: async ({ body }, ctx) => {
        const kiosk = kioskOf(ctx);
        const resident = { name: body.residentName, idNumber: body.idNumber, phone: body.phone };
        return this.book(body.slotId, kiosk.centreId, resident, BOOKED_AT_KIOSK);
      },
      kioskCheckIn: async ({ body }, ctx) => {
        const kiosk = kioskOf(ctx);
        // The number arrives only after the resident agreed on the kiosk: that agreement is recorded.
        await appendConsent(db, {
          at: clock(),
          kind: 'share-identity',
          kioskId: kiosk.id,
          ticketId: null,
          text: body.consentText,
          locale: body.locale,
        });
        const id = await checkIn(db, this.deps.cipher, {
          kioskId: kiosk.id,
          centreId: kiosk.centreId,
          idNumber: body.idNumber,
          now: clock(),
        });
        if (!id) return { appointment: null };
        this.deps.log.info({ appointmentId: id, kioskId: kiosk.id }, 'appointments: checked in');
        return { appointment: this.view((await getAppointment(db, id))!) };
      },
    };
  }

  /** Marks the missed ones now and every MISSED_SWEEP_MS; marks served ones as sessions end. */
  async start(): Promise<void> {
    this.stopped = false;
    this.deps.bus.on('session-ended', this.onSessionEnded);
    await this.sweep();
  }

  /** One sweep of missed appointments (also run by tests), then the next is scheduled. */
  async sweep(): Promise<number> {
    let n = 0;
    try {
      n = await markMissed(this.deps.db, this.deps.clock());
      if (n > 0) this.deps.log.info({ count: n }, 'appointments: marked missed');
    } catch (err) {
      this.deps.log.warn({ err }, 'appointments: the missed sweep failed; it runs again later');
    }
    if (!this.stopped) {
      if (this.sweepTimer !== null) this.deps.scheduler.cancel(this.sweepTimer);
      this.sweepTimer = this.deps.scheduler.schedule(() => void this.sweep(), MISSED_SWEEP_MS);
    }
    return n;
  }

  /** Stops the sweep and the listener. */
  stop(): void {
    this.stopped = true;
    this.deps.bus.off('session-ended', this.onSessionEnded);
    if (this.sweepTimer !== null) this.deps.scheduler.cancel(this.sweepTimer);
    this.sweepTimer = null;
  }
}
