/**
 * The resident's language, from the window they touch to the video window (issue 9 #8). The two
 * windows of the dual-screen machine are separate renderers of one origin; the touch window writes
 * the language on screen to localStorage and the video window follows its `storage` events. Only
 * the language crosses (no personal data), and it goes back to the kiosk's own on every return home.
 */
import { Locale } from '@rvw/shared';

/** The localStorage key. */
export const SHARED_LOCALE_KEY = 'rvw.kiosk.locale';

/** Where the language is published and read: localStorage and its `storage` events by default. */
export interface LocaleChannel {
  /** The language last published, or null. */
  read(): Locale | null;
  /** Publishes the language on screen. */
  publish(locale: Locale): void;
  /** Calls `onChange` when another window publishes; returns the unsubscribe function. */
  subscribe(onChange: (locale: Locale) => void): () => void;
}

const parse = (value: string | null): Locale | null => {
  const parsed = Locale.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** The channel over this origin's localStorage; a no-op where storage is unavailable. */
export function storageLocaleChannel(target: typeof globalThis = globalThis): LocaleChannel {
  const storage = (() => {
    try {
      return target.localStorage ?? null;
    } catch {
      return null;
    }
  })();
  return {
    read: () => parse(storage?.getItem(SHARED_LOCALE_KEY) ?? null),
    publish(locale) {
      try {
        if (storage?.getItem(SHARED_LOCALE_KEY) !== locale) storage?.setItem(SHARED_LOCALE_KEY, locale);
      } catch {
        // A full or forbidden storage only costs the other window the language.
      }
    },
    subscribe(onChange) {
      const listener = (event: StorageEvent) => {
        const locale = event.key === SHARED_LOCALE_KEY ? parse(event.newValue) : null;
        if (locale) onChange(locale);
      };
      target.addEventListener?.('storage', listener);
      return () => target.removeEventListener?.('storage', listener);
    },
  };
}
