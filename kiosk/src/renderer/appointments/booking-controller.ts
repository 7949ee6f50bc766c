/**
 * Booking a slot at the kiosk (issue 11 #8), outside React: loads the centre's open slots through the
 * host (`appointment:slots`), lets the resident choose one, confirm, and books it with the held card
 * (`appointment:book`). A slot taken or begun meanwhile (SLOT_FULL, SLOT_PAST) brings the fresh list
 * back with a sentence saying why; the card, the server or anything else ends in a plain problem.
 * The view subscribes (useSyncExternalStore); late answers after `dispose` are dropped.
 */
import { bridgeErrorCode, type Appointment, type AppointmentSlot, type KioskBridge } from '@rvw/shared';

/** How many slots one page shows (big buttons, a short list to hear). */
export const SLOTS_PER_PAGE = 4;

/** Why the list came back, or why nothing was booked. */
export type BookingNotice = 'full' | 'past';
export type BookingProblem = 'duplicate' | 'offline' | 'card' | 'failed';

/** Where the booking stands. */
export type BookingStep =
  | { step: 'loading' }
  | { step: 'choose'; slots: AppointmentSlot[]; page: number; notice?: BookingNotice }
  | { step: 'confirm'; slots: AppointmentSlot[]; page: number; slot: AppointmentSlot }
  | { step: 'sending'; slot: AppointmentSlot }
  | { step: 'booked'; appointment: Appointment }
  | { step: 'problem'; problem: BookingProblem; retry: 'load' | 'book' | null };

type Invoke = KioskBridge['invoke'];

/** The slots of one page, and how many pages there are. */
export function pageOf(slots: readonly AppointmentSlot[], page: number) {
  const pages = Math.max(1, Math.ceil(slots.length / SLOTS_PER_PAGE));
  const at = Math.min(Math.max(0, page), pages - 1);
  return { page: at, pages, slots: slots.slice(at * SLOTS_PER_PAGE, (at + 1) * SLOTS_PER_PAGE) };
}

function problemOf(err: unknown): BookingProblem {
  const code = bridgeErrorCode(err);
  if (code === 'CONFLICT') return 'duplicate';
  if (code === 'NO_CARD' || code === 'FORBIDDEN') return 'card';
  if (code === 'SERVER_UNREACHABLE' || code === 'BRIDGE_UNREACHABLE') return 'offline';
  return 'failed';
}

/** One booking at the kiosk, from the list of slots to the receipt. */
export class BookingController {
  private state: BookingStep = { step: 'loading' };
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  private lastSlot: AppointmentSlot | null = null;

  constructor(private readonly invoke: Invoke) {}

  /** The current step (the same object until it changes). */
  readonly getSnapshot = (): BookingStep => this.state;

  /** Calls `listener` on every change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(next: BookingStep): void {
    if (this.disposed) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** Loads (again) the open slots; `notice` says why the list is shown again. */
  async load(notice?: BookingNotice): Promise<void> {
    this.set({ step: 'loading' });
    try {
      const { slots } = await this.invoke('appointment:slots', {});
      this.set({ step: 'choose', slots, page: 0, ...(notice ? { notice } : {}) });
    } catch (err) {
      this.set({ step: 'problem', problem: problemOf(err), retry: 'load' });
    }
  }

  /** Shows another page of slots. */
  turn(delta: number): void {
    const s = this.state;
    if (s.step !== 'choose') return;
    const { page } = pageOf(s.slots, s.page + delta);
    if (page !== s.page) this.set({ step: 'choose', slots: s.slots, page });
  }

  /** The resident pressed a slot: ask to confirm it. */
  choose(slotId: string): void {
    const s = this.state;
    if (s.step !== 'choose') return;
    const slot = s.slots.find((x) => x.slotId === slotId);
    if (slot) this.set({ step: 'confirm', slots: s.slots, page: s.page, slot });
  }

  /** Back from the question to the list, where it was. */
  change(): void {
    const s = this.state;
    if (s.step === 'confirm') this.set({ step: 'choose', slots: s.slots, page: s.page });
  }

  /** Books the slot being confirmed (or, after a failure, the last one tried). */
  async confirm(): Promise<void> {
    const s = this.state;
    const slot = s.step === 'confirm' ? s.slot : s.step === 'problem' ? this.lastSlot : null;
    if (!slot) return;
    this.lastSlot = slot;
    this.set({ step: 'sending', slot });
    try {
      const { appointment } = await this.invoke('appointment:book', { slotId: slot.slotId });
      this.set({ step: 'booked', appointment });
    } catch (err) {
      const code = bridgeErrorCode(err);
      if (code === 'SLOT_FULL' || code === 'SLOT_PAST') {
        await this.load(code === 'SLOT_FULL' ? 'full' : 'past');
        return;
      }
      const problem = problemOf(err);
      this.set({
        step: 'problem',
        problem,
        retry: problem === 'offline' || problem === 'failed' ? 'book' : null,
      });
    }
  }

  /** Tries again what failed: the list or the booking. */
  async retry(): Promise<void> {
    const s = this.state;
    if (s.step !== 'problem' || !s.retry) return;
    if (s.retry === 'book') await this.confirm();
    else await this.load();
  }

  /** Stops telling the view; answers still on their way are dropped. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
