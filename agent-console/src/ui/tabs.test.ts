/** Which tabs each role sees (issue 12: a technician sees the fleet alone). */
import { describe, expect, it } from 'vitest';
import { tabsOf } from './Header';

describe('tabsOf', () => {
  it('gives an agent the queue and appointments, an admin everything, a technician only the fleet', () => {
    expect(tabsOf('agent')).toEqual(['queue', 'appointments']);
    expect(tabsOf('admin')).toEqual(['queue', 'appointments', 'admin', 'live', 'fleet']);
    expect(tabsOf('technician')).toEqual(['fleet']);
  });
});
