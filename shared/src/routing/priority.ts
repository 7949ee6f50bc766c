/** Why a ticket is ahead: the tags an agent sees beside it (issue 11 #3). */
import { z } from 'zod';

/**
 * - `age80`: the resident is 80 or over (from the consented card);
 * - `disability`: the resident said so on the kiosk (never required);
 * - `appointment`: an appointment due now;
 * - `transfer`: handed back by an agent's blind transfer (front of the queue);
 * - `requeued`: put back after a lost call;
 * - `returning`: the resident hung up and came back within 5 minutes;
 * - `overdue`: waited past the centre's maximum: ahead of every priority;
 * - `overflow`: served here because its own centre could not.
 */
export const PriorityTag = z.enum([
  'age80',
  'disability',
  'appointment',
  'transfer',
  'requeued',
  'returning',
  'overdue',
  'overflow',
]);
export type PriorityTag = z.infer<typeof PriorityTag>;

/** The small tags' words (80+, 助残, 预约 …). */
export const PRIORITY_TAG_TEXT: Record<PriorityTag, { zh: string; en: string }> = {
  age80: { zh: '80+', en: '80+' },
  disability: { zh: '助残', en: 'Disability' },
  appointment: { zh: '预约', en: 'Appointment' },
  transfer: { zh: '转接', en: 'Transfer' },
  requeued: { zh: '断线重排', en: 'Call lost' },
  returning: { zh: '回访', en: 'Returning' },
  overdue: { zh: '超时', en: 'Overdue' },
  overflow: { zh: '外溢', en: 'Overflow' },
};
