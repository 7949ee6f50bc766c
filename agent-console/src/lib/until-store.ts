/** For tests (imported by tests only): waiting on a store that notifies its subscribers on change. */

/**
 * Resolves with what `read` returns once `check` holds for it, checked now and on every change
 * `subscribe` reports; rejects naming `what` after `timeoutMs`.
 */
export function untilStore<T>(
  subscribe: (listener: () => void) => () => void,
  read: () => T,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`not within ${timeoutMs} ms: ${what}`));
    }, timeoutMs);
    const look = () => {
      const v = read();
      if (!check(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    };
    const off = subscribe(look);
    look();
  });
}
