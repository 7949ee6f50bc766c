/**
 * The optional disability question (issue 11 #3): one calm question with 是 and 否 as two equal,
 * large answers, and a sentence saying it may be left: 否 queues as usual. What was pressed on
 * the tiles is shown above it, with a small way back to the tiles.
 */
import type { Tr } from '../i18n';

/** What was pressed (its word), readiness, the words, and the taps. */
export interface DisabilityScreenProps {
  /** The chosen tile's word. */
  needWord: string;
  ready: boolean;
  tr: Tr;
  onAnswer: (disability: boolean) => void;
  onChangeNeed: () => void;
}

/**
 * 是 and 否 one above the other, just as large, in the end half: the waiting screen's 不等了 sits in
 * the start half, so a double tap on an answer never cancels the number just taken. 否, the plain
 * way on, in the main colour.
 */
export function DisabilityScreen({ needWord, ready, tr, onAnswer, onChangeNeed }: DisabilityScreenProps) {
  return (
    <section className="screen screen-disability" data-testid="screen-disability" aria-busy={!ready}>
      <div className="need-chosen">
        <p className="lead" data-testid="need-chosen">
          {tr('need.chosen', { need: needWord })}
        </p>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          data-testid="need-change"
          disabled={!ready}
          onClick={onChangeNeed}
        >
          {tr('need.change')}
        </button>
      </div>
      <h1 className="headline">{tr('disability.question')}</h1>
      <p className="lead">{tr('disability.optional')}</p>
      <p className="hint">{tr('disability.yesNote')}</p>
      <div className="actions actions-end disability-answers">
        <button
          type="button"
          className="btn btn-secondary btn-huge"
          data-testid="disability-yes"
          data-main-action
          disabled={!ready}
          onClick={() => onAnswer(true)}
        >
          {tr('disability.yes')}
        </button>
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="disability-no"
          data-main-action
          disabled={!ready}
          onClick={() => onAnswer(false)}
        >
          {tr('disability.no')}
        </button>
      </div>
    </section>
  );
}
