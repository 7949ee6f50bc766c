/**
 * Names for the ids a supervisor reads (agents, kiosks): the records carry ids; people read names.
 * Loaded once per page from the admin lists; an id not found (or before loading) shows as itself.
 */
import { useEffect, useState } from 'react';
import { listAgents, listKiosks } from '../lib/api';

/** Looks a name up by id. */
export interface Directory {
  agent(id: string): string;
  kiosk(id: string): string;
}

/** The agents' and kiosks' names; a failed load leaves the ids as they are (nothing else depends on it). */
export function useDirectory(token: string): Directory {
  const [agents, setAgents] = useState<ReadonlyMap<string, string>>(new Map());
  const [kiosks, setKiosks] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    listAgents(token).then(
      (list) => !cancelled && setAgents(new Map(list.map((a) => [a.id, a.displayName]))),
      () => undefined,
    );
    listKiosks(token).then(
      (list) => !cancelled && setKiosks(new Map(list.map((k) => [k.id, k.name]))),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  return { agent: (id) => agents.get(id) ?? id, kiosk: (id) => kiosks.get(id) ?? id };
}
