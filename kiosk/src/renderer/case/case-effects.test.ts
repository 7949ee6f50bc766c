import { describe, expect, it } from 'vitest';
import { BridgeError, ErrorCode } from '@rvw/shared';
import type { KioskBridge } from '@rvw/shared';
import { confirmConsentText, signConsentText } from '../consent-text';
import type { FlowEvent } from '../flow/machine';
import { runCaseEffect } from './case-effects';
import { sampleStrokes } from './test-cases';

const HASH = 'b'.repeat(64);

/** A bridge that records each invoke and answers from `answers` in order (an Error is thrown). */
function fakeBridge(answers: unknown[] = []): { bridge: KioskBridge; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const bridge = {
    async invoke(channel: string, request: unknown) {
      calls.push([channel, request]);
      const answer = answers.shift() ?? {};
      if (answer instanceof Error) throw answer;
      return answer;
    },
    on: () => () => undefined,
  } as unknown as KioskBridge;
  return { bridge, calls };
}

describe('the case effects, run through the bridge', () => {
  it('confirms and signs with the consent text the screen shows, in its language', async () => {
    const { bridge, calls } = fakeBridge();
    const events: FlowEvent[] = [];
    const send = (e: FlowEvent) => void events.push(e);
    await runCaseEffect(bridge, { type: 'confirm-form', caseId: 'c1', revision: 5, hash: HASH }, 'en', send);
    await runCaseEffect(
      bridge,
      { type: 'sign-form', caseId: 'c1', revision: 5, hash: HASH, strokes: sampleStrokes },
      'zh-CN',
      send,
    );
    expect(calls).toEqual([
      [
        'form:confirm',
        { caseId: 'c1', revision: 5, hash: HASH, consentText: confirmConsentText('en'), locale: 'en' },
      ],
      [
        'form:sign',
        {
          caseId: 'c1',
          revision: 5,
          hash: HASH,
          strokes: sampleStrokes,
          consentText: signConsentText('zh-CN'),
          locale: 'zh-CN',
        },
      ],
    ]);
    expect(events).toEqual([
      { type: 'confirm-result', ok: true },
      { type: 'sign-result', ok: true },
    ]);
  });

  it("passes the server's refusal code back to the flow, and a refused flag as not sent", async () => {
    const { bridge } = fakeBridge([
      BridgeError.fromServer(ErrorCode.Conflict, 'moved on'),
      BridgeError.serverUnreachable('no answer'),
    ]);
    const events: FlowEvent[] = [];
    const send = (e: FlowEvent) => void events.push(e);
    await runCaseEffect(
      bridge,
      { type: 'confirm-form', caseId: 'c1', revision: 4, hash: HASH },
      'zh-CN',
      send,
    );
    await runCaseEffect(
      bridge,
      { type: 'flag-field', caseId: 'c1', field: 'contactPhone', revision: 4 },
      'zh-CN',
      send,
    );
    expect(events).toEqual([
      { type: 'confirm-result', ok: false, code: 'CONFLICT' },
      { type: 'flag-result', caseId: 'c1', field: 'contactPhone', ok: false },
    ]);
  });

  it('sends a rating once more after a failure, then lets it go without bothering the resident', async () => {
    const fail = () => BridgeError.serverUnreachable('no answer');
    const { bridge, calls } = fakeBridge([fail(), fail(), fail()]);
    const rating = { rated: false as const };
    await runCaseEffect(bridge, { type: 'submit-rating', sessionId: 's1', rating }, 'zh-CN', () => {
      throw new Error('the rating tells the flow nothing');
    });
    expect(calls).toEqual([
      ['rating:submit', { sessionId: 's1', rating }],
      ['rating:submit', { sessionId: 's1', rating }],
    ]);
  });
});
