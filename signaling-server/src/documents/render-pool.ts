/**
 * Renders documents in one worker thread (render-worker.ts), started on first use and started again
 * after it dies, so that the server's event loop keeps answering acks, signals and routes while a
 * case's PDFs are laid out. Renders queue in the worker one after another; the records source stays
 * on the main thread (the worker calls it through messages).
 */
import { Worker } from 'node:worker_threads';
import type { DocumentInput, DocumentPlanEntry, ExternalRecords, RenderedDocument } from './render';
import type { FromWorker, ToWorker } from './render-worker';

/** An error the worker reported: its kind only. */
export class RenderFailed extends Error {
  constructor(
    name: string,
    readonly code?: string,
    readonly path?: string,
  ) {
    super('rendering a document failed in the render worker');
    this.name = name;
  }
}

interface Pending {
  resolve(out: RenderedDocument | null): void;
  reject(err: Error): void;
  records: ExternalRecords;
}

/** How long one render may take before the worker is deemed stuck and restarted (ms). */
export const RENDER_TIMEOUT_MS = 120_000;

/** One render worker, shared by the server's archiving and regeneration. */
export class RenderPool {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  /** Renders in the worker what renderDocument(entry, input, records) renders. */
  render(
    entry: DocumentPlanEntry,
    input: DocumentInput,
    records: ExternalRecords,
  ): Promise<RenderedDocument | null> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // A render that never answers: the worker is stuck; ending it fails every render it held.
      const timer = setTimeout(() => {
        reject(new RenderFailed('RenderTimeout'));
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      }, RENDER_TIMEOUT_MS);
      timer.unref();
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          fn(v);
        };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject), records });
      worker.postMessage({ type: 'render', id, entry, input } satisfies ToWorker);
    });
  }

  /**
   * Starts the worker ahead of the first case (loading the renderer through tsx takes seconds on
   * a cold machine), so that the first close of the day files its documents as fast as the rest.
   */
  warm(): void {
    if (!this.worker) this.start();
  }

  /** Stops the worker (renders still waiting fail). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url));
    worker.on('message', (msg: FromWorker) => this.received(worker, msg));
    // Idle, it does not keep the process alive; while a render waits, the pending promise does not either.
    // (After the 'message' listener: adding one refs the worker's port again.)
    worker.unref();
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(err);
      }
    };
    worker.on('error', (err) => fail(new RenderFailed(err.name)));
    worker.on('exit', () => fail(new RenderFailed('RenderWorkerExit')));
    this.worker = worker;
    return worker;
  }

  private received(worker: Worker, msg: FromWorker): void {
    if (msg.type === 'records-call') {
      const p = this.pending.get(msg.id);
      const answer = (ok: boolean, value?: unknown) =>
        worker.postMessage({ type: 'records-answer', call: msg.call, ok, value } satisfies ToWorker);
      const method = p ? (p.records as unknown as Record<string, unknown>)[msg.method] : undefined;
      if (!p || typeof method !== 'function') return answer(false);
      Promise.resolve()
        .then(() => (method as (...a: unknown[]) => unknown).apply(p.records, msg.args))
        .then(
          (value) => answer(true, value),
          () => answer(false),
        );
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'failed') p.reject(new RenderFailed(msg.error.name, msg.error.code, msg.error.path));
    else
      p.resolve(
        msg.out ? { bytes: Buffer.from(msg.out.bytes), pages: msg.out.pages, sha256: msg.out.sha256 } : null,
      );
  }
}

let shared: RenderPool | null = null;

/**
 * The process's render worker, shared by every server in it (tests start many): its fonts stay
 * loaded between cases. Its thread is unref'd, so it never keeps the process alive.
 */
export function sharedRenderPool(): RenderPool {
  shared ??= new RenderPool();
  return shared;
}
