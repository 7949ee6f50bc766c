/**
 * The console's side of one session's call: the shared CallController as the initiator, its
 * signals over the agent's socket, and the two things only the console decides:
 * - which tab runs the call (issue 8 #4): the tab asks the server (`session:join`) as it starts;
 *   if another tab of the agent owns the call it stops and shows that, and can take it over
 *   (`session:take-over`); a tab whose call was taken over hears `session:moved` and stops;
 * - giving up (issue 7 #2): when the controller's policy gives up after the media grace period,
 *   the console asks the server to end the session as lost (`session:media-lost`), which puts the
 *   resident back at the front of the queue.
 * - the kiosk away (issue 13 #1): while the server says the kiosk's link is gone (`session:member`)
 *   the view carries the deadline after which the session ends; when the kiosk is back, or this
 *   socket is, the call restarts its media at once rather than waiting for its next attempt.
 */
import { ErrorCode, serverEvents, type SessionOpened, type SignalData } from '@rvw/shared';
import {
  CallController,
  type CallControllerOptions,
  type CallSnapshot,
  type PreparedStart,
} from '@rvw/shared/call';
import { errorCodeOf } from '../lib/errors';
import { request, type ConsoleSocket } from '../app/console-socket';
import { CallSetupClock } from './call-setup';

/** What the call view shows: the media (null while this tab does not run the call) and whether another tab does. */
export interface ConsoleCallView {
  media: CallSnapshot | null;
  /** True while another tab of this agent runs the call. */
  elsewhere: boolean;
  /** While the kiosk is away (its link lost): when the server ends the session unless it is back (ISO); else null. */
  kioskAway?: string | null;
}

/** What a console call needs. */
export interface ConsoleCallDeps {
  socket: ConsoleSocket;
  opened: SessionOpened;
  /** This tab's id (see tab-id.ts). */
  tabId: string;
  /** Builds the call controller. Default: the shared CallController with its default peer policy. */
  createCall?: (options: CallControllerOptions) => CallController;
  /** The call's local media; default the controller's own (opened now). See ready-media.ts. */
  openMedia?: CallControllerOptions['openMedia'];
  /** The peer prepared before the accept, whose offer the kiosk has: the first controller starts from it. */
  prepared?: PreparedStart | null;
  /** Called on every change of the view. */
  onChange(view: ConsoleCallView): void;
  /** The local clock (ms), for the call's set-up time; default Date.now. */
  now?: () => number;
}

/** Answers that mean the session is over: there is no call to run. */
const OVER: readonly string[] = [ErrorCode.SessionEnded, ErrorCode.NotFound, ErrorCode.NotSessionMember];

/** One session's call in this tab. */
export class ConsoleCall {
  readonly sessionId: string;
  private controller: CallController | null = null;
  private offController: (() => void) | null = null;
  private view: ConsoleCallView = { media: null, elsewhere: false, kioskAway: null };
  private closed = false;
  private mediaLostSent = false;
  private readonly onMoved = (payload: unknown) => {
    const parsed = serverEvents['session:moved'].safeParse(payload);
    if (!parsed.success || parsed.data.sessionId !== this.sessionId || this.closed) return;
    this.stopController();
    this.publish({ media: null, elsewhere: true });
  };
  // The page is going away (reload, tab closed): close the peer now, so the kiosk hears at once that
  // the connection dropped instead of after ICE gives up on a silent peer (about 8 s).
  private readonly onPageHide = () => this.stopController();
  // A reconnected socket has a new id: claim the call again (same tab) so the kiosk's signals come here;
  // then bring the media back at once: what this side offered while its socket was down is stale.
  private readonly onReconnect = () => {
    if (this.closed || this.view.elsewhere) return;
    void this.join('session:join').then(() => {
      // Only a call that had media and lost it: a first attempt still connecting is left to finish.
      if (this.view.media?.state === 'reconnecting') this.controller?.restartMedia('socket-back');
    });
  };
  // The kiosk went away (its last socket left) or came back (issue 13 #1).
  private readonly onMember = (payload: unknown) => {
    const parsed = serverEvents['session:member'].safeParse(payload);
    if (!parsed.success || this.closed) return;
    const { sessionId, member, present, deadline } = parsed.data;
    if (sessionId !== this.sessionId || member !== 'kiosk') return;
    // Back: its link may have been gone for long; an ICE restart (or a fresh peer) now, not in seconds.
    if (present) this.controller?.restartMedia('member-back');
    this.publish({ kioskAway: present ? null : deadline });
  };

  /** The prepared peer, until the first controller takes it. */
  private unusedPrepared: PreparedStart | null;

  /** Set-up time: from the opened session (this call's creation) to the kiosk's first frame. */
  private readonly setup: CallSetupClock;

  constructor(private readonly deps: ConsoleCallDeps) {
    this.sessionId = deps.opened.session.id;
    this.unusedPrepared = deps.prepared ?? null;
    this.setup = new CallSetupClock((deps.now ?? Date.now)());
  }

  /**
   * The kiosk's video showed its first frame here: report the set-up time once per session
   * (`call:setup`, fire-and-forget; a failure is only logged).
   */
  firstFrame(): void {
    if (this.closed || this.view.elsewhere) return;
    const ms = this.setup.firstFrame((this.deps.now ?? Date.now)());
    if (ms === null) return;
    request(this.deps.socket, 'call:setup', { sessionId: this.sessionId, ms }).catch((e: unknown) =>
      console.warn(`[console] call:setup not recorded: ${errorCodeOf(e)}`),
    );
  }

  /**
   * Starts the call and asks to run it. The call starts before the answer, so that a reloaded
   * console loses no round trip; a tab that does not own the call stops at the answer (the server
   * drops its signals meanwhile).
   */
  start(): void {
    this.deps.socket.on('session:moved', this.onMoved);
    this.deps.socket.on('session:member', this.onMember);
    this.deps.socket.on('connect', this.onReconnect);
    globalThis.addEventListener?.('pagehide', this.onPageHide);
    this.startController();
    void this.join('session:join');
  }

  /** Takes the call over from the agent's other tab. */
  takeOver = (): Promise<void> => this.join('session:take-over');

  /** A signal relayed from the kiosk. */
  receive(data: SignalData): void {
    this.controller?.receive(data);
  }

  /** Turns the agent's camera or microphone on or off. */
  setEnabled(kind: 'video' | 'audio', enabled: boolean): void {
    this.controller?.setEnabled(kind, enabled);
  }

  /** Stops the call in this tab (the session ended, or the console is going away). Safe to call twice. */
  end(): void {
    this.closed = true;
    this.deps.socket.off('session:moved', this.onMoved);
    this.deps.socket.off('session:member', this.onMember);
    this.deps.socket.off('connect', this.onReconnect);
    globalThis.removeEventListener?.('pagehide', this.onPageHide);
    this.stopController();
  }

  private async join(event: 'session:join' | 'session:take-over'): Promise<void> {
    let owner: boolean;
    try {
      owner = (await request(this.deps.socket, event, { sessionId: this.sessionId, tabId: this.deps.tabId }))
        .owner;
    } catch (e) {
      const code = errorCodeOf(e);
      if (OVER.includes(code)) return;
      // Unanswered (a network blip): better to try the call than to show nothing; the server only
      // relays to this tab if it owns the call.
      console.warn(`[console] ${event} failed: ${code}`);
      owner = true;
    }
    if (this.closed) return;
    if (!owner) {
      this.stopController();
      this.publish({ media: null, elsewhere: true });
      return;
    }
    this.publish({ ...this.view, elsewhere: false });
    if (!this.controller) this.startController();
  }

  private startController(): void {
    const { socket, opened } = this.deps;
    const prepared = this.unusedPrepared;
    this.unusedPrepared = null;
    const sessionId = this.sessionId;
    const options: CallControllerOptions = {
      initiator: opened.initiator,
      iceServers: opened.iceServers,
      ...(opened.iceTransportPolicy ? { iceTransportPolicy: opened.iceTransportPolicy } : {}),
      // The media grace follows the server's member grace, so the call never gives up first.
      ...(opened.graceSeconds === undefined ? {} : { mediaGraceMs: opened.graceSeconds * 1000 }),
      onRestart: (how, reason) => console.info(`[console] call: ${how} (${reason})`),
      ...(this.deps.openMedia ? { openMedia: this.deps.openMedia } : {}),
      // Only the first controller: a later one (after a take-over) makes its own offer.
      ...(prepared ? { prepared } : {}),
      signalling: {
        send: (data) => {
          request(socket, 'signal', { sessionId, data }).catch((e: unknown) =>
            console.warn(`[console] signal relay failed: ${errorCodeOf(e)}`),
          );
        },
      },
    };
    const controller = this.deps.createCall?.(options) ?? new CallController(options);
    let mediaError: string | null = null;
    const off = controller.subscribe(() => {
      if (this.controller !== controller) return;
      const media = controller.getSnapshot();
      if (media.mediaError && media.mediaError !== mediaError) {
        // The call still joins: the agent can see and hear the resident without their own devices.
        console.warn(`[console] camera/microphone unavailable: ${media.mediaError}`);
      }
      mediaError = media.mediaError;
      if (media.state === 'failed') this.mediaLost();
      this.publish({ media, elsewhere: false });
    });
    this.controller = controller;
    this.offController = off;
    this.publish({ media: controller.getSnapshot(), elsewhere: false });
    controller.start();
  }

  // The grace period is over without media: the server ends the session and requeues the resident.
  private mediaLost(): void {
    if (this.mediaLostSent) return;
    this.mediaLostSent = true;
    console.warn('[console] no media within the grace period: ending the session as lost');
    request(this.deps.socket, 'session:media-lost', { sessionId: this.sessionId }).catch((e: unknown) =>
      console.warn(`[console] session:media-lost failed: ${errorCodeOf(e)}`),
    );
  }

  private stopController(): void {
    const controller = this.controller;
    this.controller = null;
    this.offController?.();
    this.offController = null;
    controller?.end();
  }

  private publish(patch: Partial<ConsoleCallView>): void {
    this.view = { ...this.view, ...patch };
    this.deps.onChange(this.view);
  }
}
