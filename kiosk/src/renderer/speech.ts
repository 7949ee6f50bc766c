/** Spoken guidance: reads each screen aloud in the resident's language. Never throws. */
import type { Locale } from '@rvw/shared';

/** The speech language for a locale: zh-CN or en-US. */
export function speechLang(locale: Locale): string {
  return locale === 'en' ? 'en-US' : 'zh-CN';
}

type UtteranceCtor = new (text: string) => SpeechSynthesisUtterance;

/**
 * Speaks `text`, cutting off whatever was being said. Returns false (silently) when the platform
 * has no speech synthesis; default synth and utterance are the browser's.
 */
export function speak(
  text: string,
  locale: Locale,
  synth: Pick<SpeechSynthesis, 'speak' | 'cancel'> | undefined = globalThis.speechSynthesis,
  Utterance: UtteranceCtor | undefined = globalThis.SpeechSynthesisUtterance,
): boolean {
  if (!synth || !Utterance || !text) return false;
  try {
    synth.cancel();
    const utterance = new Utterance(text);
    utterance.lang = speechLang(locale);
    // Slower than the default: many residents are hard of hearing.
    utterance.rate = 0.85;
    synth.speak(utterance);
    return true;
  } catch {
    return false;
  }
}

/** Stops speaking, if anything is being said. */
export function stopSpeaking(
  synth: Pick<SpeechSynthesis, 'cancel'> | undefined = globalThis.speechSynthesis,
): void {
  try {
    synth?.cancel();
  } catch {
    // Nothing to stop on a platform without speech.
  }
}
