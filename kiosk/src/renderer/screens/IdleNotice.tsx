/** The privacy notice of a greeting or consent left alone: "are you still there?", one button to go on. */
import type { MessageKey } from '../i18n';

/** The words and the tap that gives the resident their time back. */
export interface IdleNoticeProps {
  tr: (key: MessageKey) => string;
  onStillHere: () => void;
  /** The notice's sentence; default 'idle.notice'. */
  text?: MessageKey;
  /** The button's words; default 'idle.stillHere'. */
  button?: MessageKey;
}

/** Replaces the screen's content (and the name on it) while the notice is up. */
export function IdleNotice({
  tr,
  onStillHere,
  text = 'idle.notice',
  button = 'idle.stillHere',
}: IdleNoticeProps) {
  return (
    <section
      className="screen screen-idle"
      data-testid="idle-notice"
      role="alertdialog"
      aria-labelledby="idle-text"
    >
      <h1 className="headline" id="idle-text">
        {tr(text)}
      </h1>
      <div className="actions actions-end">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="still-here"
          data-main-action
          onClick={onStillHere}
        >
          {tr(button)}
        </button>
      </div>
    </section>
  );
}
