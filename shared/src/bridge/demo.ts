/** Bridge area "demo": sample cards on the simulated reader, only when the kiosk runs as a demo. */
import { z } from 'zod';
import { CardType } from '../identity';
import { empty } from './empty';
import type { EventSlice, InvokeSlice } from './spec';

/** Invoke channels of the demo area. */
export const demoInvokes = {
  /** Place a sample card of the given type on the simulated reader, or remove it (null). */
  'demo:card': {
    request: z.object({ cardType: CardType.nullable() }).strict(),
    response: empty,
  },
} as const satisfies InvokeSlice;

/** Event channels of the demo area (none). */
export const demoEvents = {} as const satisfies EventSlice;
