/**
 * The agent's next call, prepared while the agent is available or in wrap-up (issue 13 #3): a peer
 * connection with a clone of the held camera and microphone (ReadyMedia) and its offer made, so
 * that the offer goes with the accept and the kiosk has it with the session, instead of about
 * 130 ms later. Nothing is sent before the accept; an accept that fails keeps the peer for the next.
 *
 * It is made again every few minutes (its TURN credential, from `call:prepare`, ages; a peer an
 * accept gave back starts a new wait) and dropped when the agent goes away or signs out.
 */
import type { AgentStatus, CallOffer, PreparedCall, SessionOpened } from '@rvw/shared';
import {
  PreparedPeer,
  stopStream,
  type LocalMedia,
  type PreparedPeerOptions,
  type PreparedStart,
} from '@rvw/shared/call';

/** How long a prepared peer waits before it is made again (ms). */
export const PREPARED_MAX_AGE_MS = 4 * 60_000;

/** What the preparer needs. */
export interface CallPreparerDeps {
  /** `call:prepare`: the ICE servers for a call before its session. */
  prepare(): Promise<PreparedCall>;
  /** A clone of the held devices; null when none are held (nothing is prepared then). */
  media(): Promise<LocalMedia | null>;
  /** Builds the peer connection; default a simple-peer one. */
  createPeer?: PreparedPeerOptions['createPeer'];
  /** How long a prepared peer waits before it is made again (ms). Default {@link PREPARED_MAX_AGE_MS}. */
  maxAgeMs?: number;
}

/** Prepares, lends and drops the next call's peer for one console page. */
export class CallPreparer {
  private ready: PreparedPeer | null = null;
  private refresh: ReturnType<typeof setTimeout> | null = null;
  private preparing = false;
  private wanted = false;
  /** The peer whose offer went with the accept in flight. */
  private lent: { peer: PreparedPeer; offer: CallOffer } | null = null;

  constructor(private readonly deps: CallPreparerDeps) {}

  /**
   * Follows the agent's own status: prepare when available or in wrap-up (an agent may take the
   * next ticket from wrap-up), drop on away or sign-out (null). Nothing is built 'in-session': the
   * call setting up needs the CPU, and the next accept comes after it.
   */
  follow(status: AgentStatus | null): void {
    if (status === 'available' || status === 'wrap-up') {
      this.wanted = true;
      this.ensure();
    } else if (status === 'away' || status === null) {
      this.wanted = false;
      this.drop();
    }
  }

  /**
   * Runs an accept with the prepared offer (null when none is ready: the call then makes its offer
   * after the accept, as before). The call of the session it opens claims the peer (see claim());
   * a failed accept leaves it prepared, since nobody got its offer.
   */
  async accepting<T>(send: (offer: CallOffer | null) => Promise<T>): Promise<T> {
    const offer = this.lend();
    try {
      const result = await send(offer);
      // Claimed by now (the server pushes session:opened before it answers); if not, unused. The
      // next one is prepared after this call (follow()), not now: building a peer while this call
      // sets up would take the CPU it needs.
      this.lent?.peer.end();
      this.lent = null;
      return result;
    } catch (e) {
      this.giveBack();
      this.ensure();
      throw e;
    }
  }

  /** The prepared peer for the call of `opened`, when its kiosk was given that peer's offer. */
  claim(opened: SessionOpened): PreparedStart | null {
    const lent = this.lent;
    if (!lent || !opened.offerRelayed) return null;
    this.lent = null;
    return lent.peer.adopt(lent.offer);
  }

  /** Drops everything prepared (sign-out, the page going away). */
  drop(): void {
    this.clearRefresh();
    this.ready?.end();
    this.ready = null;
  }

  private lend(): CallOffer | null {
    const peer = this.ready;
    const offer = peer?.offer() ?? null;
    if (!peer || !offer || this.lent) return null;
    this.clearRefresh();
    this.ready = null;
    this.lent = { peer, offer };
    return offer;
  }

  private giveBack(): void {
    const lent = this.lent;
    this.lent = null;
    if (!lent) return;
    if (this.wanted && !this.ready && lent.peer.usable) {
      this.ready = lent.peer;
      this.scheduleRefresh(lent.peer);
    } else lent.peer.end();
  }

  private ensure(): void {
    if (!this.wanted || this.preparing || this.lent || (this.ready && this.ready.usable)) return;
    this.ready?.end();
    this.ready = null;
    this.preparing = true;
    void this.build()
      .catch((e: unknown) =>
        console.warn(`[console] call not prepared: ${e instanceof Error ? e.message : e}`),
      )
      .finally(() => {
        this.preparing = false;
      });
  }

  private async build(): Promise<void> {
    const media = await this.deps.media();
    if (!media?.stream || media.error !== null) {
      if (media?.stream) stopStream(media.stream);
      return;
    }
    let ice: PreparedCall;
    try {
      ice = await this.deps.prepare();
    } catch (e) {
      stopStream(media.stream);
      throw e;
    }
    if (!this.wanted || this.ready || this.lent) {
      stopStream(media.stream);
      return;
    }
    const peer = new PreparedPeer({
      iceServers: ice.iceServers,
      iceTransportPolicy: ice.iceTransportPolicy,
      stream: media.stream,
      ...(this.deps.createPeer ? { createPeer: this.deps.createPeer } : {}),
    });
    this.ready = peer;
    this.scheduleRefresh(peer);
  }

  private scheduleRefresh(peer: PreparedPeer): void {
    this.clearRefresh();
    this.refresh = setTimeout(() => {
      this.refresh = null;
      if (this.ready !== peer) return;
      peer.end();
      this.ready = null;
      this.ensure();
    }, this.deps.maxAgeMs ?? PREPARED_MAX_AGE_MS);
  }

  private clearRefresh(): void {
    if (this.refresh) clearTimeout(this.refresh);
    this.refresh = null;
  }
}
