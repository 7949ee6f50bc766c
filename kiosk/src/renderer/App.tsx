/** The resident screens: one screen per step of the flow, spoken aloud, in large type. */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Locale } from '@rvw/shared';
import type { FlowState } from './flow/machine';
import { readerUsable } from './flow/machine';
import { greetingOf, t } from './i18n';
import type { MessageKey } from './i18n';
import type { KioskApp } from './kiosk-app';
import { speak } from './speech';
import { CallScreen } from './screens/CallScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { GreetingScreen } from './screens/GreetingScreen';
import { DemoPanel } from './screens/DemoPanel';
import { ProblemScreen, RequestingScreen } from './screens/NoticeScreens';
import { ThanksScreen } from './screens/ThanksScreen';
import { WaitingScreen } from './screens/WaitingScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';

/** What is read aloud on a screen. */
export function spokenText(flow: FlowState, locale: Locale): string {
  switch (flow.screen) {
    case 'welcome':
      return t(locale, readerUsable(flow.reader) ? 'speak.welcome' : 'speak.welcomeOffline');
    case 'greeting':
      return flow.card ? t(locale, 'speak.greeting', { hello: greetingOf(flow.card, locale) }) : '';
    case 'consent':
      return t(locale, 'speak.consent');
    case 'requesting':
      return t(locale, 'requesting.text');
    case 'waiting':
      return flow.ticket ? t(locale, 'speak.waiting', { number: flow.ticket.ticket.number }) : '';
    case 'call':
      return t(locale, 'speak.call');
    case 'thanks':
      return t(locale, 'speak.thanks');
    case 'problem':
      return t(locale, 'speak.problem');
  }
}

// Drawn, not an emoji: kiosk images often ship without an emoji font and show a box instead.
function SpeakerIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path
        d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Renders the controller's snapshot and forwards the resident's taps to it as flow events. */
export function App({ app }: { app: KioskApp }) {
  const { flow, config, locale, media, serverConnected } = useSyncExternalStore(
    app.subscribe,
    app.getSnapshot,
  );
  const tr = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params),
    [locale],
  );
  const spoken = useMemo(() => spokenText(flow, locale), [flow, locale]);

  // Read each screen aloud once when it appears (or the language changes); not on every queue tick.
  useEffect(() => {
    speak(spoken, locale);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-speak on screen or language change only
  }, [flow.screen, locale]);

  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);

  return (
    <div className="kiosk" data-screen={flow.screen}>
      <header className="topbar">
        <span className="app-title">
          {tr('app.title')}
          {config && !serverConnected && (
            <span className="server-dot" title="server offline" aria-hidden="true" />
          )}
        </span>
        <div className="topbar-actions">
          <button
            type="button"
            className="btn-corner"
            data-testid="repeat-speech"
            onClick={() => speak(spoken, locale)}
          >
            <SpeakerIcon /> {tr('speech.repeat')}
          </button>
          <button
            type="button"
            className="btn-corner"
            data-testid="lang-switch"
            lang={locale === 'en' ? 'zh-CN' : 'en'}
            onClick={() => app.setLocale(locale === 'en' ? 'zh-CN' : 'en')}
          >
            {tr('lang.switch')}
          </button>
        </div>
      </header>
      <main className="content">{renderScreen()}</main>
    </div>
  );

  function renderScreen() {
    switch (flow.screen) {
      case 'welcome':
        return (
          <WelcomeScreen
            readerUsable={readerUsable(flow.reader)}
            tr={tr}
            onCall={() => app.send({ type: 'call-without-card' })}
          >
            {config?.demo && <DemoPanel tr={tr} onCard={app.demoCard} />}
          </WelcomeScreen>
        );
      case 'greeting':
        return flow.card ? (
          <GreetingScreen
            card={flow.card}
            greeting={greetingOf(flow.card, locale)}
            tr={tr}
            onConfirm={() => app.send({ type: 'confirm-identity' })}
            onNotMe={() => app.send({ type: 'not-me' })}
          />
        ) : null;
      case 'consent':
        return <ConsentScreen tr={tr} onAnswer={(agree) => app.send({ type: 'consent', agree })} />;
      case 'requesting':
        return <RequestingScreen tr={tr} />;
      case 'waiting':
        return flow.ticket ? (
          <WaitingScreen
            ticket={flow.ticket}
            identityShared={flow.identityShared}
            tr={tr}
            onCancel={() => app.send({ type: 'cancel-ticket' })}
          />
        ) : null;
      case 'call':
        return (
          <CallScreen
            agentName={flow.session?.session.agent.displayName ?? ''}
            local={media.local}
            remote={media.remote}
            tr={tr}
            onHangUp={() => app.send({ type: 'hang-up' })}
          />
        );
      case 'thanks':
        return <ThanksScreen tr={tr} onDone={() => app.send({ type: 'thanks-done' })} />;
      case 'problem':
        return (
          <ProblemScreen
            problem={flow.problem ?? 'server'}
            tr={tr}
            onBack={() => app.send({ type: 'reset' })}
          />
        );
    }
  }
}
