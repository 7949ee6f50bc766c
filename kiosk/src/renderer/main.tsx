/** The renderer's entry: pick the page (layout/page-mode.ts), start its controller, render it. */
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BRIDGE_GLOBAL } from '@rvw/shared';
import { App } from './App';
import { getBridge } from './bridge/get-bridge';
import { KioskApp } from './kiosk-app';
import { DualPreview } from './layout/DualPreview';
import { pageModeOf, type PageMode } from './layout/page-mode';
import { VideoView } from './layout/VideoView';
import { VideoViewApp } from './layout/video-view-app';
import './styles.css';

function startPage(mode: PageMode): ReactNode {
  if (mode.kind === 'dual-preview') return <DualPreview />;
  if (mode.view === 'video') {
    const video = new VideoViewApp(getBridge());
    void video.start();
    return <VideoView app={video} />;
  }
  // One call per kiosk: on the dual-screen machine the video window runs it, so the touch window opens no camera.
  const app = new KioskApp(getBridge(), mode.view === 'touch' ? { startCall: null } : {});
  void app.start();
  return <App app={app} view={mode.view} />;
}

const mode = pageModeOf(globalThis.location, BRIDGE_GLOBAL in globalThis);
createRoot(document.getElementById('root')!).render(<StrictMode>{startPage(mode)}</StrictMode>);
