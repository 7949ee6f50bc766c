/**
 * The enrolment gate's controller, outside React: asks the host whether this kiosk is enrolled at
 * start, follows its `enrolment:state` events and the server's refusals (server:status refused),
 * redeems the code the technician types (`enrolment:redeem`), and publishes the gate's view. The
 * kiosk's credential never reaches the renderer: the host stores it and connects with it.
 */
import { bridgeErrorCode, isCredentialRefused } from '@rvw/shared';
import type { KioskBridge } from '@rvw/shared';
import { initialEnrolment, reduceEnrolment } from './enrolment-model';
import type { EnrolmentEvent, EnrolmentView } from './enrolment-model';

/** How long "登记成功" stays before the kiosk goes on to the welcome screen by itself; 30 s. */
export const ENROLLED_MS = 30_000;

/** One kiosk window's enrolment gate. */
export class EnrolmentController {
  private view: EnrolmentView = initialEnrolment;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: Array<() => void> = [];
  private doneTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  /** `enrolledMs`: how long the success screen stays (default ENROLLED_MS). */
  constructor(
    private readonly bridge: KioskBridge,
    private readonly enrolledMs = ENROLLED_MS,
  ) {}

  /** The gate's view (stable until something changes). */
  getSnapshot = (): EnrolmentView => this.view;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Listens to the host and asks once whether this kiosk is enrolled. A host that cannot say keeps
   * the gate closed: a working kiosk is never held up by it.
   */
  async start(): Promise<void> {
    this.unsubscribers.push(
      this.bridge.on('enrolment:state', (state) => this.apply({ type: 'state', state, atStart: false })),
      this.bridge.on('server:status', ({ connected, refused }) => {
        if (connected) this.apply({ type: 'connected' });
        else if (refused && isCredentialRefused(refused)) this.apply({ type: 'refused' });
      }),
    );
    const state = await this.bridge.invoke('enrolment:state', {}).catch(() => null);
    if (state) this.apply({ type: 'state', state, atStart: true });
  }

  /** The technician's "技术人员登记" on the calm screen. */
  openEnrol = (): void => this.apply({ type: 'open-enrol' });

  /** Back from the first-run screen to the calm screen it was opened from. */
  back = (): void => this.apply({ type: 'back' });

  /** The technician changed the code or the address: an old error no longer applies. */
  edited = (): void => this.apply({ type: 'edited' });

  /** "开始使用" on the success screen (or its timer): on to the welcome screen. */
  finish = (): void => this.apply({ type: 'start' });

  /** Redeems a code (already normalised); `serverUrl` only when the configuration has none. */
  redeem = async (code: string, serverUrl?: string): Promise<void> => {
    if (this.view.screen !== 'enrol' || this.view.sending) return;
    this.apply({ type: 'sending' });
    try {
      const request = serverUrl ? { code, serverUrl } : { code };
      const state = await this.bridge.invoke('enrolment:redeem', request);
      this.apply({ type: 'redeemed', state });
    } catch (err) {
      this.apply({ type: 'failed', code: bridgeErrorCode(err) });
    }
  };

  /** Stops listening. */
  stop(): void {
    this.stopped = true;
    if (this.doneTimer) clearTimeout(this.doneTimer);
    for (const off of this.unsubscribers.splice(0)) off();
  }

  private apply(event: EnrolmentEvent): void {
    if (this.stopped) return;
    const next = reduceEnrolment(this.view, event);
    if (next === this.view) return;
    const before = this.view.screen;
    this.view = next;
    if (next.screen === 'enrolled' && before !== 'enrolled') {
      this.doneTimer = setTimeout(() => this.finish(), this.enrolledMs);
    } else if (next.screen !== 'enrolled' && this.doneTimer) {
      clearTimeout(this.doneTimer);
      this.doneTimer = null;
    }
    for (const listener of this.listeners) listener();
  }
}
