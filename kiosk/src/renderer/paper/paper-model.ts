/**
 * The paper state of one visit (issue 10), as pure functions: the print jobs the agent started at
 * this kiosk (offer, progress, "take your paper") and the one capture request of the document
 * camera (ask, live picture, done). PaperController runs the bridge calls and the camera around it.
 *
 * Rules:
 * - Only the open session's jobs and requests count; nothing is taken before a session opened or
 *   after the visit ended (the privacy reset clears everything, thumbnails included).
 * - A job moves only forward (PRINT_STATE_ORDER): a repeated or late message changes nothing.
 * - Offers and captures need the call: leaving the call closes them. A job's progress is still
 *   shown after the call (outcome, rating, thanks): the resident must be told to take the paper,
 *   and "done" / "failed" stay until the resident taps 好的.
 */
import { PRINT_STATE_ORDER } from '@rvw/shared';
import type { MaterialRequest, PrintJob } from '@rvw/shared';

/** Where the visit stands, from the flow. */
export interface PaperContext {
  /** The open session, or the one just ended while its visit goes on; null before and after. */
  sessionId: string | null;
  /** A screen of the call is showing (the call runs). */
  inCall: boolean;
  /** The kiosk is back at welcome: nothing of the visit may stay. */
  atHome: boolean;
}

/** A plain sentence about what just went wrong on a paper screen. */
export type PaperProblem = 'send-failed' | 'upload-failed' | 'camera-failed';

/** One print job as the kiosk shows it. */
export interface PrintEntry {
  job: PrintJob;
  /** The resident's answer is on its way: the buttons take no second tap. */
  sending: boolean;
  problem: PaperProblem | null;
  /** The resident closed its "done" or "failed" panel. */
  dismissed: boolean;
}

/** Which camera shows the live picture: the document camera, or the face camera serving for it. */
export type CameraKind = 'document' | 'face';

/** The capture request on screen: asked, live (consented), or done (the thumbnail, briefly). */
export interface CaptureEntry {
  request: MaterialRequest;
  phase: 'ask' | 'live' | 'done';
  /** A consent or an upload is on its way. */
  sending: boolean;
  problem: PaperProblem | null;
  /** Null until the camera has opened. */
  camera: CameraKind | null;
  /** The captured picture (a data URL), shown while `done`; dropped with the entry. */
  thumb: string | null;
}

/** Everything the paper screens render from. */
export interface PaperState {
  /** The session whose paper this is (kept after the call until the visit ends). */
  sessionId: string | null;
  inCall: boolean;
  /** Jobs in the order they came. */
  prints: PrintEntry[];
  capture: CaptureEntry | null;
  /** Capture requests that ended here: a repeated message about one is ignored. */
  finished: string[];
}

export const emptyPaper: PaperState = {
  sessionId: null,
  inCall: false,
  prints: [],
  capture: null,
  finished: [],
};

/** What the paper layer shows, one thing at a time. */
export type PaperView =
  | { kind: 'none' }
  | { kind: 'capture'; capture: CaptureEntry }
  | { kind: 'print-offer'; entry: PrintEntry }
  | { kind: 'print-status'; entry: PrintEntry };

const NONE: PaperView = { kind: 'none' };

/**
 * The one thing to show: a capture under way (the resident is busy with it), else an offer waiting
 * for an answer, else a finished job not yet acknowledged, else a job in progress (a banner).
 */
export function paperView(state: PaperState): PaperView {
  if (state.capture && state.inCall) return { kind: 'capture', capture: state.capture };
  const offer = state.prints.find((p) => p.job.state === 'offered');
  if (offer && state.inCall) return { kind: 'print-offer', entry: offer };
  const ended = state.prints.find(
    (p) => (p.job.state === 'done' || p.job.state === 'failed') && !p.dismissed,
  );
  if (ended) return { kind: 'print-status', entry: ended };
  const running = state.prints.find((p) => p.job.state === 'queued' || p.job.state === 'printing');
  return running ? { kind: 'print-status', entry: running } : NONE;
}

/** A key that changes when the view shows something else (a new screen settles, is spoken). */
export function paperViewKey(view: PaperView): string {
  switch (view.kind) {
    case 'none':
      return 'none';
    case 'capture':
      return `capture|${view.capture.request.requestId}|${view.capture.phase}`;
    case 'print-offer':
    case 'print-status':
      return `${view.kind}|${view.entry.job.jobId}|${view.entry.job.state}`;
  }
}

/** The state for the flow's context: a fresh one at home or for another session. */
export function withContext(state: PaperState, context: PaperContext): PaperState {
  if (context.atHome) return state === emptyPaper ? state : emptyPaper;
  let next = state;
  if (context.sessionId && context.sessionId !== state.sessionId)
    next = { ...emptyPaper, sessionId: context.sessionId };
  if (next.inCall !== context.inCall) next = { ...next, inCall: context.inCall };
  if (!context.inCall && (next.capture || next.prints.some((p) => p.job.state === 'offered')))
    // The call is over: a question nobody answered, or a capture, has no agent behind it now.
    next = { ...next, capture: null, prints: next.prints.filter((p) => p.job.state !== 'offered') };
  return next;
}

/** A job's offer or new state (`print:offer`, `print:state`, or the answer to the consent). */
export function jobChanged(state: PaperState, job: PrintJob): PaperState {
  if (!state.sessionId || job.sessionId !== state.sessionId) return state;
  const index = state.prints.findIndex((p) => p.job.jobId === job.jobId);
  if (index < 0) {
    // Nothing to show for a job declined elsewhere; an offer needs the call to be answered in.
    if (job.state === 'declined' || (job.state === 'offered' && !state.inCall)) return state;
    return { ...state, prints: [...state.prints, { job, sending: false, problem: null, dismissed: false }] };
  }
  const known = state.prints[index]!;
  if (PRINT_STATE_ORDER[job.state] <= PRINT_STATE_ORDER[known.job.state]) return state;
  return updatePrint(state, job.jobId, { job, sending: false, problem: null });
}

/** Changes one job's entry. */
export function updatePrint(state: PaperState, jobId: string, patch: Partial<PrintEntry>): PaperState {
  if (!state.prints.some((p) => p.job.jobId === jobId)) return state;
  return { ...state, prints: state.prints.map((p) => (p.job.jobId === jobId ? { ...p, ...patch } : p)) };
}

/** The resident said no to an offer: it closes at once, whatever the server answers. */
export function offerDeclined(state: PaperState, jobId: string): PaperState {
  const entry = state.prints.find((p) => p.job.jobId === jobId);
  if (!entry || entry.job.state !== 'offered') return state;
  return updatePrint(state, jobId, { job: { ...entry.job, state: 'declined' }, sending: true });
}

/** The resident closed a finished job's panel. */
export function printDismissed(state: PaperState, jobId: string): PaperState {
  const entry = state.prints.find((p) => p.job.jobId === jobId);
  if (!entry || (entry.job.state !== 'done' && entry.job.state !== 'failed')) return state;
  return updatePrint(state, jobId, { dismissed: true });
}

function fresh(request: MaterialRequest, phase: CaptureEntry['phase']): CaptureEntry {
  return { request, phase, sending: false, problem: null, camera: null, thumb: null };
}

/** A capture request's new state (`material:state`, or the answer to the resident's consent). */
export function requestChanged(state: PaperState, request: MaterialRequest): PaperState {
  if (!state.sessionId || request.sessionId !== state.sessionId || !state.inCall) return state;
  const id = request.requestId;
  if (state.finished.includes(id)) return state;
  const current = state.capture?.request.requestId === id ? state.capture : null;
  switch (request.state) {
    case 'asked':
      return current ? state : { ...state, capture: fresh(request, 'ask') };
    case 'consented':
      if (current?.phase === 'ask')
        return withCapture(state, { ...current, request, phase: 'live', sending: false });
      // Consented before this screen knew it (a reload): straight to the live picture.
      return current ? state : { ...state, capture: fresh(request, 'live') };
    case 'captured':
      // The upload's own answer (or the done screen) closes it; otherwise it ended elsewhere.
      if (current && (current.phase === 'done' || current.sending))
        return withCapture(state, { ...current, request });
      return finish(state, id);
    case 'declined':
    case 'cancelled':
      return current?.phase === 'done' ? { ...state, finished: [...state.finished, id] } : finish(state, id);
  }
}

/** Changes the capture on screen, if it is still the one for `requestId`. */
export function updateCapture(
  state: PaperState,
  requestId: string,
  patch: Partial<CaptureEntry>,
): PaperState {
  if (state.capture?.request.requestId !== requestId) return state;
  return withCapture(state, { ...state.capture, ...patch });
}

/** Closes the capture for `requestId` (if on screen) and ignores any later message about it. */
export function finish(state: PaperState, requestId: string): PaperState {
  const finished = state.finished.includes(requestId) ? state.finished : [...state.finished, requestId];
  const capture = state.capture?.request.requestId === requestId ? null : state.capture;
  return { ...state, capture, finished };
}

function withCapture(state: PaperState, capture: CaptureEntry): PaperState {
  return { ...state, capture };
}
