// The enrolment contract: the routes' shapes, the code's alphabet and its typed forms.
import { describe, expect, it } from 'vitest';
import {
  CreateEnrolmentCodeRequest,
  ENROLMENT_CODE_ALPHABET,
  EnrolRequest,
  EnrolResponse,
  enrolmentRoutes,
  formatEnrolmentCode,
  normaliseEnrolmentCode,
} from './enrolment';
import { httpRoutes } from './index';

describe('enrolment contract', () => {
  it('has no look-alike characters in its alphabet', () => {
    for (const c of '01OIL') expect(ENROLMENT_CODE_ALPHABET).not.toContain(c);
    expect(new Set(ENROLMENT_CODE_ALPHABET).size).toBe(ENROLMENT_CODE_ALPHABET.length);
  });

  it('reads a code as typed, and groups it for people', () => {
    expect(normaliseEnrolmentCode('k7qx 93rm-td')).toBe('K7QX93RMTD');
    expect(normaliseEnrolmentCode('K7QX-93RM-TDX')).toBeNull();
    expect(normaliseEnrolmentCode('K7QX-93RM-T1')).toBeNull();
    expect(formatEnrolmentCode('K7QX93RMTD')).toBe('K7QX-93RM-TD');
  });

  it('bounds what a supervisor and a kiosk may send', () => {
    expect(CreateEnrolmentCodeRequest.safeParse({ location: 'L' }).success).toBe(true);
    expect(CreateEnrolmentCodeRequest.safeParse({ location: 'L', ttlHours: 168 }).success).toBe(true);
    expect(CreateEnrolmentCodeRequest.safeParse({ location: 'L', ttlHours: 169 }).success).toBe(false);
    expect(CreateEnrolmentCodeRequest.safeParse({ location: 'L', ttlHours: 0 }).success).toBe(false);
    expect(CreateEnrolmentCodeRequest.safeParse({ location: '' }).success).toBe(false);
    expect(EnrolRequest.safeParse({ code: 'K7QX-93RM-TD', machineName: 'kiosk-07' }).success).toBe(true);
    expect(EnrolRequest.safeParse({ code: '' }).success).toBe(false);
    expect(
      EnrolResponse.safeParse({
        kioskId: 'k1',
        token: 't',
        kiosk: { id: 'k1', name: 'N', location: 'L', centreId: 'main', kind: 'fixed' },
      }).success,
    ).toBe(true);
  });

  it('is part of the one route map: admin and technician routes for codes, a public route to redeem', () => {
    for (const name of Object.keys(enrolmentRoutes)) expect(httpRoutes).toHaveProperty(name);
    expect(httpRoutes.enrol).toMatchObject({ method: 'POST', path: '/api/enrol', roles: ['public'] });
    expect(httpRoutes.revokeEnrolmentCode.roles).toEqual(['admin', 'technician']);
  });
});
