/** One kiosk app per machine: a second start quits and brings the first window forward. */
import { app } from 'electron';
import type { BrowserWindow } from 'electron';

/** Takes the single-instance lock; returns false (after asking the app to quit) when another instance holds it. */
export function setupSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
