/** The resident screens: one screen per step of the flow, spoken aloud (by the controller), in large type. */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { t } from './i18n';
import type { MessageKey } from './i18n';
import type { KioskApp } from './kiosk-app';
import { DemoPanel } from './screens/DemoPanel';
import { ScreenView } from './screens/ScreenView';

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
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);

  return (
    <div className="kiosk" data-screen={flow.screen}>
      <header className="topbar">
        <span className="app-title">
          {tr('app.title')}
          {config && !serverConnected && flow.screen !== 'welcome' && (
            <span className="server-dot" title="server offline" aria-hidden="true" />
          )}
        </span>
        {config?.demo && <DemoPanel tr={tr} locale={locale} onCard={app.demoCard} />}
        <div className="topbar-actions">
          <button type="button" className="btn-corner" data-testid="repeat-speech" onClick={app.repeatSpeech}>
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
      <main className="content">
        <ScreenView flow={flow} locale={locale} media={media} send={app.send} />
      </main>
    </div>
  );
}
