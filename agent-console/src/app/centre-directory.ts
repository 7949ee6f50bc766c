/**
 * The centres this server serves (GET /api/centres), read at every (re)connect: their names and
 * regions name where a resident is, and the agent's own centre's routing mode says whether the
 * queue is pulled or offered. A failed read keeps what was known (the next connect reads again).
 */
import type { Centre, RoutingMode } from '@rvw/shared';
import { errorCodeOf } from '../lib/errors';

/** What the screens read. */
export interface CentreSnapshot {
  centres: ReadonlyMap<string, Centre>;
  /** True once one read succeeded in this sign-in. */
  loaded: boolean;
}

const EMPTY: CentreSnapshot = { centres: new Map(), loaded: false };

/** The centres for one page; reset on sign-out. */
export class CentreDirectory {
  private snapshot: CentreSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  /** Bumped by reset(), so that a read begun before a sign-out is not kept. */
  private generation = 0;

  constructor(private readonly load: () => Promise<Centre[]>) {}

  getSnapshot = (): CentreSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Reads the centres again; a failure is logged and keeps the last list. */
  async refresh(): Promise<void> {
    const generation = this.generation;
    try {
      const list = await this.load();
      if (generation !== this.generation) return;
      this.snapshot = { centres: new Map(list.map((c) => [c.id, c])), loaded: true };
      for (const listener of this.listeners) listener();
    } catch (e) {
      console.warn(`[console] centres not read: ${errorCodeOf(e)}`);
    }
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.generation += 1;
    this.snapshot = EMPTY;
    for (const listener of this.listeners) listener();
  }
}

/** The routing mode of a centre; `pull` until the centres are known (the queue then works as before). */
export function routingModeOf(snapshot: CentreSnapshot, centreId: string): RoutingMode {
  return snapshot.centres.get(centreId)?.routing.mode ?? 'pull';
}
