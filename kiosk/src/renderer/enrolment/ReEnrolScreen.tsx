/**
 * "此设备需要重新登记" (issue 12 #1): the kiosk's credential was revoked or refused. A calm full
 * screen with nothing of any resident on it, asking them to tell the committee staff; a technician
 * reaches the first-run screen from its small (still ≥ 80 px) button.
 */
import type { MessageKey } from '../i18n';

/** The words and the technician's way to the first-run screen. */
export interface ReEnrolScreenProps {
  tr: (key: MessageKey) => string;
  onTechnician: () => void;
}

/** The kiosk needs enrolling again: tell the committee staff. */
export function ReEnrolScreen({ tr, onTechnician }: ReEnrolScreenProps) {
  return (
    <section className="screen screen-re-enrol" data-testid="screen-re-enrol">
      <div role="status">
        <h1 className="headline">{tr('reEnrol.title')}</h1>
      </div>
      <p className="lead strong">{tr('reEnrol.hint')}</p>
      <div className="re-enrol-technician">
        <button
          type="button"
          className="btn btn-secondary btn-small"
          data-testid="re-enrol-technician"
          onClick={onTechnician}
        >
          {tr('reEnrol.technician')}
        </button>
      </div>
    </section>
  );
}
