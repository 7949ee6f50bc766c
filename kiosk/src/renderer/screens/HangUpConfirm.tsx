/**
 * "End the call?" over the call screen, in large type, with "keep talking" as the large default.
 * Its buttons sit in the top part of the screen, away from the hang-up button at the bottom, so a
 * double tap on hang-up can only keep the call.
 */
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n';

/** The words and the two answers. */
export interface HangUpConfirmProps {
  tr: (key: MessageKey) => string;
  onKeep: () => void;
  onEnd: () => void;
}

/** A modal question; focus starts on "keep talking". */
export function HangUpConfirm({ tr, onKeep, onEnd }: HangUpConfirmProps) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <section
        className="screen dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="hang-up-question"
        data-testid="hang-up-confirm"
      >
        <h1 className="headline" id="hang-up-question">
          {tr('hangUp.question')}
        </h1>
        <div className="actions actions-end">
          <button
            ref={keep}
            type="button"
            className="btn btn-primary btn-huge"
            data-testid="hang-up-keep"
            data-main-action
            onClick={onKeep}
          >
            {tr('hangUp.keep')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="hang-up-end"
            data-main-action
            onClick={onEnd}
          >
            {tr('hangUp.end')}
          </button>
        </div>
      </section>
    </div>
  );
}
