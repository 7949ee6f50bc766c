import { describe, expect, it } from 'vitest';
import { run, opened, position, online, needAsked } from '../flow/test-fixtures';
import { spokenText } from '../speech-text';
import { emptyPaper, jobChanged, paperView, requestChanged, withContext } from './paper-model';
import type { PaperState } from './paper-model';
import { chooseSpeech, NOTHING_SPOKEN } from './paper-speech';
import { inCallContext, job, request } from './test-paper';

const waiting = run({ ...online, server: 'up' }, { type: 'call-without-card' }, ...needAsked, {
  type: 'ticket-issued',
  position: position(),
}).state;
const call = run(waiting, { type: 'session-opened', opened: opened() }).state;
const hangUp = run(call, { type: 'ask-hang-up' }).state;
const paper = withContext(emptyPaper, inCallContext);
const offer = jobChanged(paper, job('offered'));
const printing = jobChanged(paper, job('printing'));

const say = (last: ReturnType<typeof chooseSpeech>['keys'], flow = call, state: PaperState = paper) =>
  chooseSpeech(last, flow, paperView(state), 'zh-CN');

describe('what is said when the screen or the paper layer changes', () => {
  it('says the screen when nothing of paper shows', () => {
    const first = say(NOTHING_SPOKEN);
    expect(first.text).toBe(spokenText(call, 'zh-CN'));
    expect(say(first.keys).text).toBeNull();
  });

  it('says a paper panel when it appears, holds the screen under it, and says the screen when it closes', () => {
    const start = say(NOTHING_SPOKEN).keys;
    const shown = say(start, call, offer);
    expect(shown.text).toContain('要打印吗');
    const under = say(shown.keys, hangUp, offer);
    expect(under.text).toBeNull();
    const closed = say(under.keys, hangUp, paper);
    expect(closed.text).toBe(spokenText(hangUp, 'zh-CN'));
  });

  it('says a new paper state (printing, then take your receipt)', () => {
    const a = say(say(NOTHING_SPOKEN).keys, call, printing);
    expect(a.text).toBe('正在打印，请稍候');
    const b = say(a.keys, call, jobChanged(printing, job('done')));
    expect(b.text).toBe('请取走您的回执。纸从屏幕下方的出纸口出来');
  });

  it('under the printing banner the screen goes on being spoken', () => {
    const a = say(say(NOTHING_SPOKEN).keys, call, printing);
    expect(say(a.keys, hangUp, printing).text).toBe(spokenText(hangUp, 'zh-CN'));
  });

  it('"say it again" says the panel; with the banner, the banner then the screen', () => {
    expect(say(NOTHING_SPOKEN, call, offer).text).toContain('要打印吗');
    expect(say(NOTHING_SPOKEN, call, offer).text).not.toContain(spokenText(call, 'zh-CN'));
    expect(say(NOTHING_SPOKEN, call, printing).text).toBe(`正在打印，请稍候。${spokenText(call, 'zh-CN')}`);
  });

  it('speaks the capture steps', () => {
    const asked = requestChanged(paper, request('asked'));
    expect(say(NOTHING_SPOKEN, call, asked).text).toContain('工作人员需要拍下您的《户口簿本人页》');
  });
});
