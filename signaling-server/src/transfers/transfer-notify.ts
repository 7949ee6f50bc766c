/**
 * What the members of a transfer are told: both agents the transfer's state, the kiosk its notice,
 * and an agent who takes a session in the middle its cases and the resident's entitlements, as a
 * reconnecting member gets them, so the case workspace opens where the first agent left it.
 */
import type { KioskTransferNotice, Transfer, TransferState } from '@rvw/shared';
import { CaseVault } from '../cases/case-record';
import { casesOfSession } from '../cases/case-store';
import { toCaseState } from '../cases/case-view';
import { entitlementsFor, factsOfTicket } from '../cases/entitlements';
import type { RoutingDeps } from '../routing/routing-deps';
import { memberRoom } from '../socket/types';

/** A transfer as its agents get it: with the ICE servers of the hand-over call (config's, as every session's). */
export function stateOf(deps: Pick<RoutingDeps, 'sessions'>, t: Transfer): TransferState {
  return {
    ...t,
    iceServers: deps.sessions.iceServersFor(t.sessionId),
    iceTransportPolicy: deps.sessions.iceTransportPolicy,
  };
}

/** Tells the agents of a transfer (the first, the target, and whoever took it) its state. */
export function tellAgents(deps: Pick<RoutingDeps, 'io'>, t: TransferState): void {
  const ids = new Set([t.from.agentId]);
  if (t.target.kind === 'agent') ids.add(t.target.agentId);
  if (t.to) ids.add(t.to.agentId);
  deps.io.to([...ids].map((id) => memberRoom('agent', id))).emit('transfer:state', t);
}

/** Tells the kiosk of a session where its transfer is. */
export function tellKiosk(
  deps: Pick<RoutingDeps, 'io'>,
  kioskId: string,
  sessionId: string,
  phase: KioskTransferNotice['phase'],
): void {
  deps.io.to(memberRoom('kiosk', kioskId)).emit('session:transfer', { sessionId, phase });
}

/** An agent took a session mid-way: every case of it, and the resident's entitlements, to that agent. */
export async function briefNewAgent(
  deps: Pick<RoutingDeps, 'io' | 'db' | 'cipher' | 'catalogue' | 'clock'>,
  sessionId: string,
  ticketId: string,
  agentId: string,
): Promise<void> {
  const room = deps.io.to(memberRoom('agent', agentId));
  for (const rec of await casesOfSession(deps.db, new CaseVault(deps.cipher), sessionId))
    room.emit('case:state', toCaseState(rec));
  const facts = await factsOfTicket(deps.db, ticketId, deps.clock());
  if (facts)
    room.emit('session:entitlements', {
      sessionId,
      ticketId,
      entitlements: entitlementsFor(deps.catalogue.list(), facts),
    });
}
