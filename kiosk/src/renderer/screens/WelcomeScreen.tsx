/**
 * Welcome: place the ID card, or call without one; when the reader is down, calling is the main
 * action; when the video service cannot be reached, it says so in words and offers no call.
 */
import type { ServerLink } from '../flow/state';
import type { MessageKey } from '../i18n';
import { ReaderIllustration } from './ReaderIllustration';

/** The reader's and the server's state (which decide the main action), readiness, the words, the call tap. */
export interface WelcomeScreenProps {
  readerUsable: boolean;
  server: ServerLink;
  /** A card was left on the reader after a visit: ask for it to be taken. */
  cardLeft: boolean;
  /** The door-to-door machine: the reader is the box beside the laptop, not below the screen. */
  portable?: boolean;
  /** False for a moment after a visit ends: a double tap on the last screen must not call. */
  ready: boolean;
  tr: (key: MessageKey) => string;
  onCall: () => void;
}

/** The idle screen; its call button sits in the end half, away from the start half of the screens before it. */
export function WelcomeScreen({
  readerUsable,
  server,
  cardLeft,
  portable = false,
  ready,
  tr,
  onCall,
}: WelcomeScreenProps) {
  const takeCard = cardLeft && (
    <p className="notice" data-testid="take-card" role="status">
      {tr('welcome.takeCard')}
    </p>
  );
  // The secondary way in, in the end half (the screens before welcome use the start half).
  const callWithoutCard = (
    <div className="actions actions-end">
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="call-without-card"
        data-main-action
        disabled={!ready}
        onClick={onCall}
      >
        {tr('welcome.callWithoutCard')}
      </button>
    </div>
  );
  if (server === 'down' || server === 'restarting') {
    const restarting = server === 'restarting';
    return (
      <section className="screen screen-welcome" data-testid="screen-welcome">
        {takeCard}
        {/* The live region wraps the heading: a role on the h1 itself would stop it being a heading. */}
        <div role="status">
          <h1 className="headline" data-testid="service-down">
            {tr(restarting ? 'welcome.serviceRestarting' : 'welcome.serviceDown')}
          </h1>
        </div>
        <p className="lead">{tr(restarting ? 'welcome.serviceRestartingHint' : 'welcome.serviceDownHint')}</p>
      </section>
    );
  }
  return (
    <section className="screen screen-welcome" data-testid="screen-welcome">
      {readerUsable && cardLeft ? (
        // One thing to do first: take the card. Asking to place a card beside it would contradict it.
        <>
          <div role="status">
            <h1 className="headline" data-testid="take-card">
              {tr('welcome.takeCard')}
            </h1>
          </div>
          <p className="lead">{tr('welcome.takeCardHint')}</p>
          {callWithoutCard}
        </>
      ) : readerUsable ? (
        <>
          <h1 className="headline" data-testid="place-card-prompt">
            {tr('welcome.placeCard')}
          </h1>
          <ReaderIllustration />
          <p className="hint">{tr(portable ? 'welcome.placeCardHintPortable' : 'welcome.placeCardHint')}</p>
          {callWithoutCard}
        </>
      ) : (
        <>
          <h1 className="headline" data-testid="reader-offline">
            {tr('welcome.readerOffline')}
          </h1>
          <p className="lead">{tr('welcome.readerOfflineHint')}</p>
          <div className="actions actions-end">
            <button
              type="button"
              className="btn btn-primary btn-huge"
              data-testid="call-agent"
              data-main-action
              disabled={!ready}
              onClick={onCall}
            >
              {tr('welcome.callAgent')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
