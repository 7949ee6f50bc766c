/**
 * Keeps exactly one call (ConsoleCall) for the session the workbench shows, none outside a call:
 * one per signed-in stretch, on its socket. A call starts for any opened session the workbench
 * holds, however it came (an accept, an offer taken, a resume, a transfer handed over); when the
 * workbench drops the session, its call ends.
 */
import type { SessionOpened, SignalData } from '@rvw/shared';
import type {
  CallController,
  CallControllerOptions,
  CallSnapshot,
  LocalMedia,
  PreparedStart,
} from '@rvw/shared/call';
import { ConsoleCall } from '../call/console-call';
import type { ConsoleSocket } from './console-socket';

/** What the keeper needs and tells. */
export interface CallKeeperDeps {
  socket: ConsoleSocket;
  /** This tab's id (asked once, when the first call starts). */
  tabId(): string;
  createCall?: (options: CallControllerOptions) => CallController;
  /** The call's local media (a clone of the devices held while available); default opened per call. */
  openMedia?: () => Promise<LocalMedia>;
  /** The peer prepared for this session's call, whose offer went with the accept (call-preparer.ts); default none. */
  prepared?: (opened: SessionOpened) => PreparedStart | null;
  /** The call's media changed (null: no call in this tab); `kioskAway`: the deadline while the kiosk is away. */
  changed(media: CallSnapshot | null, elsewhere: boolean, kioskAway?: string | null): void;
  /** A call started for an opened session. */
  began(opened: SessionOpened): void;
  /** The session's call ended here (its session is over for this agent). */
  ended(sessionId: string): void;
}

/** The one call of a signed-in stretch. */
export class CallKeeper {
  private call: ConsoleCall | null = null;

  constructor(private readonly deps: CallKeeperDeps) {}

  /** The session the call is for, if any. */
  get sessionId(): string | null {
    return this.call?.sessionId ?? null;
  }

  /** Follows the workbench: `opened` is the session it shows, null outside a call. */
  sync(opened: SessionOpened | null): void {
    const sessionId = opened?.session.id ?? null;
    if (this.call && this.call.sessionId !== sessionId) {
      const gone = this.call.sessionId;
      this.end();
      this.deps.ended(gone);
      this.deps.changed(null, false);
    }
    if (this.call || !opened) return;
    const call: ConsoleCall = new ConsoleCall({
      socket: this.deps.socket,
      opened,
      tabId: this.deps.tabId(),
      ...(this.deps.createCall ? { createCall: this.deps.createCall } : {}),
      ...(this.deps.openMedia ? { openMedia: this.deps.openMedia } : {}),
      prepared: this.deps.prepared?.(opened) ?? null,
      onChange: ({ media, elsewhere, kioskAway }) => {
        if (this.call === call) this.deps.changed(media, elsewhere, kioskAway ?? null);
      },
    });
    this.call = call;
    call.start();
    this.deps.began(opened);
  }

  /** A signal relayed from the kiosk of `sessionId`. */
  receive(sessionId: string, data: SignalData): void {
    if (this.call?.sessionId === sessionId) this.call.receive(data);
  }

  /** Turns the agent's camera or microphone on or off in the call. */
  setEnabled(kind: 'video' | 'audio', enabled: boolean): void {
    this.call?.setEnabled(kind, enabled);
  }

  /** The kiosk's video showed its first frame (the call's set-up time is reported once). */
  firstFrame(): void {
    this.call?.firstFrame();
  }

  /** Takes the call over from this agent's other console tab. */
  async takeOver(): Promise<void> {
    await this.call?.takeOver();
  }

  /** Stops the call's media (the session is over, or the stretch ends). Safe to call twice. */
  end(): void {
    const call = this.call;
    this.call = null;
    call?.end();
  }
}
