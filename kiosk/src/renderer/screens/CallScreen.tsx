/** The call: the agent large, the resident small, one big red hang-up button. */
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n';

/** The agent's name, the two streams (null until they arrive), and the hang-up tap. */
export interface CallScreenProps {
  agentName: string;
  local: MediaStream | null;
  remote: MediaStream | null;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
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

/** The agent's video fills the stage, the resident's own is small; "connecting" until the agent's stream arrives. */
export function CallScreen({ agentName, local, remote, tr, onHangUp }: CallScreenProps) {
  const remoteRef = useStream(remote);
  const localRef = useStream(local);
  return (
    <section className="screen screen-call" data-testid="screen-call">
      <div className="call-stage">
        <video ref={remoteRef} className="remote-video" data-testid="remote-video" autoPlay playsInline />
        {!remote && <p className="call-connecting">{tr('call.connecting')}</p>}
        <div className="agent-name">{tr('call.agent', { name: agentName })}</div>
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
