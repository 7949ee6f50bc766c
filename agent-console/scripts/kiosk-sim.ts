/**
 * A stand-in kiosk for the console's screenshot run, bundled by esbuild and injected into a second
 * Chromium page: it connects as a kiosk, requests a ticket, and answers the agent's call with the
 * fake camera, using the same PeerCall as the real kiosk renderer.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SessionOpened } from '@rvw/shared';
import { PeerCall, openLocalMedia } from '@rvw/shared/call';

type KioskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

declare global {
  interface Window {
    /** Started by the screenshot script with the kiosk's token; resolves with the ticket's id. */
    startKioskSim(token: string): Promise<string>;
    /** Set once remote (agent) video arrives. */
    kioskSimRemoteVideo?: boolean;
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
