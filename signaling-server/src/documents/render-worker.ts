/**
 * The render worker (a worker thread, started by render-pool.ts): renders one document per message
 * with the PDF renderer, so that font loading and layout (100 ms to seconds) never hold the
 * server's event loop. Other systems' records are asked of the main thread, method by method.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { renderDocument, type DocumentInput, type DocumentPlanEntry, type ExternalRecords } from './render';

/** Main -> worker. */
export type ToWorker =
  | { type: 'render'; id: number; entry: DocumentPlanEntry; input: DocumentInput }
  | { type: 'records-answer'; call: number; ok: boolean; value?: unknown };

/** Worker -> main. */
export type FromWorker =
  | { type: 'rendered'; id: number; out: { bytes: ArrayBuffer; pages: number; sha256: string } | null }
  | { type: 'failed'; id: number; error: { name: string; code?: string; path?: string } }
  | { type: 'records-call'; id: number; call: number; method: string; args: unknown[] };

if (!parentPort) throw new Error('render-worker.ts runs only as a worker thread');
const port: MessagePort = parentPort;

let nextCall = 0;
const calls = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

/** The records of render `id`: every method of ExternalRecords, answered by the main thread. */
function recordsFor(id: number): ExternalRecords {
  return new Proxy({} as ExternalRecords, {
    get:
      (_target, method) =>
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const call = nextCall++;
          calls.set(call, { resolve, reject });
          port.postMessage({
            type: 'records-call',
            id,
            call,
            method: String(method),
            args,
          } satisfies FromWorker);
        }),
  });
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'records-answer') {
    const c = calls.get(msg.call);
    calls.delete(msg.call);
    if (msg.ok) c?.resolve(msg.value);
    else c?.reject(new Error('the records source failed'));
    return;
  }
  void renderDocument(msg.entry, msg.input, recordsFor(msg.id)).then(
    (out) => {
      if (!out) return port.postMessage({ type: 'rendered', id: msg.id, out: null } satisfies FromWorker);
      // A copy in an ArrayBuffer of its own, moved (not copied again) to the main thread.
      const bytes = new Uint8Array(out.bytes).buffer;
      port.postMessage(
        {
          type: 'rendered',
          id: msg.id,
          out: { bytes, pages: out.pages, sha256: out.sha256 },
        } satisfies FromWorker,
        [bytes],
      );
    },
    (err: unknown) => {
      const e = err instanceof Error ? (err as Error & { code?: unknown; path?: unknown }) : null;
      port.postMessage({
        type: 'failed',
        id: msg.id,
        // Only the kind of error: its message could quote a document's content.
        error: {
          name: e?.name ?? 'Error',
          ...(typeof e?.code === 'string' ? { code: e.code } : {}),
          ...(typeof e?.path === 'string' ? { path: e.path } : {}),
        },
      } satisfies FromWorker);
    },
  );
});
