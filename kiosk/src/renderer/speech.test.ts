import { describe, expect, it } from 'vitest';
import { speak, speechLang, stopSpeaking } from './speech';

class FakeUtterance {
  lang = '';
  rate = 1;
  constructor(readonly text: string) {}
}

describe('speech', () => {
  it('does not throw and says false when speech synthesis is absent', () => {
    expect(speak('您好', 'zh-CN', undefined, undefined)).toBe(false);
    expect(() => stopSpeaking(undefined)).not.toThrow();
    expect(speak('您好', 'zh-CN')).toBe(false); // Node has no speechSynthesis at all
  });

  it('speaks in the locale language, slowly, cutting off the previous sentence', () => {
    const calls: string[] = [];
    const spoken: FakeUtterance[] = [];
    const synth = {
      cancel: () => calls.push('cancel'),
      speak: (u: SpeechSynthesisUtterance) => {
        calls.push('speak');
        spoken.push(u as unknown as FakeUtterance);
      },
    };
    expect(speak('Hello', 'en', synth, FakeUtterance as never)).toBe(true);
    expect(speak('您好', 'zh-CN', synth, FakeUtterance as never)).toBe(true);
    expect(calls).toEqual(['cancel', 'speak', 'cancel', 'speak']);
    expect(spoken.map((u) => [u.text, u.lang])).toEqual([
      ['Hello', 'en-US'],
      ['您好', 'zh-CN'],
    ]);
    expect(spoken[0]!.rate).toBeLessThan(1);
    expect(speechLang('zh-CN')).toBe('zh-CN');
  });

  it('swallows a synth that throws', () => {
    const synth = {
      cancel: () => {},
      speak: () => {
        throw new Error('audio device busy');
      },
    };
    expect(speak('x', 'en', synth, FakeUtterance as never)).toBe(false);
  });
});
