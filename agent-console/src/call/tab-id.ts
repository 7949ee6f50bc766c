/**
 * This console tab's id, which the server uses to know which tab runs a session's call. It
 * survives the tab's own reloads (so a reloaded console gets its call back at once) but not a copy
 * of the tab: a duplicated tab inherits sessionStorage, so the id is kept only when this page load
 * is a reload.
 */

const KEY = 'rvw.console.tabId';

/** What the id is kept in and read from; the browser's by default. */
export interface TabIdEnv {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** How this page was loaded ('reload', 'navigate', 'back_forward', …). */
  navigationType: string | undefined;
  newId(): string;
}

/** The browser's navigation type and ids, over the storage the console keeps its login in. */
export function browserTabIdEnv(storage: TabIdEnv['storage']): TabIdEnv {
  const entry = globalThis.performance?.getEntriesByType?.('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  return { storage, navigationType: entry?.type, newId: () => globalThis.crypto.randomUUID() };
}

/** The id of this tab: the stored one after a reload, else a new one (stored for the next reload). */
export function consoleTabId(env: TabIdEnv): string {
  const stored = env.storage.getItem(KEY);
  if (stored && env.navigationType === 'reload') return stored;
  const id = env.newId();
  env.storage.setItem(KEY, id);
  return id;
}
