/** Looks words up in the dictionary and fills their `{placeholders}`. */
import type { Locale } from '@rvw/shared';
import { dictionaries, type MessageKey } from './messages';

/** Values for a message's placeholders. */
export type MessageParams = Record<string, string | number>;

/** The placeholders a message template names, in order of appearance (`{count}` -> `count`). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** `template` with its `{placeholders}` filled from `params`; a missing parameter stays visible as `{name}`. */
export function fillPlaceholders(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The message for `key` in `locale`, placeholders filled; a missing parameter stays visible as `{name}`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(dictionaries[locale][key], params);
}

/** True when `key` names a message (used to look up error codes that may be unknown). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries['zh-CN'], key);
}

/** A sentence for an error code in `locale`: the dictionary's, or a generic one naming the code. */
export function errorText(locale: Locale, code: string): string {
  const key = `error.${code}`;
  return isMessageKey(key) ? translate(locale, key) : translate(locale, 'error.unknown', { code });
}
