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

/** How long to wait for the platform to start speaking before going on as if it had. */
export const SPEECH_START_WAIT_MS = 2_500;

/**
 * Speaks `text` like `speak`, and calls `onStarted` once: when the speech starts, or at once when
 * there is no speech to wait for (no synthesis, no text), or when the platform has neither started
 * nor failed after SPEECH_START_WAIT_MS (a silent engine must not hold a screen forever).
 */
export function announce(
  text: string,
  locale: Locale,
  onStarted: () => void,
  synth: Pick<SpeechSynthesis, 'speak' | 'cancel'> | undefined = globalThis.speechSynthesis,
  Utterance: UtteranceCtor | undefined = globalThis.SpeechSynthesisUtterance,
): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(fallback);
    onStarted();
  };
  const fallback = setTimeout(once, SPEECH_START_WAIT_MS);
  const Observed: UtteranceCtor | undefined = Utterance
    ? class extends Utterance {
        constructor(words: string) {
          super(words);
          // An utterance that ends or fails without starting also frees the screen.
          this.onstart = this.onend = this.onerror = once;
        }
      }
    : undefined;
  if (!speak(text, locale, synth, Observed)) queueMicrotask(once);
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
