/**
 * The call's part on the touch screen: who the resident is talking with and one big red hang-up
 * button. The agent's video is not here: the layout (layout/) puts it beside or above this on one
 * display, or on the upper display of the dual-screen machine, where this screen says to look.
 */
import type { MessageKey } from '../i18n';

/** The agent's name, where the video is, and the hang-up tap. */
export interface CallScreenProps {
  agentName: string;
  /** True on the dual-screen machine's touch screen: the agent is on the upper display; default false. */
  videoAbove?: boolean;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  onHangUp: () => void;
}

/** The agent's name in large type, where to look, and the hang-up button at the bottom. */
export function CallScreen({ agentName, videoAbove = false, tr, onHangUp }: CallScreenProps) {
  return (
    <section className="screen screen-call" data-testid="screen-call">
      <h1 className="headline call-agent">{tr('call.agent', { name: agentName })}</h1>
      {videoAbove && (
        <p className="lead call-look-up" data-testid="call-look-up">
          <svg className="icon-up" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 3l8 9h-5v9H9v-9H4z" fill="currentColor" />
          </svg>
          {tr('call.videoAbove')}
        </p>
      )}
      <div className="call-room" />
      <button type="button" className="btn btn-danger btn-huge" data-testid="hang-up" onClick={onHangUp}>
        {tr('call.hangUp')}
      </button>
    </section>
  );
}
