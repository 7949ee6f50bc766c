/**
 * Feature "case link" (issue 9): the resident's side of the session's cases over the host's server
 * socket. The renderer flags a field, confirms and signs a revision and rates the session through
 * the bridge; the server's `case:state` and `session:entitlements` are checked with the protocol's
 * schemas (by the link) and re-sent as bridge events. The host keeps the open session's cases (the
 * highest revision of each) and the ticket's entitlements only while they are current, so that a
 * reloaded screen gets them back after its kiosk:state; they go when the session ends.
 */
import type { caseInvokes, CaseState } from '@rvw/shared';
import type { HostContext, HostFeature } from '../feature';
import { openSession, type ServerLinkPort, type ServerPayload } from './server-link';

/** What the server sent about the benefits of the resident on this kiosk's ticket. */
type Entitlements = ServerPayload<'session:entitlements'>;

/** Answers the case slice of the bridge through `link`, and forwards the server's case events. */
export function caseLinkFeature(ctx: HostContext, link: ServerLinkPort): HostFeature<typeof caseInvokes> {
  const { emit, logger } = ctx;
  // By case id; only the open session's cases. Never logged: they hold the resident's data.
  const cases = new Map<string, CaseState>();
  let entitlements: Entitlements | null = null;
  let closed = false;

  link.on('case:state', (state) => {
    if (closed) return;
    const known = cases.get(state.caseId);
    // The highest revision wins; an equal one may carry news without a form change (an outcome).
    if (known && state.form.revision < known.form.revision) return;
    cases.set(state.caseId, state);
    emit('case:state', state);
  });
  link.on('session:entitlements', (payload) => {
    if (closed) return;
    entitlements = payload;
    emit('session:entitlements', payload);
  });
  link.on('session:ended', ({ sessionId }) => {
    for (const [id, known] of cases) if (known.sessionId === sessionId) cases.delete(id);
    if (entitlements?.sessionId === sessionId) entitlements = null;
  });
  // After each kiosk:state the renderer hears, it gets back what belongs to that state, and the
  // host forgets what no longer does (another session, a ticket that is gone).
  link.onGreeting((state) => {
    if (closed) return;
    const open = openSession(state);
    for (const [id, known] of cases) if (known.sessionId !== open?.id) cases.delete(id);
    const ticketId = open?.ticketId ?? state.ticket?.ticket.id ?? null;
    if (entitlements && entitlements.ticketId !== ticketId) entitlements = null;
    if (entitlements) emit('session:entitlements', entitlements);
    const ordered = [...cases.values()].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    for (const known of ordered) emit('case:state', known);
  });

  return {
    handlers: {
      'form:flag': async (req) => {
        const ack = await link.request('form:flag', req);
        logger.info('case: the resident flagged a field');
        return ack;
      },
      'form:confirm': async (req) => {
        const ack = await link.request('form:confirm', req);
        logger.info(`case: the resident confirmed revision ${req.revision}`);
        return ack;
      },
      'form:sign': async (req) => {
        const ack = await link.request('form:sign', req);
        logger.info(`case: the resident signed revision ${req.revision}`);
        return ack;
      },
      'rating:submit': async (req) => {
        const ack = await link.request('rating:submit', req);
        logger.info(`case: rating sent (${req.rating.rated ? 'rated' : 'not rated'})`);
        return ack;
      },
    },
    async close() {
      closed = true;
      cases.clear();
      entitlements = null;
    },
  };
}
