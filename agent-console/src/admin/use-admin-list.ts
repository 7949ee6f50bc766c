import { useCallback, useEffect, useState } from 'react';

/** A list loaded from the admin API: items, the failure code if loading failed, and reload(). */
export interface AdminList<T> {
  items: T[] | null;
  errorCode: string | null;
  reload(): void;
}

/** Loads a list with `load(token)` on mount and on reload(); failures go to `onFailure`, which returns their code. */
export function useAdminList<T>(
  load: (token: string) => Promise<T[]>,
  token: string,
  onFailure: (error: unknown) => string,
): AdminList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    load(token).then(
      (list) => {
        if (cancelled) return;
        setItems(list);
        setErrorCode(null);
      },
      (e: unknown) => {
        if (cancelled) return;
        setErrorCode(onFailure(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, token, onFailure, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, errorCode, reload };
}
