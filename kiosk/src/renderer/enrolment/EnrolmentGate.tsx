/** The enrolment gate's screen for its view (App shows it in front of the resident screens). */
import type { MessageKey } from '../i18n';
import type { EnrolmentController } from './enrolment-controller';
import type { EnrolmentView } from './enrolment-model';
import { EnrolScreen } from './EnrolScreen';
import { ReEnrolScreen } from './ReEnrolScreen';
import './enrolment.css';

/** The gate's view, the words, and the controller its taps go to. */
export interface EnrolmentGateProps {
  view: EnrolmentView;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  actions: Pick<EnrolmentController, 'redeem' | 'edited' | 'back' | 'finish' | 'openEnrol'>;
}

/** The calm "needs enrolling again", or the first-run screen (and its success). */
export function EnrolmentGate({ view, tr, actions }: EnrolmentGateProps) {
  if (view.screen === 're-enrol') return <ReEnrolScreen tr={tr} onTechnician={actions.openEnrol} />;
  return (
    <EnrolScreen
      view={view}
      tr={tr}
      onRedeem={(code, serverUrl) => void actions.redeem(code, serverUrl)}
      onEdited={actions.edited}
      onBack={actions.back}
      onStart={actions.finish}
    />
  );
}
