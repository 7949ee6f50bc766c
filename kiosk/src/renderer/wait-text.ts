/**
 * The waiting screen's honest lines (issue 11 #5): the place in the queue, and the wait estimate —
 * minutes when there is a basis, "connecting you now" when an agent is free, and a plain sentence
 * saying why there is no number when there is none (nobody online who can serve the need, or too
 * few sessions handled to base it on). Shown and spoken alike; never a countdown.
 */
import type { Locale, TicketPosition } from '@rvw/shared';
import type { FlowState } from './flow/machine';
import { t } from './i18n';

/** The position line of the waiting screen: "next is you" or "N ahead". */
export function positionText(flow: Pick<FlowState, 'ticket'>, locale: Locale): string {
  const ahead = Math.max(0, (flow.ticket?.position ?? 1) - 1);
  return ahead === 0 ? t(locale, 'waiting.next') : t(locale, 'waiting.ahead', { n: ahead });
}

/** The estimate line: "about 6 more minutes", "connecting you now", or why it cannot be said. */
export function estimateText(ticket: TicketPosition, locale: Locale): string {
  const { estimate } = ticket;
  switch (estimate.kind) {
    case 'next':
      return t(locale, 'waiting.connecting');
    case 'minutes':
      return estimate.minutes === 1
        ? t(locale, 'waiting.estimateOne')
        : t(locale, 'waiting.estimate', { minutes: estimate.minutes });
    case 'none':
      if (estimate.reason === 'no-history') return t(locale, 'waiting.noHistory');
      // "I don't know" goes to any agent: then nobody at all is online.
      return t(locale, ticket.ticket.need === 'unsure' ? 'waiting.noAgentAny' : 'waiting.noAgent');
  }
}

/** True when the estimate is the honest "cannot say" (shown on a line of its own). */
export function noEstimate(ticket: TicketPosition): boolean {
  return ticket.estimate.kind === 'none';
}

/** The waiting lines in order: the place, then the estimate (or why there is none). */
export function waitingParts(flow: Pick<FlowState, 'ticket'>, locale: Locale): string[] {
  if (!flow.ticket) return [];
  return [positionText(flow, locale), estimateText(flow.ticket, locale)];
}
