/** The call: the agent large, the resident small, one big red hang-up button. */
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n';

/** The agent's name, the two streams (null until they arrive), and the hang-up tap. */
export interface CallScreenProps {
  agentName: string;
  local: MediaStream | null;
  remote: MediaStream | null;
  /** True while no media gets through and the call is being rebuilt; default false. */
  reconnecting?: boolean;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Reads a shown sentence aloud; the reconnecting notice is spoken once each time it appears. */
  speak?: (text: string) => void;
  onHangUp: () => void;
}

function useStream(stream: MediaStream | null) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return ref;
}

/**
 * The agent's video fills the stage, the resident's own is small; "connecting" until the agent's
 * stream arrives; a calm, large "reconnecting" notice over the last picture while the connection
 * is being rebuilt (issue 7 #2, issue 8 #6), so the resident knows to wait rather than leave.
 */
export function CallScreen({
  agentName,
  local,
  remote,
  reconnecting = false,
  tr,
  speak,
  onHangUp,
}: CallScreenProps) {
  const remoteRef = useStream(remote);
  const localRef = useStream(local);
  const notice = tr('call.reconnecting');
  const hint = tr('call.reconnectingHint');
  useEffect(() => {
    if (reconnecting) speak?.(`${notice} ${hint}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- spoken when the notice appears, not on re-renders
  }, [reconnecting]);
  return (
    <section className="screen screen-call" data-testid="screen-call">
      <div className="call-stage">
        <video ref={remoteRef} className="remote-video" data-testid="remote-video" autoPlay playsInline />
        {reconnecting ? (
          <div className="call-connecting call-reconnecting" data-testid="call-reconnecting" role="status">
            <p>{notice}</p>
            <p className="call-reconnecting-hint">{hint}</p>
          </div>
        ) : (
          !remote && <p className="call-connecting">{tr('call.connecting')}</p>
        )}
        <h1 className="agent-name">{tr('call.agent', { name: agentName })}</h1>
        <figure className="local-frame">
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
      </div>
      <button type="button" className="btn btn-danger btn-huge" data-testid="hang-up" onClick={onHangUp}>
        {tr('call.hangUp')}
      </button>
    </section>
  );
}
