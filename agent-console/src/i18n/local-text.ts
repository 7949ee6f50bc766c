/** Catalogue and case texts come in both languages (LocalText); the console shows the one it speaks. */
import type { LocalText, Locale } from '@rvw/shared';

/** The text of `text` in `locale` (Chinese for zh-CN, English otherwise). */
export function local(text: LocalText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}
