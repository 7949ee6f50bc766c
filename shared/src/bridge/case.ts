/**
 * Bridge area "case" (issue 9): what the resident does with the form the agent fills (flag a field,
 * confirm a revision, sign it) and the rating after the call; the live case state and the benefits
 * the resident gets without applying (免申即享), re-sent by the host from its server socket. As in
 * server.ts, requests and answers reuse the socket protocol's own schemas, so the two cannot drift.
 */
import { clientEvents, serverEvents } from '../protocol';
import type { EventSlice, InvokeSlice } from './spec';

/** Invoke channels of the case area: each is the protocol's event of the same name. */
export const caseInvokes = {
  /** The resident taps "这一项不对" on a field (the protocol's `form:flag`). */
  'form:flag': { request: clientEvents['form:flag'].payload, response: clientEvents['form:flag'].ack },
  /** The resident confirms the revision they walked through, with the text shown (`form:confirm`). */
  'form:confirm': {
    request: clientEvents['form:confirm'].payload,
    response: clientEvents['form:confirm'].ack,
  },
  /** The resident signs the confirmed revision: the strokes and the canvas size (`form:sign`). */
  'form:sign': { request: clientEvents['form:sign'].payload, response: clientEvents['form:sign'].ack },
  /** The rating after the call, or `rated: false` when the screen was left alone (`rating:submit`). */
  'rating:submit': {
    request: clientEvents['rating:submit'].payload,
    response: clientEvents['rating:submit'].ack,
  },
} as const satisfies InvokeSlice;

/** Event channels of the case area: the server's case events, checked by the host first. */
export const caseBridgeEvents = {
  /** A case of the session changed (or was re-sent on a resync): keep the highest `form.revision`. */
  'case:state': serverEvents['case:state'],
  /** What the resident gets without applying, decided from the identity they shared. */
  'session:entitlements': serverEvents['session:entitlements'],
} as const satisfies EventSlice;
