/**
 * A stand-in kiosk for the console's screenshot run, bundled by esbuild and injected into a second
 * Chromium page: it connects as a kiosk, requests a ticket, and answers the agent's call with the
 * fake camera, using the same PeerCall as the real kiosk renderer.
 */
import { io, type Socket } from 'socket.io-client';
import type { CaseState, ClientToServerEvents, ServerToClientEvents, SessionOpened } from '@rvw/shared';
import { PeerCall, openLocalMedia } from '@rvw/shared/call';

type KioskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

declare global {
  interface Window {
    /** Started by the screenshot script with the kiosk's token; resolves with the ticket's id. */
    startKioskSim(token: string): Promise<string>;
    /** Set once remote (agent) video arrives. */
    kioskSimRemoteVideo?: boolean;
    /** Sends a kiosk event (form:flag, form:confirm, form:sign, rating:submit, ticket:request) and resolves with its ack's data. */
    kioskSimRequest?(event: string, payload: unknown): Promise<unknown>;
    /** The latest case:state the kiosk received. */
    kioskSimCase?: CaseState | null;
  }
}

window.startKioskSim = (token: string) =>
  new Promise((resolve, reject) => {
    const socket: KioskSocket = io({ auth: { kind: 'kiosk', token }, transports: ['websocket'] });
    let call: PeerCall | null = null;
    const join = (opened: SessionOpened) => {
      if (call) return;
      const sessionId = opened.session.id;
      call = new PeerCall({
        initiator: opened.initiator,
        iceServers: opened.iceServers,
        onSignal: (data) => socket.emit('signal', { sessionId, data }, () => undefined),
        onRemoteStream: () => {
          window.kioskSimRemoteVideo = true;
        },
      });
      void openLocalMedia().then((stream) => call?.start(stream));
    };
    socket.on('signal', ({ data }) => call?.signal(data));
    socket.on('case:state', (state) => {
      window.kioskSimCase = state;
    });
    window.kioskSimRequest = (event, payload) =>
      new Promise((ok, fail) => {
        // The event name is the caller's; the server checks the payload against its schema.
        const emit = socket.emit as unknown as (
          e: string,
          p: unknown,
          ack: (res: { ok: boolean; data?: unknown; error?: { code: string } }) => void,
        ) => void;
        emit.call(socket, event, payload, (res) =>
          res.ok ? ok(res.data) : fail(new Error(res.error?.code ?? 'failed')),
        );
      });
    socket.on('session:opened', join);
    socket.on('session:ended', () => {
      call?.end();
      call = null;
    });
    socket.on('connect_error', (err) => reject(err));
    socket.once('kiosk:state', () => {
      socket.emit('ticket:request', {}, (ack) => {
        if (ack.ok) resolve(ack.data.ticket.id);
        else reject(new Error(ack.error.code));
      });
    });
  });
