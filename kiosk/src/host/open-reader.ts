/** Opens the real GA 467 reader service named by the configuration (null when none is configured). */
import type { ReaderLogger } from '../devices/idcard/service';
import type { ReaderService } from '../devices/idcard/types';
import type { KioskConfig } from './config';
import { DEFAULT_IDLE_POLL_MS } from './reader-pace';

/**
 * The reader service for `config.idcard`, not yet started; null when RVW_IDCARD_PORT is absent.
 * `log` receives the service's log entries (codes and sentences, never card data); default none.
 */
export async function openReader(config: KioskConfig, log?: ReaderLogger): Promise<ReaderService | null> {
  if (!config.idcard) return null;
  // Loaded on demand so that the serialport native binding is only touched when a port is configured.
  const { createIdCardReader } = await import('../devices/idcard/index');
  // It starts at the idle pace (a kiosk starts on welcome); the host's readerPace sets it from then on.
  return createIdCardReader({
    path: config.idcard.path,
    baudRate: config.idcard.baudRate,
    pollIntervalMs: config.idcard.pollIdleMs ?? DEFAULT_IDLE_POLL_MS,
    log,
  });
}
