/**
 * The mirror (issue 13): the resident's own picture while they are next in line, large and flipped
 * like a mirror, with one calm line to sit in the middle of it (the screen's headline, in place of
 * "please wait"), and the plain word that only they see it. Nothing of it is sent: the call has not started (call/mirror-camera.ts).
 */
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n';
import './mirror.css';

/** The picture (null while the camera is being attached) and the screen's words. */
export interface MirrorViewProps {
  stream: MediaStream | null;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
}

/** A large self-view with the line under it. */
export function MirrorView({ stream, tr }: MirrorViewProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return (
    <figure className="mirror" data-testid="mirror">
      <div className="mirror-frame">
        <video ref={ref} className="mirror-video" data-testid="mirror-video" autoPlay muted playsInline />
        <span className="mirror-centre" aria-hidden="true" />
      </div>
      <figcaption className="mirror-lines">
        <h1 className="headline mirror-line">{tr('waiting.mirror')}</h1>
        <span className="mirror-private">{tr('waiting.mirrorPrivate')}</span>
      </figcaption>
    </figure>
  );
}
