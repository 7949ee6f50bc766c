/**
 * The resident's own picture while they are next in line (issue 13 #3): a "mirror" that helps an
 * old person sit in frame, and the camera the call then uses, already open (opening it after the
 * accept cost 90-160 ms of every call's set-up).
 *
 * The camera and microphone open when the resident's ticket is first in line on the waiting screen.
 * Nothing is sent: no peer exists before the agent accepts; the stream only plays in the page. The
 * call takes a clone (`stream.clone()`), which it stops at its end; the held stream stays through
 * the call (a call the system ended puts the resident back first in line, mirror on) and stops
 * when the visit moves on: the ticket cancelled, the session over (rating, thanks, home).
 *
 * Where the devices could not both be opened, nothing is held and no mirror shows: the call opens
 * what it can itself (openCallMedia's fallbacks).
 */
import { HeldMedia, openCallMedia, type LocalMedia } from '@rvw/shared/call';
import { inCall, type FlowState } from '../flow/machine';

/** What the mirror should do for a flow state: open the camera, keep it as it is, or stop it. */
export type MirrorWish = 'on' | 'keep' | 'off';

/** On while the resident is next in line; kept through the call; off everywhere else. */
export function mirrorWish(flow: FlowState): MirrorWish {
  if (flow.screen === 'waiting' && flow.ticket?.position === 1) return 'on';
  if (inCall(flow.screen) && flow.session) return 'keep';
  return 'off';
}

/** The kiosk's held camera and microphone, shown as a mirror (HeldMedia, shared with the console). */
export class MirrorCamera extends HeldMedia {
  private shown: MediaStream | null = null;

  /**
   * `onStream`: the picture to show changed (null: no mirror); called after the current flow step,
   * never inside it. `open`: opens the devices; default openCallMedia.
   */
  constructor(
    private readonly onStream: (stream: MediaStream | null) => void,
    open: () => Promise<LocalMedia> = openCallMedia,
  ) {
    super(open, (stream) => this.show(stream));
  }

  /** Follows the flow (see mirrorWish). */
  follow(flow: FlowState): void {
    const wish = mirrorWish(flow);
    if (wish === 'on') this.warm();
    else if (wish === 'off') this.release();
  }

  private show(stream: MediaStream | null): void {
    if (this.shown === stream) return;
    this.shown = stream;
    // Outside the flow step that caused it (the controller feeds the flow from here).
    queueMicrotask(() => {
      if (this.shown === stream) this.onStream(stream);
    });
  }
}
