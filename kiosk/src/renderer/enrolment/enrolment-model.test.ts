import { describe, expect, it } from 'vitest';
import type { EnrolmentState } from '@rvw/shared';
import { initialEnrolment, reduceEnrolment } from './enrolment-model';
import type { EnrolmentEvent, EnrolmentView } from './enrolment-model';

const where = { name: '静安寺街道 1 号机', location: '愚园路居委会' };
const yes: EnrolmentState = { enrolled: true, serverUrl: 'https://rvw.example.gov.cn', kiosk: where };
const no: EnrolmentState = { enrolled: false, serverUrl: null, kiosk: null };
const run = (view: EnrolmentView, ...events: EnrolmentEvent[]) => events.reduce(reduceEnrolment, view);

describe('the enrolment gate', () => {
  it('a fresh install shows the first-run screen; an enrolled kiosk shows none', () => {
    expect(run(initialEnrolment, { type: 'state', state: no, atStart: true })).toMatchObject({
      screen: 'enrol',
      serverUrl: null,
    });
    expect(run(initialEnrolment, { type: 'state', state: yes, atStart: true }).screen).toBeNull();
  });

  it('redeeming: sending, then where the kiosk stands, then the welcome screen', () => {
    const enrol = run(initialEnrolment, { type: 'state', state: no, atStart: true });
    const sending = run(enrol, { type: 'sending' });
    expect(sending).toMatchObject({ sending: true, error: null });
    const done = run(sending, { type: 'redeemed', state: yes });
    expect(done).toMatchObject({ screen: 'enrolled', kiosk: where, sending: false });
    expect(run(done, { type: 'start' }).screen).toBeNull();
  });

  it('the host announcing the enrolment first (its event before the answer) also shows where it stands', () => {
    const sending = run(initialEnrolment, { type: 'state', state: no, atStart: true }, { type: 'sending' });
    const done = run(
      sending,
      { type: 'state', state: yes, atStart: false },
      { type: 'redeemed', state: yes },
    );
    expect(done).toMatchObject({ screen: 'enrolled', kiosk: where });
  });

  it('each failure in words; changing the code clears it', () => {
    const enrol = run(initialEnrolment, { type: 'state', state: no, atStart: true });
    for (const code of ['ENROLMENT_CODE_INVALID', 'RATE_LIMITED', 'SERVER_UNREACHABLE'] as const)
      expect(run(enrol, { type: 'sending' }, { type: 'failed', code }).error).toBe(code);
    const other = run(enrol, { type: 'sending' }, { type: 'failed', code: 'INTERNAL' });
    expect(other).toMatchObject({ error: 'other', sending: false, screen: 'enrol' });
    expect(run(other, { type: 'edited' }).error).toBeNull();
  });

  it('a refused credential or a lost enrolment while running: "needs enrolling again"', () => {
    const running = run(initialEnrolment, { type: 'state', state: yes, atStart: true });
    expect(run(running, { type: 'refused' }).screen).toBe('re-enrol');
    expect(run(running, { type: 'state', state: no, atStart: false }).screen).toBe('re-enrol');
  });

  it('the technician opens the first-run screen from it and may go back; a refusal does not interrupt typing', () => {
    const calm = run(initialEnrolment, { type: 'refused' });
    const enrol = run(calm, { type: 'open-enrol' });
    expect(enrol).toMatchObject({ screen: 'enrol', fromReEnrol: true });
    expect(run(enrol, { type: 'refused' }).screen).toBe('enrol');
    expect(run(enrol, { type: 'back' }).screen).toBe('re-enrol');
    // A fresh install has nowhere to go back to.
    const first = run(initialEnrolment, { type: 'state', state: no, atStart: true });
    expect(run(first, { type: 'back' }).screen).toBe('enrol');
  });

  it('enrolled again behind the calm screen (kiosk-doctor), or connected again: the kiosk goes on', () => {
    const calm = run(initialEnrolment, { type: 'refused' });
    expect(run(calm, { type: 'state', state: yes, atStart: false }).screen).toBeNull();
    expect(run(calm, { type: 'connected' }).screen).toBeNull();
    // A connection alone does not close the first-run screen a technician is typing on.
    const enrol = run(initialEnrolment, { type: 'state', state: no, atStart: true });
    expect(run(enrol, { type: 'connected' }).screen).toBe('enrol');
  });
});
