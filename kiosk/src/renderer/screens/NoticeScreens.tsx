/** The two in-between screens: taking a number (with a way out when it is slow), and a problem with one way back. */
import type { Problem } from '../flow/machine';
import type { MessageKey } from '../i18n';

/** Whether the request is slow (then it says so and offers cancel), the words, and the cancel tap. */
export interface RequestingScreenProps {
  slow: boolean;
  tr: (key: MessageKey) => string;
  onCancel: () => void;
}

/** A spinner while the ticket is being requested; after a few seconds, words and a cancel button. */
export function RequestingScreen({ slow, tr, onCancel }: RequestingScreenProps) {
  return (
    <section className="screen screen-requesting" data-testid="screen-requesting">
      <div className="spinner" aria-hidden="true" />
      <h1 className="headline">{tr('requesting.text')}</h1>
      {slow && (
        <>
          <p className="lead" role="status" data-testid="requesting-slow">
            {tr('requesting.slow')}
          </p>
          <div className="actions actions-start">
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="cancel-request"
              data-main-action
              onClick={onCancel}
            >
              {tr('requesting.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** Which problem, readiness, the words, and the way back. */
export interface ProblemScreenProps {
  problem: Problem;
  ready: boolean;
  tr: (key: MessageKey) => string;
  onBack: () => void;
}

/** Something failed: say so plainly, and offer the way back. */
export function ProblemScreen({ problem, ready, tr, onBack }: ProblemScreenProps) {
  const queued = problem === 'already-queued';
  return (
    <section className="screen screen-problem" data-testid="screen-problem">
      <h1 className="headline">{tr(queued ? 'problem.alreadyQueued' : 'problem.server')}</h1>
      <p className="lead">{tr(queued ? 'problem.alreadyQueuedHint' : 'problem.serverHint')}</p>
      <div className="actions actions-start">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="problem-back"
          data-main-action
          disabled={!ready}
          onClick={onBack}
        >
          {tr('problem.back')}
        </button>
      </div>
    </section>
  );
}
