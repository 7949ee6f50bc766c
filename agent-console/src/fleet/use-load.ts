/** Reads something once when a panel opens, with its failure code; `reload` reads again. */
import { useCallback, useEffect, useState } from 'react';

/** What a panel gets: the value (null until read), the failure's code, and reload. */
export interface Loaded<T> {
  value: T | null;
  error: string | null;
  reload(): void;
  set(value: T): void;
}

/** Calls `read` on mount and on reload; `fail` turns an error into its code (and may sign out). */
export function useLoad<T>(read: () => Promise<T>, fail: (e: unknown) => string): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    read().then(
      (v) => {
        if (!live) return;
        setValue(v);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(fail(e));
      },
    );
    return () => {
      live = false;
    };
    // Read once per round (reload); `read` and `fail` are the caller’s fresh closures.
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { value, error, reload, set: setValue };
}
