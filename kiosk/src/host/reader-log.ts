/** Connects the reader service's log entries to the host's technician log. */
import type { ReaderLogEntry } from '../devices/idcard/service';
import type { KioskLogger } from './feature';

/** A reader log sink writing `idcard: <event> <code> <message>` to `logger`; debug entries are dropped. */
export function readerLogTo(logger: KioskLogger): (entry: ReaderLogEntry) => void {
  return (entry) => {
    if (entry.level === 'debug') return;
    const text = ['idcard:', entry.event, entry.code && `(${entry.code})`, entry.message]
      .filter(Boolean)
      .join(' ');
    if (entry.level === 'info') logger.info(text);
    else if (entry.level === 'warn') logger.warn(text);
    else logger.error(text);
  };
}
