/** Welcome: place the ID card, or call without one; when the reader is down, calling is the main action. */
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import { ReaderIllustration } from './ReaderIllustration';

/** Whether the reader can take a card (which decides the main action), the words, and the call tap. */
export interface WelcomeScreenProps {
  readerUsable: boolean;
  tr: (key: MessageKey) => string;
  onCall: () => void;
  /** Shown below the actions, inside the screen (App puts the demo panel here in demo mode). */
  children?: ReactNode;
}

/** The idle screen: the card prompt with a drawing of the reader, or "call an agent" when it is down. */
export function WelcomeScreen({ readerUsable, tr, onCall, children }: WelcomeScreenProps) {
  return (
    <section className="screen screen-welcome" data-testid="screen-welcome">
      {readerUsable ? (
        <>
          <h1 className="headline" data-testid="place-card-prompt">
            {tr('welcome.placeCard')}
          </h1>
          <ReaderIllustration />
          <p className="hint">{tr('welcome.placeCardHint')}</p>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="call-without-card"
            onClick={onCall}
          >
            {tr('welcome.callWithoutCard')}
          </button>
        </>
      ) : (
        <>
          <h1 className="headline" data-testid="reader-offline">
            {tr('welcome.readerOffline')}
          </h1>
          <p className="lead">{tr('welcome.readerOfflineHint')}</p>
          <button
            type="button"
            className="btn btn-primary btn-huge"
            data-testid="call-agent"
            onClick={onCall}
          >
            {tr('welcome.callAgent')}
          </button>
        </>
      )}
      {children}
    </section>
  );
}
