/** A Scheduler driven by hand: tests advance its clock instead of waiting for real timers. */
import type { Scheduler } from '../clock';

interface Job {
  at: number;
  fn: () => void;
}

/** Runs scheduled callbacks only when `advance` moves its clock past them. */
export class ManualScheduler implements Scheduler {
  private now = 0;
  private readonly jobs = new Set<Job>();

  /** Schedules `fn` at now + ms. */
  schedule(fn: () => void, ms: number): unknown {
    const job = { at: this.now + ms, fn };
    this.jobs.add(job);
    return job;
  }

  /** Cancels a job; unknown handles are ignored. */
  cancel(handle: unknown): void {
    this.jobs.delete(handle as Job);
  }

  /** Jobs not yet run or cancelled. */
  get pending(): number {
    return this.jobs.size;
  }

  /** Moves the clock forward, running due jobs in time order. */
  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      const due = [...this.jobs].filter((j) => j.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.jobs.delete(due);
      this.now = due.at;
      due.fn();
    }
    this.now = target;
  }

  /** Runs every pending job now, whatever its time. */
  runAll(): void {
    this.advance(Number.MAX_SAFE_INTEGER / 2);
  }
}
