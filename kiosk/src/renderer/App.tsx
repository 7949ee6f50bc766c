/** The resident screens: one screen per step of the flow, spoken aloud (by the controller), in large type. */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { KioskView } from '@rvw/shared';
import { t } from './i18n';
import type { MessageKey } from './i18n';
import type { KioskApp } from './kiosk-app';
import { SpeakerIcon } from './case/Icons';
import { EnrolmentGate } from './enrolment/EnrolmentGate';
import { CallVideo, callUnsteady } from './layout/CallVideo';
import { kioskLayout } from './layout/layout';
import { layoutPhaseOf } from './layout/page-mode';
import { placeAt } from './layout/place';
import { storageLocaleChannel } from './layout/shared-locale';
import { useWindowSize } from './layout/use-window-size';
import { PaperLayer } from './paper/PaperLayer';
import { DemoPanel } from './screens/DemoPanel';
import { ScreenView } from './screens/ScreenView';
import { speak } from './speech';
import './layout/layout.css';

/**
 * Renders the controller's snapshot and forwards the resident's taps to it as flow events. `view`:
 * `both` on one display (the call's video placed beside or above the screens by layout/), `touch`
 * on the dual-screen machine's touch screen (no video: the upper display's window shows it).
 */
export function App({ app, view = 'both' }: { app: KioskApp; view?: Exclude<KioskView, 'video'> }) {
  const { flow, config, locale, media, mirror, serverConnected, paper, enrolment } = useSyncExternalStore(
    app.subscribe,
    app.getSnapshot,
  );
  const tr = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params),
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    // The dual-screen machine's video window speaks the resident's language too.
    if (config) storageLocaleChannel().publish(locale);
  }, [locale, config]);
  // A capture (issue 10) gives the touch region the form's larger share: the live picture is large.
  const phase = layoutPhaseOf(flow);
  const layout = kioskLayout(
    view,
    useWindowSize(),
    phase === 'call' && paper.view.kind === 'capture' ? 'call-form' : phase,
  );

  return (
    <div className="kiosk" data-screen={flow.screen} data-view={view}>
      <header className="topbar" style={layout.topbar ? placeAt(layout.topbar) : undefined}>
        <span className="app-title">
          {tr('app.title')}
          {config && !serverConnected && flow.screen !== 'welcome' && (
            <span className="server-dot" title="server offline" aria-hidden="true" />
          )}
        </span>
        {config?.demo && !enrolment.screen && <DemoPanel tr={tr} locale={locale} onCard={app.demoCard} />}
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
      {layout.video && !enrolment.screen && (
        <CallVideo
          region={layout.video}
          selfView={layout.selfView}
          local={media.local}
          remote={media.remote}
          agentName={null}
          reconnecting={callUnsteady(media.state, serverConnected)}
          tr={tr}
          speak={(text) => speak(text, locale)}
        />
      )}
      <main className="content" style={layout.touch ? placeAt(layout.touch) : undefined}>
        {/* The enrolment gate (issue 12) stands in front of the resident screens, with nothing of theirs. */}
        {enrolment.screen ? (
          <EnrolmentGate view={enrolment} tr={tr} actions={app.enrolment} />
        ) : (
          <ScreenView
            flow={flow}
            locale={locale}
            send={app.send}
            view={view}
            portable={config?.profile === 'portable'}
            mirror={mirror}
          />
        )}
      </main>
      {/* Printing and the document camera: over the touch region, never over the video. */}
      {!enrolment.screen && (
        <PaperLayer
          paper={paper}
          actions={app.paper}
          locale={locale}
          tr={tr}
          style={layout.touch ? placeAt(layout.touch) : undefined}
        />
      )}
    </div>
  );
}
