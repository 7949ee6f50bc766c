/** Keeps the kiosk's screen awake: a resident must never find a black screen. */
import { powerSaveBlocker } from 'electron';

/** Starts blocking display sleep; returns the blocker id. */
export function setupPowerSaveBlocker(): number {
  return powerSaveBlocker.start('prevent-display-sleep');
}
