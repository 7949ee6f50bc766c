/** Queue routes: a supervisor's view of one day's tickets. */
import { z } from 'zod';
import { Ticket } from '../domain';
import type { HttpRouteSlice } from './route';

/** Which day's tickets: an Asia/Shanghai calendar day; default today. */
export const ListTicketsQuery = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>;

/** Routes of the queue area. */
export const queueRoutes = {
  /** One day's tickets in the order they were issued, whatever their status. */
  listTickets: {
    method: 'GET',
    path: '/api/admin/tickets',
    roles: ['admin'],
    query: ListTicketsQuery,
    response: z.object({ tickets: z.array(Ticket) }),
  },
} as const satisfies HttpRouteSlice;
