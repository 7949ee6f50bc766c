/**
 * The call's part of the touch screen while a form (or what the resident gets without applying)
 * shows beside the video: the case panel, and the red hang-up button below it, smaller than on the
 * plain call screen because checking the form is now the main thing to do.
 */
import type { Locale } from '@rvw/shared';
import type { FlowEvent, FlowState } from '../flow/machine';
import type { Tr } from '../i18n';
import { CasePanel } from './CasePanel';
import './form.css';

/** The flow, the language, where taps go, and how to read a row aloud. */
export interface CallFormScreenProps {
  flow: FlowState;
  locale: Locale;
  tr: Tr;
  speak: (text: string) => void;
  send: (event: FlowEvent) => void;
}

/** Test ids `screen-call` (as the plain call screen), `case-panel`, `hang-up`. */
export function CallFormScreen(props: CallFormScreenProps) {
  return (
    <section className="screen screen-call call-form" data-testid="screen-call">
      <CasePanel {...props} />
      <button
        type="button"
        className="btn btn-danger hang-up-small"
        data-testid="hang-up"
        onClick={() => props.send({ type: 'ask-hang-up' })}
      >
        {props.tr('call.hangUp')}
      </button>
    </section>
  );
}
