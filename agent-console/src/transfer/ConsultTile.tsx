/**
 * The hand-over call between the two agents of a consulted transfer: a small tile with the other
 * agent's video (and sound), this agent's own preview in its corner, and the connection's state.
 */
import type { CallSnapshot } from '@rvw/shared/call';
import { useStream } from '../ui/use-stream';
import { useTransferText } from './transfer-text';

/** Props: the hand-over call's media, and the other agent's name. */
export interface ConsultTileProps {
  media: CallSnapshot;
  otherName: string;
}

/** The tile. */
export function ConsultTile({ media, otherName }: ConsultTileProps) {
  const { tt } = useTransferText();
  const remoteRef = useStream(media.remote);
  const localRef = useStream(media.local);
  const state =
    media.state === 'connected'
      ? null
      : media.state === 'reconnecting' || media.state === 'failed'
        ? tt('transfer.consult.lost')
        : tt('transfer.consult.connecting');
  return (
    <figure className="consult-tile" data-consult-state={media.state}>
      <video
        ref={remoteRef}
        className="consult-remote"
        data-testid="consult-video"
        autoPlay
        playsInline
        aria-label={tt('transfer.consult.label', { name: otherName })}
      />
      <video ref={localRef} className="consult-local" autoPlay playsInline muted aria-hidden="true" />
      <figcaption className="consult-caption">
        {tt('transfer.consult.label', { name: otherName })}
        {state && <span className="consult-state"> · {state}</span>}
        {media.mediaError && <span className="consult-state"> · {tt('transfer.consult.noMedia')}</span>}
      </figcaption>
    </figure>
  );
}
