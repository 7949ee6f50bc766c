/**
 * The console's routing area for one page (issue 11): the agent's own status, the offer prompt and
 * the centres, on the signed-in line, and the binding of the server's routing pushes to them. The
 * ConsoleApp owns one; the screens render its stores.
 */
import { ErrorCode, serverEvents, type Centre, type QueueEntry, type SessionOpened } from '@rvw/shared';
import { asConsoleError, consoleApi } from '../lib/api';
import { ConsoleError } from '../lib/errors';
import { OfferStore, type OfferEnded, type OfferStoreDeps, type OfferTransport } from '../offers/offer-store';
import { StatusStore, type StatusTransport } from '../status/status-store';
import { ReadyMedia } from '../call/ready-media';
import { CallPreparer } from '../call/call-preparer';
import type { LocalMedia } from '@rvw/shared/call';
import { CentreDirectory } from './centre-directory';
import type { Line } from '../case/socket-transport';
import { request, type ConsoleSocket } from './console-socket';
import type { NoticeBody } from './console-state';

function lineOf(line: Line) {
  const held = line();
  if (!held) throw new ConsoleError(ErrorCode.AuthMissing, 'Not signed in.');
  return held;
}

/** What the area tells the workbench. */
export interface RoutingSink {
  /** An offer taken: open the call as an accept does. */
  opened(opened: SessionOpened, entry: QueueEntry): void;
  /** Something to say (an offer closed, a status change refused). */
  notice(notice: NoticeBody): void;
  /** Server clock minus local clock (ms), from the latest queue snapshot. */
  offsetMs(): number;
}

/** Replaceable parts, for tests. */
export interface RoutingAreaDeps {
  status?: StatusTransport;
  offers?: OfferTransport;
  offerTiming?: OfferStoreDeps;
  /** GET /api/centres; default over HTTP to `baseUrl` (the page's origin by default). */
  centres?: () => Promise<Centre[]>;
  baseUrl?: string;
  /** Opens the agent's camera and microphone (held while available); default openCallMedia. */
  openMedia?: () => Promise<LocalMedia>;
  /** Prepares the next call's peer (default over the socket, with a simple-peer connection). */
  preparer?: CallPreparer;
}

/** Status, offers and centres for one page. */
export class RoutingArea {
  readonly status: StatusStore;
  readonly offers: OfferStore;
  readonly centres: CentreDirectory;
  /** The agent's camera and microphone, opened when the agent goes available (issue 13 #3). */
  readonly media: ReadyMedia;
  /** The next call's peer and offer, prepared while the agent is available or in wrap-up (issue 13 #3). */
  readonly prepared: CallPreparer;

  constructor(
    line: Line,
    private readonly sink: RoutingSink,
    deps: RoutingAreaDeps = {},
  ) {
    const baseUrl = deps.baseUrl;
    this.status = new StatusStore(
      deps.status ?? {
        choose: async (status) => request(lineOf(line).socket, 'agent:status', { status }),
      },
      (status, code) => sink.notice({ kind: 'status-refused', status, code }),
    );
    this.media = new ReadyMedia(deps.openMedia);
    this.prepared =
      deps.preparer ??
      new CallPreparer({
        prepare: () => request(lineOf(line).socket, 'call:prepare', {}),
        media: async () => (this.media.holding ? this.media.openForCall() : null),
      });
    this.status.subscribe(() => {
      const status = this.status.getSnapshot().presence?.status ?? null;
      this.media.follow(status);
      this.prepared.follow(status);
    });
    this.offers = new OfferStore(
      deps.offers ?? {
        accept: async (offerId) =>
          this.prepared.accepting((offer) =>
            request(lineOf(line).socket, 'offer:accept', { offerId, ...(offer ? { offer } : {}) }),
          ),
        decline: async (offerId) => {
          await request(lineOf(line).socket, 'offer:decline', { offerId });
        },
      },
      {
        opened: (opened, entry) => sink.opened(opened, entry),
        ended: (ended: OfferEnded) => sink.notice({ kind: 'offer-ended', ...ended }),
      },
      deps.offerTiming,
    );
    this.centres = new CentreDirectory(
      deps.centres ??
        (async () => {
          const api = consoleApi({ token: lineOf(line).token, ...(baseUrl ? { baseUrl } : {}) });
          return (await asConsoleError(api.listCentres())).centres;
        }),
    );
  }

  /** Listens to the routing pushes on a signed-in socket; `current` says it is still this page's line. */
  bind(socket: ConsoleSocket, current: () => boolean = () => true): void {
    socket.on('agent:status', (payload) => {
      const parsed = serverEvents['agent:status'].safeParse(payload);
      if (parsed.success && current()) this.status.applyPresence(parsed.data);
    });
    socket.on('offer:new', (payload) => {
      const parsed = serverEvents['offer:new'].safeParse(payload);
      if (parsed.success && current()) this.offers.offered(parsed.data, this.sink.offsetMs());
    });
    socket.on('offer:gone', (payload) => {
      const parsed = serverEvents['offer:gone'].safeParse(payload);
      if (parsed.success && current()) this.offers.gone(parsed.data);
    });
  }

  /** The socket is (again) connected: the centres are read again (names, routing modes). */
  connected(): void {
    void this.centres.refresh();
  }

  /** The socket dropped: an offer on screen cannot be answered (the server moves it on). */
  disconnected(): void {
    this.offers.drop();
  }

  /** A call opened (accept, offer, resume or transfer): no prompt stays over it. */
  callOpened(): void {
    this.offers.drop();
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.status.reset();
    this.offers.reset();
    this.centres.reset();
  }
}
