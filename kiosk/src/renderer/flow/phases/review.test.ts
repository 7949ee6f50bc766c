import { describe, expect, it } from 'vitest';
import { sampleCase, sampleStrokes } from '../../case/test-cases';
import { SETTLE_MS, takesTaps, transition } from '../machine';
import { online, opened, position, run, settled, withoutTimers, needAsked } from '../test-fixtures';

const call = run(
  online,
  { type: 'call-without-card' },
  ...needAsked,
  { type: 'ticket-issued', position: position() },
  { type: 'session-opened', opened: opened() },
).state;
const HASH = 'b'.repeat(64);
const asked = (revision: number) => ({
  type: 'case-state' as const,
  state: sampleCase(revision, { confirmRequested: revision, lastChanged: 'contactPhone' }),
});
const confirm = run(call, asked(5)).state;
const lastPage = run(confirm, { type: 'review-page', page: 1 }, { type: 'review-page', page: 2 }).state;

describe('the review phase: confirm page by page, then sign', () => {
  it('starts when the agent asks to confirm the current revision, from the first page', () => {
    expect(confirm).toMatchObject({
      screen: 'confirm',
      review: { caseId: 'c1', revision: 5, hash: HASH, page: 0, sending: false },
    });
    // A request for an older revision is no request for this one.
    const stale = run(call, { type: 'case-state', state: sampleCase(6, { confirmRequested: 5 }) });
    expect(stale.state.screen).toBe('call');
  });

  it('pages forward and back; each new page settles, so a double tap cannot skip one', () => {
    // The confirm screen itself settles first (a double tap on the call screen cannot page it).
    expect(transition(confirm, { type: 'review-page', page: 1 }).state).toBe(confirm);
    const next = transition(settled(confirm), { type: 'review-page', page: 1 });
    expect(next.state.review?.page).toBe(1);
    expect(takesTaps(next.state)).toBe(false);
    expect(next.effects).toEqual([{ type: 'start-timer', timer: 'settle', ms: SETTLE_MS }]);
    expect(transition(next.state, { type: 'review-page', page: 2 }).state).toBe(next.state);
    expect(run(next.state, { type: 'review-page', page: 0 }).state.review?.page).toBe(0);
    expect(run(confirm, { type: 'review-page', page: 7 }).state.review?.page).toBe(0);
  });

  it('confirms only from the last page, with the revision and hash it walked through', () => {
    expect(withoutTimers(run(confirm, { type: 'review-confirm' }).effects)).toEqual([]);
    const sent = run(lastPage, { type: 'review-confirm' });
    expect(withoutTimers(sent.effects)).toEqual([
      { type: 'confirm-form', caseId: 'c1', revision: 5, hash: HASH },
    ]);
    expect(sent.state.review?.sending).toBe(true);
    // No second confirmation while the first is on its way.
    expect(withoutTimers(run(sent.state, { type: 'review-confirm' }).effects)).toEqual([]);
    const ok = run(sent.state, { type: 'confirm-result', ok: true });
    expect(ok.state).toMatchObject({ screen: 'sign', review: { revision: 5, sending: false } });
  });

  it('goes to the signature when the server shows the confirmation before its answer arrives', () => {
    const sent = run(lastPage, { type: 'review-confirm' }).state;
    const confirmed = run(sent, {
      type: 'case-state',
      state: sampleCase(5, { confirmation: { revision: 5, hash: HASH, at: 'now' } }),
    });
    expect(confirmed.state.screen).toBe('sign');
    // Its late answer changes nothing then.
    expect(run(confirmed.state, { type: 'confirm-result', ok: true }).state).toBe(confirmed.state);
  });

  it('a form that moved on ends the walk and says so; a failed send can be tried again', () => {
    const sent = run(lastPage, { type: 'review-confirm' }).state;
    for (const code of ['CONFLICT', 'FORM_HASH_MISMATCH'])
      expect(run(sent, { type: 'confirm-result', ok: false, code }).state).toMatchObject({
        screen: 'call',
        review: null,
        formNotice: 'changed',
      });
    const failed = run(sent, { type: 'confirm-result', ok: false, code: 'SERVER_UNREACHABLE' });
    expect(failed.state).toMatchObject({
      screen: 'confirm',
      formNotice: 'send-failed',
      review: { sending: false },
    });
    expect(withoutTimers(run(failed.state, { type: 'review-confirm' }).effects)).toHaveLength(1);
  });

  it('the agent changing the form during the walk or the signature sends the resident back to the form, told', () => {
    const changed = run(lastPage, {
      type: 'case-state',
      state: sampleCase(6, { lastChanged: 'contactPhone' }),
    });
    expect(changed.state).toMatchObject({ screen: 'call', review: null, formNotice: 'changed', formPage: 1 });
    const signing = run(lastPage, { type: 'review-confirm' }, { type: 'confirm-result', ok: true }).state;
    const voided = run(signing, {
      type: 'case-state',
      state: sampleCase(6, { voided: true, lastChanged: 'visitAddress' }),
    });
    expect(voided.state).toMatchObject({ screen: 'call', formNotice: 'changed' });
    // The call goes on all along.
    expect(voided.state.session?.session.id).toBe('s1');
  });

  it('sends the strokes bound to the revision and hash, and thanks the resident once signed', () => {
    const signing = run(lastPage, { type: 'review-confirm' }, { type: 'confirm-result', ok: true }).state;
    const sent = run(signing, { type: 'sign-submit', strokes: sampleStrokes });
    expect(withoutTimers(sent.effects)).toEqual([
      { type: 'sign-form', caseId: 'c1', revision: 5, hash: HASH, strokes: sampleStrokes },
    ]);
    expect(withoutTimers(run(sent.state, { type: 'sign-submit', strokes: sampleStrokes }).effects)).toEqual(
      [],
    );
    expect(run(sent.state, { type: 'sign-result', ok: true }).state).toMatchObject({
      screen: 'call',
      review: null,
      formNotice: 'signed',
    });
    expect(
      run(sent.state, { type: 'sign-result', ok: false, code: 'FORM_NOT_CONFIRMED' }).state,
    ).toMatchObject({
      screen: 'call',
      formNotice: 'changed',
    });
    expect(run(sent.state, { type: 'sign-result', ok: false, code: 'INTERNAL' }).state).toMatchObject({
      screen: 'sign',
      formNotice: 'send-failed',
      review: { sending: false },
    });
  });

  it('after a reload, a confirmed form without its signature goes straight to the signature', () => {
    const resumed = run(online, {
      type: 'server-state',
      state: { kiosk: opened().session.kiosk, ticket: null, session: opened() },
    }).state;
    const r = run(resumed, {
      type: 'case-state',
      state: sampleCase(5, { confirmation: { revision: 5, hash: HASH, at: 'now' } }),
    });
    expect(r.state).toMatchObject({ screen: 'sign', review: { revision: 5 } });
  });

  it('a reconnect in the same session keeps the walk where it was', () => {
    const back = run(lastPage, {
      type: 'server-state',
      state: { kiosk: opened().session.kiosk, ticket: null, session: opened() },
    });
    expect(back.state).toMatchObject({ screen: 'confirm', review: { page: 2 } });
    // The re-sent case at the same revision changes nothing.
    expect(run(back.state, asked(5)).state.review).toEqual(back.state.review);
  });

  it('the agent ending the call during the walk goes on to the rating', () => {
    const r = run(lastPage, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' });
    expect(r.state).toMatchObject({ screen: 'rating', review: null });
  });
});
