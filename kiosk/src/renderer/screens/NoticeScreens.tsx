/** The two in-between screens: taking a number, and a problem with one way back. */
import type { Problem } from '../flow/machine';
import type { MessageKey } from '../i18n';

/** A spinner while the ticket is being requested; nothing to tap. */
export function RequestingScreen({ tr }: { tr: (key: MessageKey) => string }) {
  return (
    <section className="screen screen-requesting" data-testid="screen-requesting">
      <div className="spinner" aria-hidden="true" />
      <h1 className="headline">{tr('requesting.text')}</h1>
    </section>
  );
}

/** Which problem, the words, and the way back. */
export interface ProblemScreenProps {
  problem: Problem;
  tr: (key: MessageKey) => string;
  onBack: () => void;
}

/** Something failed: say so plainly, and offer the way back. */
export function ProblemScreen({ problem, tr, onBack }: ProblemScreenProps) {
  const queued = problem === 'already-queued';
  return (
    <section className="screen screen-problem" data-testid="screen-problem">
      <h1 className="headline">{tr(queued ? 'problem.alreadyQueued' : 'problem.server')}</h1>
      <p className="lead">{tr(queued ? 'problem.alreadyQueuedHint' : 'problem.serverHint')}</p>
      <button type="button" className="btn btn-primary btn-huge" data-testid="problem-back" onClick={onBack}>
        {tr('problem.back')}
      </button>
    </section>
  );
}
