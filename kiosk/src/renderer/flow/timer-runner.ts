/**
 * Runs the flow's timer effects with real timers for the controller, and feeds each expiry back
 * as a `timer` event. The only part of flow/ that is not pure.
 */
import type { Effect, FlowEvent, TimerName } from './machine';

/** The two timer effects. */
export type TimerEffect = Extract<Effect, { type: 'start-timer' | 'cancel-timer' }>;

/** One pending timeout per timer name; starting a running timer restarts it. */
export class TimerRunner {
  private readonly pending = new Map<TimerName, ReturnType<typeof setTimeout>>();

  /** `fire` receives `{ type: 'timer', timer }` when a timer expires. */
  constructor(private readonly fire: (event: Extract<FlowEvent, { type: 'timer' }>) => void) {}

  /** Starts or cancels the timer the effect names. */
  run(effect: TimerEffect): void {
    const running = this.pending.get(effect.timer);
    if (running) clearTimeout(running);
    this.pending.delete(effect.timer);
    if (effect.type === 'cancel-timer') return;
    const timer = effect.timer;
    this.pending.set(
      timer,
      setTimeout(() => {
        this.pending.delete(timer);
        this.fire({ type: 'timer', timer });
      }, effect.ms),
    );
  }

  /** Cancels every pending timer (when the controller stops). */
  cancelAll(): void {
    for (const running of this.pending.values()) clearTimeout(running);
    this.pending.clear();
  }
}
