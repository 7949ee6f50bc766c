/**
 * The paper controller (issue 10), outside React: it takes the host's paper events (print offers
 * and states, capture requests, the agent's "capture now"), the resident's taps and the flow's
 * context, keeps the paper state (paper-model.ts), runs the bridge calls, opens and releases the
 * camera, takes the still, and publishes a snapshot for the paper views (useSyncExternalStore).
 *
 * A view that has just appeared takes no tap for SETTLE_MS (the second half of a double tap meant
 * for the form must not answer "print?"). A failed answer or upload leaves the question on screen
 * with a calm sentence, to be pressed again.
 */
import type { KioskBridge, Locale, MaterialRequest, PrintJob } from '@rvw/shared';
import { SETTLE_MS } from '../flow/machine';
import { openDocumentCamera, releaseCamera } from './camera';
import type { OpenCamera, OpenedCamera } from './camera';
import { grabFrame } from './frame';
import type { GrabFrame } from './frame';
import {
  emptyPaper,
  finish,
  jobChanged,
  offerDeclined,
  paperView,
  paperViewKey,
  printDismissed,
  requestChanged,
  updateCapture,
  updatePrint,
  withContext,
} from './paper-model';
import type { PaperContext, PaperState, PaperView } from './paper-model';
import { captureConsentText, printOfferText } from './paper-text';

/** What the paper views render from. */
export interface PaperSnapshot {
  state: PaperState;
  view: PaperView;
  /** The live picture while a capture shows it. */
  stream: MediaStream | null;
  /** The view has just appeared and takes no tap yet. */
  settling: boolean;
}

/** How long "拍好了" and the thumbnail stay before the call comes back. */
export const CAPTURE_DONE_MS = 3_000;

/** What the controller needs from the kiosk around it; the camera and the still are replaceable in tests. */
export interface PaperDeps {
  /** The language on screen (the consent text is sent in it). */
  locale: () => Locale;
  /** config.documentCamera: a part of the document camera's label, or null. */
  documentCamera: () => string | null;
  /** The call's local stream, if the call has the camera open. */
  callStream: () => MediaStream | null;
  openCamera?: OpenCamera;
  grab?: GrabFrame;
}

type PaperBridge = Pick<KioskBridge, 'invoke' | 'on'>;

/** The paper state of the kiosk's current visit. */
export class PaperController {
  private snapshot: PaperSnapshot = {
    state: emptyPaper,
    view: { kind: 'none' },
    stream: null,
    settling: false,
  };
  private readonly listeners = new Set<() => void>();
  private viewKey = 'none';
  private camera: OpenedCamera | null = null;
  // The request the camera is open (or opening) for.
  private cameraFor: string | null = null;
  private video: HTMLVideoElement | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private doneTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly bridge: PaperBridge,
    private readonly deps: PaperDeps,
  ) {}

  getSnapshot = (): PaperSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the host's paper events; returns the unsubscribers. */
  listen(): Array<() => void> {
    return [
      this.bridge.on('print:offer', (job) => this.jobEvent(job)),
      this.bridge.on('print:state', (job) => this.jobEvent(job)),
      this.bridge.on('material:state', (request) => this.requestEvent(request)),
      this.bridge.on('material:capture-now', ({ requestId }) => this.captureNow(requestId)),
    ];
  }

  /** Follows the flow: the session, whether the call runs, whether the kiosk is back home. */
  setContext(context: PaperContext): void {
    this.apply(withContext(this.snapshot.state, context));
  }

  /** The privacy reset: nothing of the visit stays (thumbnail and camera included). */
  reset(): void {
    this.apply(emptyPaper);
  }

  jobEvent(job: PrintJob): void {
    this.apply(jobChanged(this.snapshot.state, job));
  }

  requestEvent(request: MaterialRequest): void {
    this.apply(requestChanged(this.snapshot.state, request));
  }

  /** The agent pressed capture: the still is taken if the live picture shows that request. */
  captureNow(requestId: string): void {
    if (this.snapshot.state.capture?.request.requestId === requestId) void this.capture();
  }

  /** The resident's answer to a print offer; the text shown goes with it. */
  answerPrint = (jobId: string, accepted: boolean): void => {
    const entry = this.snapshot.state.prints.find((p) => p.job.jobId === jobId);
    if (!this.takesTap() || !entry || entry.job.state !== 'offered' || entry.sending) return;
    const locale = this.deps.locale();
    const request = { jobId, accepted, consentText: printOfferText(entry.job, locale), locale };
    // No closes at once, quietly; yes waits for the server's answer (the job, queued).
    this.apply(
      accepted
        ? updatePrint(this.snapshot.state, jobId, { sending: true })
        : offerDeclined(this.snapshot.state, jobId),
    );
    this.bridge.invoke('print:consent', request).then(
      ({ job }) => this.jobEvent(job),
      () => {
        if (accepted)
          this.apply(updatePrint(this.snapshot.state, jobId, { sending: false, problem: 'send-failed' }));
      },
    );
  };

  /** The resident closes a finished job's panel (好的). */
  dismissPrint = (jobId: string): void => {
    if (this.takesTap()) this.apply(printDismissed(this.snapshot.state, jobId));
  };

  /** The resident's answer to a capture request. */
  answerCapture = (requestId: string, accepted: boolean): void => {
    const capture = this.snapshot.state.capture;
    if (
      !this.takesTap() ||
      capture?.request.requestId !== requestId ||
      capture.phase !== 'ask' ||
      capture.sending
    )
      return;
    const locale = this.deps.locale();
    const consentText = captureConsentText(capture.request, locale);
    this.apply(
      accepted
        ? updateCapture(this.snapshot.state, requestId, { sending: true })
        : finish(this.snapshot.state, requestId),
    );
    this.bridge.invoke('material:consent', { requestId, accepted, consentText, locale }).then(
      ({ request }) => this.requestEvent(request),
      () => {
        if (accepted)
          this.apply(
            updateCapture(this.snapshot.state, requestId, { sending: false, problem: 'send-failed' }),
          );
      },
    );
  };

  /** The resident stops the capture (不拍了): it closes at once. */
  stopCapture = (requestId: string): void => {
    if (!this.takesTap() || this.snapshot.state.capture?.request.requestId !== requestId) return;
    this.apply(finish(this.snapshot.state, requestId));
    this.bridge.invoke('material:cancel', { requestId }).catch(() => undefined);
  };

  /** The resident's tap on 拍照. */
  takePhoto = (): void => {
    if (this.takesTap()) void this.capture();
  };

  /** The live picture's video element (the still is taken from it); null when it goes. */
  attachVideo = (video: HTMLVideoElement | null): void => {
    this.video = video;
  };

  /** Stops timers and the camera; nothing more is published. */
  stop(): void {
    this.clearTimers();
    this.closeCamera();
    this.stopped = true;
  }

  private takesTap(): boolean {
    return !this.stopped && !this.snapshot.settling;
  }

  private async capture(): Promise<void> {
    const capture = this.snapshot.state.capture;
    const video = this.video;
    if (!capture || capture.phase !== 'live' || capture.sending || !capture.camera || !video) return;
    const { requestId } = capture.request;
    this.apply(updateCapture(this.snapshot.state, requestId, { sending: true, problem: null }));
    try {
      const frame = await (this.deps.grab ?? grabFrame)(video);
      await this.bridge.invoke('material:upload', { requestId, mime: frame.mime, data: frame.data });
      this.apply(
        updateCapture(this.snapshot.state, requestId, { phase: 'done', sending: false, thumb: frame.thumb }),
      );
    } catch {
      // Calm, and the button again: the request stays consented on the server.
      this.apply(updateCapture(this.snapshot.state, requestId, { sending: false, problem: 'upload-failed' }));
    }
  }

  private apply(state: PaperState): void {
    if (this.stopped) return;
    const view = paperView(state);
    const key = paperViewKey(view);
    let { settling } = this.snapshot;
    if (key !== this.viewKey) {
      this.viewKey = key;
      settling = view.kind !== 'none';
      if (this.settleTimer) clearTimeout(this.settleTimer);
      this.settleTimer = settling ? setTimeout(() => this.settled(), SETTLE_MS) : null;
      if (this.doneTimer) clearTimeout(this.doneTimer);
      this.doneTimer = null;
      if (view.kind === 'capture' && view.capture.phase === 'done') {
        const id = view.capture.request.requestId;
        this.doneTimer = setTimeout(() => this.apply(finish(this.snapshot.state, id)), CAPTURE_DONE_MS);
      }
    }
    this.snapshot = { ...this.snapshot, state, view, settling };
    this.syncCamera(state);
    for (const listener of this.listeners) listener();
  }

  private settled(): void {
    this.settleTimer = null;
    if (this.stopped) return;
    this.snapshot = { ...this.snapshot, settling: false };
    for (const listener of this.listeners) listener();
  }

  // The camera is open exactly while a capture shows its live picture.
  private syncCamera(state: PaperState): void {
    const capture = state.inCall ? state.capture : null;
    const wanted =
      capture?.phase === 'live' && capture.problem !== 'camera-failed' ? capture.request.requestId : null;
    if (wanted === this.cameraFor) return;
    this.closeCamera();
    if (!wanted) return;
    this.cameraFor = wanted;
    const open = this.deps.openCamera ?? openDocumentCamera;
    open(this.deps.documentCamera(), this.deps.callStream()).then(
      (opened) => {
        if (this.stopped || this.cameraFor !== wanted) return releaseCamera(opened);
        this.camera = opened;
        this.snapshot = { ...this.snapshot, stream: opened.stream };
        this.apply(updateCapture(this.snapshot.state, wanted, { camera: opened.kind }));
      },
      () => {
        if (this.cameraFor !== wanted) return;
        this.apply(updateCapture(this.snapshot.state, wanted, { problem: 'camera-failed' }));
      },
    );
  }

  private closeCamera(): void {
    releaseCamera(this.camera);
    this.camera = null;
    this.cameraFor = null;
    if (this.snapshot.stream) this.snapshot = { ...this.snapshot, stream: null };
  }

  private clearTimers(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (this.doneTimer) clearTimeout(this.doneTimer);
    this.settleTimer = this.doneTimer = null;
  }
}
