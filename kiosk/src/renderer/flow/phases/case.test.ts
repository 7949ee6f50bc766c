import { describe, expect, it } from 'vitest';
import { sampleCase, seniorAllowance } from '../../case/test-cases';
import { online, opened, position, run, withoutTimers, needAsked } from '../test-fixtures';

const waiting = run(online, { type: 'call-without-card' }, ...needAsked, {
  type: 'ticket-issued',
  position: position(),
}).state;
const call = run(waiting, { type: 'session-opened', opened: opened() }).state;
const at = (revision: number, form = {}, caseId = 'c1') => ({
  type: 'case-state' as const,
  state: sampleCase(revision, form, caseId),
});

describe('the case phase: the form beside the call', () => {
  it("keeps the session's cases, the highest revision of each; an older state arriving late changes nothing", () => {
    const r = run(call, at(3), at(2));
    expect(r.state.cases.map((c) => c.form.revision)).toEqual([3]);
    // The same revision again may carry news without a change of the form (an outcome, a flag).
    const closed = run(r.state, { type: 'case-state', state: { ...sampleCase(3), status: 'closed' } });
    expect(closed.state.cases[0]!.status).toBe('closed');
    expect(withoutTimers(r.effects)).toEqual([]);
  });

  it("ignores another session's cases, and cases before the call", () => {
    const other = { type: 'case-state' as const, state: { ...sampleCase(1), sessionId: 's9' } };
    expect(run(call, other).state.cases).toEqual([]);
    expect(run(waiting, at(1)).state.cases).toEqual([]);
  });

  it('shows the case the agent changed last, on the page of the field just changed', () => {
    const first = run(call, at(1, { lastChanged: 'visitAddress' }));
    expect(first.state).toMatchObject({ caseFocus: 'c1', formPage: 1 });
    const later = run(first.state, at(2, { lastChanged: 'children' }));
    expect(later.state.formPage).toBe(2);
    // A second matter: its form comes to the front.
    const second = run(later.state, at(1, { lastChanged: 'insuredName' }, 'c2'));
    expect(second.state).toMatchObject({ caseFocus: 'c2', formPage: 0 });
    expect(second.state.cases.map((c) => c.caseId)).toEqual(['c1', 'c2']);
  });

  it('lets the resident page through the form, and keeps the page while nothing changes', () => {
    const shown = run(call, at(1, { lastChanged: 'insuredName' })).state;
    const next = run(shown, { type: 'form-page', page: 2 });
    expect(next.state.formPage).toBe(2);
    expect(run(next.state, { type: 'form-page', page: 9 }).state.formPage).toBe(2);
    // A flag arriving at the same revision does not move the resident's page.
    const flagged = run(next.state, at(1, { lastChanged: 'insuredName', flags: [] }));
    expect(flagged.state.formPage).toBe(2);
  });

  it('"这一项不对" tells the agent once, shows at once, and is cleared when refused', () => {
    const shown = run(call, at(4)).state;
    const r = run(shown, { type: 'flag-field', caseId: 'c1', field: 'contactPhone' });
    expect(withoutTimers(r.effects)).toEqual([
      { type: 'flag-field', caseId: 'c1', field: 'contactPhone', revision: 4 },
    ]);
    expect(r.state.flagsSent).toEqual([{ caseId: 'c1', field: 'contactPhone', revision: 4 }]);
    // A second tap (or a double tap) sends nothing more.
    expect(
      withoutTimers(run(r.state, { type: 'flag-field', caseId: 'c1', field: 'contactPhone' }).effects),
    ).toEqual([]);
    const refused = run(r.state, { type: 'flag-result', caseId: 'c1', field: 'contactPhone', ok: false });
    expect(refused.state.flagsSent).toEqual([]);
    // The server's state takes over once it shows the flag, and a change of the field ends it.
    const shownByServer = run(
      r.state,
      at(4, { flags: [{ field: 'contactPhone', revision: 4, at: '2026-12-07T01:05:00Z' }] }),
    );
    expect(shownByServer.state.flagsSent).toEqual([]);
    const fixed = run(r.state, at(5, { lastChanged: 'contactPhone' }));
    expect(fixed.state.flagsSent).toEqual([]);
  });

  it('offers no flag on a closed case or an unknown field', () => {
    const closed = run(call, { type: 'case-state', state: { ...sampleCase(2), status: 'closed' } }).state;
    expect(run(closed, { type: 'flag-field', caseId: 'c1', field: 'contactPhone' }).effects).toEqual([]);
    const open = run(call, at(2)).state;
    expect(run(open, { type: 'flag-field', caseId: 'c1', field: 'nope' }).effects).toEqual([]);
  });

  it("keeps what the resident gets without applying, for this visit's ticket only", () => {
    const other = run(waiting, { type: 'entitlements', ticketId: 't9', entitlements: [seniorAllowance] });
    expect(other.state.entitlements).toEqual([]);
    const mine = run(waiting, { type: 'entitlements', ticketId: 't1', entitlements: [seniorAllowance] });
    expect(mine.state).toMatchObject({ screen: 'waiting', entitlements: [seniorAllowance] });
    // Never in the way: the call opens as before, and the next visit starts without them.
    const inCall = run(mine.state, { type: 'session-opened', opened: opened() });
    expect(inCall.state).toMatchObject({ screen: 'call', entitlements: [seniorAllowance] });
    expect(run(mine.state, { type: 'cancel-ticket' }).state.entitlements).toEqual([]);
  });

  it("a new session on screen starts without the previous session's forms", () => {
    const shown = run(call, at(2)).state;
    const again = run(shown, { type: 'session-opened', opened: opened('s2') });
    expect(again.state).toMatchObject({ cases: [], caseFocus: null, review: null });
  });

  it('a change after signing says the signature is void, and no longer that it is signed', () => {
    const signed = { ...run(call, at(4)).state, formNotice: 'signed' as const };
    // The same revision again (an outcome, a flag) keeps the notice.
    expect(run(signed, at(4)).state.formNotice).toBe('signed');
    const voided = run(signed, at(5, { voided: true, lastChanged: 'contactPhone' }));
    expect(voided.state.formNotice).toBeNull();
    expect(voided.state.cases[0]!.form.voided).toBe(true);
  });
});
