/**
 * The dual-screen machine's upper display: the agent's video during a call, filling the display,
 * with the agent's name and the resident's own small picture; otherwise a calm greeting that
 * points down to the touch screen. It takes no taps: the touch screen has the buttons.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import { speak } from '../speech';
import { CallVideo, callUnsteady } from './CallVideo';
import { kioskLayout } from './layout';
import { placeAt } from './place';
import { useWindowSize } from './use-window-size';
import type { VideoViewApp } from './video-view-app';
import './layout.css';

/** Renders the video window's controller. */
export function VideoView({ app }: { app: VideoViewApp }) {
  const { locale, session, media, serverConnected } = useSyncExternalStore(app.subscribe, app.getSnapshot);
  const tr = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params),
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);
  const layout = kioskLayout('video', useWindowSize(), session ? 'call' : 'journey');

  return (
    <div className="kiosk" data-view="video" data-screen={session ? 'call' : 'standby'}>
      {layout.standby && (
        <section className="video-standby" style={placeAt(layout.standby)} data-testid="video-standby">
          <h1 className="headline">{tr('video.standby')}</h1>
          <p className="lead">{tr('video.standbyHint')}</p>
          <svg className="icon-down" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 21l-8-9h5V3h6v9h5z" fill="currentColor" />
          </svg>
        </section>
      )}
      {layout.video && session && (
        <CallVideo
          region={layout.video}
          selfView={layout.selfView}
          local={media.local}
          remote={media.remote}
          agentName={session.session.agent.displayName}
          reconnecting={callUnsteady(media.state, serverConnected)}
          tr={tr}
          speak={(text) => speak(text, locale)}
        />
      )}
    </div>
  );
}
