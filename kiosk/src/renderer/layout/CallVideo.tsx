/**
 * The agent's video, where the layout puts it: the agent large, the resident's own picture small in
 * its corner, "connecting" until the agent's stream arrives, and a calm, large "reconnecting" notice
 * over the last picture while the connection is rebuilt (issue 7 #2, issue 8 #6), spoken once each
 * time it appears, so the resident knows to wait rather than leave.
 */
import { useEffect, useRef } from 'react';
import type { CallConnectionState } from '@rvw/shared/call';
import type { MessageKey } from '../i18n';
import type { Rect } from './layout';
import { placeAt } from './place';

/** The two streams (null until they arrive), where they go, and the words. */
export interface CallVideoProps {
  /** The video's region of the page. */
  region: Rect;
  /** The resident's own picture, inside the region. */
  selfView: Rect | null;
  local: MediaStream | null;
  remote: MediaStream | null;
  /** The agent's name over the video (the video display); null where the touch side shows it. */
  agentName: string | null;
  /** True while no media gets through or the server is out of reach (see {@link callUnsteady}); default false. */
  reconnecting?: boolean;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Reads a shown sentence aloud. */
  speak?: (text: string) => void;
}

/**
 * Whether the call shows "网络不稳定，正在重新连接" (issue 13 #1): no media gets through (the call is
 * 'reconnecting'), or the kiosk's own link to the server is down (the agent's offers, and the
 * agent's edits, cannot reach it until the link is back).
 */
export function callUnsteady(state: CallConnectionState | undefined, serverConnected: boolean): boolean {
  return state === 'reconnecting' || !serverConnected;
}

function useStream(stream: MediaStream | null) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return ref;
}

/** The call's picture. */
export function CallVideo({
  region,
  selfView,
  local,
  remote,
  agentName,
  reconnecting = false,
  tr,
  speak,
}: CallVideoProps) {
  const remoteRef = useStream(remote);
  const localRef = useStream(local);
  const notice = tr('call.reconnecting');
  const hint = tr('call.reconnectingHint');
  useEffect(() => {
    if (reconnecting) speak?.(`${notice} ${hint}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- spoken when the notice appears, not on re-renders
  }, [reconnecting]);
  return (
    <section className="call-video" style={placeAt(region)} data-testid="call-video">
      <video ref={remoteRef} className="remote-video" data-testid="remote-video" autoPlay playsInline />
      {reconnecting ? (
        <div className="call-connecting call-reconnecting" data-testid="call-reconnecting" role="status">
          <p>{notice}</p>
          <p className="call-reconnecting-hint">{hint}</p>
        </div>
      ) : (
        !remote && <p className="call-connecting">{tr('call.connecting')}</p>
      )}
      {agentName !== null && <h1 className="agent-name">{tr('call.agent', { name: agentName })}</h1>}
      {selfView && (
        <figure className="local-frame" style={placeAt(selfView, region)}>
          <video
            ref={localRef}
            className="local-video"
            data-testid="local-video"
            autoPlay
            playsInline
            muted
          />
          <figcaption>{tr('call.you')}</figcaption>
        </figure>
      )}
    </section>
  );
}
