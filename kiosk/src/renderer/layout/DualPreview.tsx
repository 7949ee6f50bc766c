/**
 * The browser shell's stand-in for the dual-screen machine (`/dual` or `?layout=dual`), for the
 * demo and the tests: the video view in a frame above the touch view, each at a real display's
 * size, scaled down together to fit the browser window. Each frame is its own renderer on the same
 * host, as each Electron window is; only the video frame may use the camera and microphone.
 */
import { useEffect } from 'react';
import type { KioskView } from '@rvw/shared';
import type { Size } from './layout';
import { useWindowSize } from './use-window-size';
import './layout.css';

/** Each display of the stand-in; default 1920x1080, the common kiosk panel. */
export const PREVIEW_DISPLAY: Size = { width: 1920, height: 1080 };
/** The dark band between the two displays, as the machine's bezel shows it (px at full size). */
export const PREVIEW_BEZEL = 24;

const FRAMES: Array<{ view: KioskView; title: string; allow: string }> = [
  { view: 'video', title: '上方屏幕：视频 · Upper display: video', allow: 'camera; microphone; autoplay' },
  { view: 'touch', title: '下方触摸屏 · Touch screen', allow: 'autoplay' },
];

/** Two frames, one above the other, scaled to the window. */
export function DualPreview({ display = PREVIEW_DISPLAY }: { display?: Size }) {
  const size = useWindowSize();
  const fullHeight = 2 * display.height + PREVIEW_BEZEL;
  const scale = Math.max(0.1, Math.min(1, size.width / display.width, size.height / fullHeight));
  useEffect(() => {
    document.title = '远程虚拟窗口 · 双屏 / Dual screen';
  }, []);
  return (
    <main
      className="dual-preview"
      data-testid="dual-preview"
      style={{ width: display.width * scale, height: fullHeight * scale }}
    >
      {FRAMES.map(({ view, title, allow }, i) => (
        <iframe
          key={view}
          title={title}
          src={`./?view=${view}`}
          allow={allow}
          data-testid={`dual-${view}`}
          style={{
            top: i * (display.height + PREVIEW_BEZEL) * scale,
            width: display.width,
            height: display.height,
            transform: `scale(${scale})`,
          }}
        />
      ))}
    </main>
  );
}
