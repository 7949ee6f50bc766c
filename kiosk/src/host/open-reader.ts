/** Opens the real GA 467 reader service named by the configuration (null when none is configured). */
import type { ReaderLogger } from '../devices/idcard/service';
import type { ReaderService } from '../devices/idcard/types';
import type { KioskConfig } from './config';

/**
 * The reader service for `config.idcard`, not yet started; null when RVW_IDCARD_PORT is absent.
 * `log` receives the service's log entries (codes and sentences, never card data); default none.
 */
export async function openReader(config: KioskConfig, log?: ReaderLogger): Promise<ReaderService | null> {
  if (!config.idcard) return null;
  // Loaded on demand so that the serialport native binding is only touched when a port is configured.
  const { createIdCardReader } = await import('../devices/idcard/index');
  return createIdCardReader({ path: config.idcard.path, baudRate: config.idcard.baudRate, log });
}
