/**
 * Readiness before a call (issue 12 #4): the quiet moment while the kiosk checks its camera,
 * microphone and server ("正在准备…" only when it takes a while), and the calm screen for a kiosk
 * that cannot hold a video call: no blame, the committee staff named as the way on, one button back.
 */
import type { MessageKey } from '../i18n';
import './readiness.css';

/** Whether the check is slow enough to say so, and the words. */
export interface PreparingScreenProps {
  slow: boolean;
  tr: (key: MessageKey) => string;
}

/** Blank for a moment (most checks take less); then a gentle spinner and "正在准备…". */
export function PreparingScreen({ slow, tr }: PreparingScreenProps) {
  return (
    <section className="screen screen-preparing" data-testid="screen-preparing" aria-busy="true">
      {slow && (
        <div role="status" className="preparing">
          <div className="spinner" aria-hidden="true" />
          <h1 className="headline" data-testid="preparing-text">
            {tr('preparing.text')}
          </h1>
        </div>
      )}
    </section>
  );
}

/** Readiness, the words, and the one way on: back to the start. */
export interface NoVideoScreenProps {
  ready: boolean;
  tr: (key: MessageKey) => string;
  onBack: () => void;
}

/** Video is not available right now: tell the committee staff. Its button sits in the start half. */
export function NoVideoScreen({ ready, tr, onBack }: NoVideoScreenProps) {
  return (
    <section className="screen screen-no-video" data-testid="screen-no-video">
      <div role="status">
        <h1 className="headline">{tr('noVideo.title')}</h1>
      </div>
      <p className="lead strong" data-testid="no-video-hint">
        {tr('noVideo.hint')}
      </p>
      <p className="hint">{tr('noVideo.reassure')}</p>
      <div className="actions actions-start">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="no-video-back"
          data-main-action
          disabled={!ready}
          onClick={onBack}
        >
          {tr('noVideo.back')}
        </button>
      </div>
    </section>
  );
}
