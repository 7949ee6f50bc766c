import { describe, expect, it } from 'vitest';
import type { KioskTransferNotice, SessionOpened } from '@rvw/shared';
import { sampleCase } from '../../case/test-cases';
import { inCall } from '../machine';
import type { FlowEvent } from '../machine';
import { kiosk, needAsked, online, opened, position, run, withoutTimers } from '../test-fixtures';

const notice = (phase: KioskTransferNotice['phase'], sessionId = 's1'): FlowEvent => ({
  type: 'session-transfer',
  notice: { sessionId, phase },
});

/** The same session s1, opened again with another agent (initiator false, as always for the kiosk). */
function reopened(agentId = 'a2', displayName = '陈静'): SessionOpened {
  const first = opened();
  return { ...first, session: { ...first.session, agent: { id: agentId, displayName } } };
}

const call = run(
  online,
  { type: 'call-without-card' },
  ...needAsked,
  { type: 'ticket-issued', position: position() },
  { type: 'session-opened', opened: opened() },
  { type: 'case-state', state: sampleCase(3, { lastChanged: 'contactPhone' }) },
).state;

describe('the transfer phase (issue 11 #6)', () => {
  it('transferring: a calm screen, no call running, the case and the form page kept as they were', () => {
    expect(call.cases).toHaveLength(1);
    const r = run(call, notice('transferring'));
    expect(r.state.screen).toBe('transferring');
    // The controller runs a call only on a screen of the call: the first agent's peer closes.
    expect(inCall(r.state.screen)).toBe(false);
    expect(r.state.cases).toEqual(call.cases);
    expect(r.state).toMatchObject({ caseFocus: 'c1', formPage: call.formPage, session: call.session });
    expect(withoutTimers(r.effects)).toEqual([]);
  });

  it('the same session opened with another agent returns to the call with the case, the new agent named', () => {
    const transferring = run(call, notice('transferring')).state;
    const back = run(transferring, { type: 'session-opened', opened: reopened() });
    expect(back.state.screen).toBe('call');
    expect(back.state.session?.session).toMatchObject({ id: 's1', agent: { id: 'a2', displayName: '陈静' } });
    expect(back.state.cases).toEqual(call.cases);
    expect(back.state.ticket).toEqual(call.ticket);
    // Connected only confirms.
    expect(run(back.state, notice('connected')).state).toEqual(back.state);
  });

  it('a case change by the new agent during the hand-over is kept, and shown once the call is back', () => {
    const transferring = run(call, notice('transferring')).state;
    const changed = run(transferring, {
      type: 'case-state',
      state: sampleCase(4, { lastChanged: 'visitAddress' }),
    }).state;
    expect(changed.screen).toBe('transferring');
    expect(changed.cases[0]!.form.revision).toBe(4);
    const back = run(changed, { type: 'session-opened', opened: reopened() }).state;
    expect(back.cases[0]!.form.revision).toBe(4);
  });

  it('cancelled: back to the call with the first agent; connected without a new opening also returns', () => {
    const transferring = run(call, notice('transferring')).state;
    const kept = run(transferring, notice('cancelled'));
    expect(kept.state).toMatchObject({ screen: 'call', session: call.session, cases: call.cases });
    expect(run(transferring, notice('connected')).state.screen).toBe('call');
  });

  it("another session's notice, or one outside a call, changes nothing", () => {
    expect(run(call, notice('transferring', 's9')).state).toEqual(call);
    const waiting = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'ticket-issued',
      position: position(),
    }).state;
    expect(run(waiting, notice('transferring')).state.screen).toBe('waiting');
  });

  it('the same session opened with another agent during the call itself: the call goes on with the new agent', () => {
    const r = run(call, { type: 'session-opened', opened: reopened() });
    expect(r.state.screen).toBe('call');
    expect(r.state.session?.session.agent.id).toBe('a2');
    expect(r.state.cases).toEqual(call.cases);
  });

  it('the session ends during the hand-over: rated as any call, or back in line when the system ended it', () => {
    const transferring = run(call, notice('transferring')).state;
    expect(run(transferring, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' }).state.screen).toBe(
      'rating',
    );
    const dropped = run(transferring, { type: 'session-ended', sessionId: 's1', endedBy: 'system' }).state;
    expect(dropped).toMatchObject({ screen: 'waiting', session: null, endedBy: 'system' });
  });

  it('a reconnect during the hand-over stays on it; once the session has another agent it returns to the call', () => {
    const transferring = run(call, notice('transferring')).state;
    const base = { kiosk, ticket: position('serving', 0) };
    const same = run(transferring, { type: 'server-state', state: { ...base, session: opened() } }).state;
    expect(same).toMatchObject({ screen: 'transferring', cases: call.cases });
    const moved = run(transferring, { type: 'server-state', state: { ...base, session: reopened() } }).state;
    expect(moved).toMatchObject({ screen: 'call', cases: call.cases });
    expect(moved.session?.session.agent.id).toBe('a2');
  });
});
