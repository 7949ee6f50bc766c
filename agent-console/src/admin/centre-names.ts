/** The centres' names by id, read once per page (GET /api/centres), for the admin tables. */
import { useEffect, useState } from 'react';
import { asConsoleError, consoleApi } from '../lib/api';

/** Centre id -> name; empty until read (and if reading fails: the tables then show the ids). */
export function useCentreNames(token: string): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    asConsoleError(consoleApi({ token }).listCentres()).then(
      ({ centres }) => {
        if (!cancelled) setNames(new Map(centres.map((c) => [c.id, c.name])));
      },
      // A name is a nicety: the id stands in for it.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  return names;
}
