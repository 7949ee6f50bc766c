/** Sample print jobs and capture requests for the paper tests, and a bridge whose events they emit. */
import type { MaterialRequest, PrintJob, PrintJobState } from '@rvw/shared';
import type { PaperContext } from './paper-model';

/** The session the samples belong to. */
export const SESSION = 's1';

/** A call on session s1. */
export const inCallContext: PaperContext = { sessionId: SESSION, inCall: true, atHome: false };
/** The same visit after the call (outcome, rating, thanks). */
export const afterCallContext: PaperContext = { sessionId: SESSION, inCall: false, atHome: false };
/** Back at welcome. */
export const homeContext: PaperContext = { sessionId: null, inCall: false, atHome: true };

/** The receipt's job `jobId` in `state`. */
export function job(state: PrintJobState = 'offered', jobId = 'j1', over: Partial<PrintJob> = {}): PrintJob {
  return {
    jobId,
    sessionId: SESSION,
    caseId: 'c1',
    documentId: 'd1',
    kind: 'receipt',
    title: { zh: '老年照护统一需求评估申请受理回执', en: 'Acceptance receipt' },
    sha256: 'a'.repeat(64),
    state,
    reason: state === 'failed' ? 'out-of-paper' : null,
    detail: state === 'failed' ? 'media-empty-error' : null,
    requestId: 'req-0001',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

/** The assessment-result notice (not a receipt). */
export const notice = { zh: '老年照护统一需求评估结果告知书', en: 'Assessment result notice' };

/** Capture request `requestId` for a household register page, in `state`. */
export function request(
  state: MaterialRequest['state'] = 'asked',
  requestId = 'm1',
  over: Partial<MaterialRequest> = {},
): MaterialRequest {
  return {
    requestId,
    sessionId: SESSION,
    caseId: 'c1',
    label: '户口簿本人页',
    state,
    materialId: state === 'captured' ? 'mat1' : null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

type Listener = (payload: unknown) => void;

/** A bridge answering with `invoke`, whose events the test emits with `emit`. */
export function eventBridge<I>(invoke: I) {
  const listeners = new Map<string, Set<Listener>>();
  const bridge = {
    invoke,
    on: (channel: string, fn: Listener) => {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(fn);
      return () => set.delete(fn);
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const fn of listeners.get(channel) ?? []) fn(payload);
  };
  return { bridge, emit };
}
