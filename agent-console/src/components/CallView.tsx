/**
 * The call: the kiosk's video large, the agent's own preview in a corner, camera / microphone
 * toggles, End call, a call timer, and the resident panel. The PeerCall lives exactly as long as
 * this view (keyed by session id): unmounting ends it, which stops every track.
 */
import { useEffect, useRef, useState } from 'react';
import { serverEvents, type SignalData } from '@rvw/shared';
import { PeerCall, openLocalMedia, setTracksEnabled, stopStream } from '@rvw/shared/call';
import { useI18n } from '../i18n/I18nContext';
import { useNow } from '../hooks/use-now';
import type { ActiveCall } from '../lib/console-state';
import { request, type ConsoleSocket } from '../lib/console-socket';
import { errorCodeOf } from '../lib/errors';
import { elapsedMs, formatDuration } from '../lib/time';
import { ResidentPanel } from './ResidentPanel';

/** Wait before a failed peer connection is rebuilt with a fresh offer (2 s; the kiosk may be reloading). */
const PEER_RESTART_MS = 2000;

/** Props of the call view. */
export interface CallViewProps {
  call: ActiveCall;
  socket: ConsoleSocket;
  offsetMs: number;
  ending: boolean;
  onEnd(): void;
  onAuthLost(code: string): void;
}

type RemoteState = 'waiting' | 'live' | 'lost';

/** The call view. */
export function CallView({ call, socket, offsetMs, ending, onEnd, onAuthLost }: CallViewProps) {
  const { t } = useI18n();
  const now = useNow(1000);
  const { session, iceServers, initiator } = call.opened;
  const sessionId = session.id;
  const remoteRef = useRef<HTMLVideoElement>(null);
  const localRef = useRef<HTMLVideoElement>(null);
  const localStream = useRef<MediaStream | null>(null);
  const [cameraOn, setCameraOn] = useState(true);
  const [micOn, setMicOn] = useState(true);
  const wanted = useRef({ video: true, audio: true });
  const [remote, setRemote] = useState<RemoteState>('waiting');
  const [mediaError, setMediaError] = useState(false);
  // Bumped to rebuild the peer connection after it failed while the session is still open.
  const [generation, setGeneration] = useState(0);
  const iceRef = useRef(iceServers);
  const initiatorRef = useRef(initiator);

  useEffect(() => {
    let disposed = false;
    // Both videos are always rendered, so the elements seen now are the ones to detach on cleanup.
    const remoteEl = remoteRef.current;
    const localEl = localRef.current;
    let restart: ReturnType<typeof setTimeout> | undefined;
    const peer = new PeerCall({
      initiator: initiatorRef.current,
      iceServers: iceRef.current,
      onSignal: (data: SignalData) => {
        request(socket, 'signal', { sessionId, data }).catch((e: unknown) =>
          console.warn(`[console] signal relay failed: ${errorCodeOf(e)}`),
        );
      },
      onRemoteStream: (stream) => {
        if (disposed) return;
        if (remoteEl) remoteEl.srcObject = stream;
        setRemote('live');
      },
      onClosed: (error) => {
        if (disposed) return;
        console.warn(`[console] peer connection closed${error ? `: ${error.name}` : ''}`);
        setRemote('lost');
        if (remoteEl) remoteEl.srcObject = null;
        restart = setTimeout(() => setGeneration((g) => g + 1), PEER_RESTART_MS);
      },
    });
    const onSignal = (payload: unknown) => {
      const parsed = serverEvents.signal.safeParse(payload);
      if (parsed.success && parsed.data.sessionId === sessionId) peer.signal(parsed.data.data);
    };
    socket.on('signal', onSignal);

    openLocalMedia()
      .catch((e: unknown) => {
        console.warn(`[console] camera/microphone unavailable: ${e instanceof Error ? e.name : 'error'}`);
        if (!disposed) setMediaError(true);
        // Still join: the agent can see and hear the resident even without their own devices.
        return new MediaStream();
      })
      .then((stream) => {
        if (disposed) {
          stopStream(stream);
          return;
        }
        setTracksEnabled(stream, 'video', wanted.current.video);
        setTracksEnabled(stream, 'audio', wanted.current.audio);
        localStream.current = stream;
        if (localEl) localEl.srcObject = stream;
        peer.start(stream);
      });

    return () => {
      disposed = true;
      clearTimeout(restart);
      socket.off('signal', onSignal);
      peer.end();
      localStream.current = null;
      if (localEl) localEl.srcObject = null;
      if (remoteEl) remoteEl.srcObject = null;
    };
  }, [socket, sessionId, generation]);

  function toggle(kind: 'video' | 'audio') {
    const next = !wanted.current[kind];
    wanted.current[kind] = next;
    if (localStream.current) setTracksEnabled(localStream.current, kind, next);
    if (kind === 'video') setCameraOn(next);
    else setMicOn(next);
  }

  const duration = formatDuration(elapsedMs(session.startedAt, now, offsetMs));

  return (
    <section className="call" data-testid="call-view" aria-label={t('call.heading')}>
      <div className="call-stage">
        <div className="video-frame">
          <video ref={remoteRef} data-testid="remote-video" className="remote-video" autoPlay playsInline />
          {remote !== 'live' && (
            <div className="video-overlay" data-testid="remote-status">
              {remote === 'lost' ? t('call.remoteLost') : t('call.remoteWaiting')}
            </div>
          )}
          <div className="pip">
            <video
              ref={localRef}
              data-testid="local-video"
              className="local-video"
              autoPlay
              playsInline
              muted
            />
            <span className="pip-label">{t('call.ownPreview')}</span>
          </div>
          <div className="call-timer mono" data-testid="call-timer" aria-label={t('call.duration')}>
            <span className="rec-dot" aria-hidden="true" />
            {duration}
          </div>
        </div>
        {mediaError && (
          <p className="call-warning" role="alert" data-testid="media-error">
            {t('call.mediaError')}
          </p>
        )}
        <div className="call-controls">
          <button
            type="button"
            className={`btn btn-control ${cameraOn ? '' : 'btn-control-off'}`}
            data-testid="toggle-camera"
            aria-pressed={!cameraOn}
            onClick={() => toggle('video')}
          >
            {cameraOn ? t('call.cameraOn') : t('call.cameraOff')}
          </button>
          <button
            type="button"
            className={`btn btn-control ${micOn ? '' : 'btn-control-off'}`}
            data-testid="toggle-mic"
            aria-pressed={!micOn}
            onClick={() => toggle('audio')}
          >
            {micOn ? t('call.micOn') : t('call.micOff')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            data-testid="end-call"
            disabled={ending}
            onClick={onEnd}
          >
            {ending ? t('call.ending') : t('call.end')}
          </button>
        </div>
      </div>
      <ResidentPanel
        ticketId={session.ticketId}
        ticketNumber={session.ticketNumber}
        kiosk={session.kiosk}
        identity={call.identity}
        duration={duration}
        socket={socket}
        onAuthLost={onAuthLost}
      />
    </section>
  );
}
