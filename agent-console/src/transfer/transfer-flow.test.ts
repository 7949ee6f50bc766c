/**
 * Two consoles and a kiosk on the real server (only the WebRTC peers are fakes): a consulted
 * transfer from the invitation to the hand-over, and a blind one; the second agent's console opens
 * the call as for an accept and has the case the first agent opened.
 */
import { describe, expect, test, vi } from 'vitest';
import type { SignalData } from '@rvw/shared';
import { createTestAgent } from '@rvw/signaling-server/testing';
import { untilStore } from '../lib/until-store';
import type { ConsoleApp } from '../app/console-app';
import { savedLogin, until, useConsoleTestServer } from '../app/test-rig';
import type { TransferSnapshot } from './transfer-store';

const server = useConsoleTestServer();

/** A signed-in, connected, available console. */
async function consoleOf(name: string) {
  const account = await createTestAgent(server.server, { displayName: name });
  const made = server.newApp(savedLogin(account).storage);
  made.app.start();
  await until(made.app, (s) => s.work.connection === 'connected');
  await made.app.routing.status.choose('available');
  return { ...made, id: account.agent.id };
}

const transfersUntil = (app: ConsoleApp, check: (s: TransferSnapshot) => boolean) =>
  untilStore(app.transfers.subscribe, app.transfers.getSnapshot, check, 'the transfers', 5000);

/** The kiosk with a ticket that `first` accepted, and the case `first` opened. */
async function inCall(first: Awaited<ReturnType<typeof consoleOf>>) {
  const { kiosk, ticket } = await server.kioskWithTicket();
  const entry = (
    await until(first.app, (s) => s.work.queue.some((e) => e.ticketId === ticket.id))
  ).work.queue.find((e) => e.ticketId === ticket.id)!;
  await first.app.accept(entry);
  const sessionId = (await until(first.app, (s) => s.work.call !== null)).work.call!.opened.session.id;
  const opened = await first.app.cases.open(sessionId, 'ltci-assessment');
  expect(opened.ok).toBe(true);
  const caseId = first.app.cases.getSnapshot().cases.find((c) => c.state.sessionId === sessionId)!.state
    .caseId;
  return { kiosk, ticket, sessionId, caseId };
}

describe('transfers between two consoles', () => {
  test('consulted: invitation, hand-over call between the two consoles, then the second has the call and the case', async () => {
    const first = await consoleOf('李敏');
    const second = await consoleOf('王芳');
    const { kiosk, sessionId, caseId } = await inCall(first);

    await first.app.transfers.start({
      sessionId,
      mode: 'consulted',
      target: { kind: 'agent', agentId: second.id },
    });
    await transfersUntil(second.app, (s) => s.incoming?.phase === 'inviting');
    await second.app.transfers.answer(true);
    await transfersUntil(first.app, (s) => s.outgoing?.phase === 'consulting' && s.consult !== null);
    await transfersUntil(second.app, (s) => s.consult !== null);

    // Each console runs one hand-over peer: the first offers, the second answers, through the server.
    const firstConsult = await vi.waitFor(() => {
      const p = first.peers.find((x) => x.options.initiator && x !== first.peers[0]);
      expect(p?.started).toBe(true);
      return p!;
    });
    const secondConsult = await vi.waitFor(() => {
      const p = second.peers[0];
      expect(p?.started).toBe(true);
      return p!;
    });
    expect(secondConsult.options.initiator).toBe(false);
    const offer: SignalData = { type: 'offer', sdp: 'v=0 hand-over' };
    firstConsult.emitSignal(offer);
    await expect.poll(() => secondConsult.received).toEqual([offer]);
    const answer: SignalData = { type: 'answer', sdp: 'v=0 hand-over answer' };
    secondConsult.emitSignal(answer);
    await expect.poll(() => firstConsult.received).toEqual([answer]);
    // The resident's call with the first agent goes on meanwhile.
    expect(first.app.getSnapshot().work.call?.opened.session.id).toBe(sessionId);

    await first.app.transfers.complete();
    const left = await until(first.app, (s) => s.work.call === null);
    expect(left.work.notices).toEqual([expect.objectContaining({ kind: 'handed-over' })]);
    const took = await until(second.app, (s) => s.work.call?.opened.session.id === sessionId);
    expect(took.work.call!.opened.initiator).toBe(true);
    // The case the first agent opened is in the second console's workspace.
    await untilStore(
      second.app.cases.subscribe,
      second.app.cases.getSnapshot,
      (c) => c.cases.some((x) => x.state.caseId === caseId && x.state.status === 'open'),
      'the case',
      5000,
    );
    await expect.poll(() => firstConsult.ended && secondConsult.ended).toBe(true);
    expect(first.app.transfers.getSnapshot()).toMatchObject({
      outgoing: { phase: 'completed' },
      consult: null,
    });
    // The second console's kiosk call starts as the initiator; its signals reach the kiosk.
    const kioskPeer = await vi.waitFor(() => {
      const p = second.peers.find((x) => x !== secondConsult);
      expect(p?.started).toBe(true);
      return p!;
    });
    kioskPeer.emitSignal({ type: 'offer', sdp: 'v=0 to the kiosk' });
    await kiosk.waitFor('signal', (p) => p.sessionId === sessionId && p.data.type === 'offer');
    await kiosk.waitFor('session:transfer', (p) => p.phase === 'connected');
  });

  test('blind to an agent: the first console leaves the call at once, the second takes it from the queue with the case', async () => {
    const first = await consoleOf('赵强');
    const second = await consoleOf('陈静');
    const { ticket, sessionId, caseId } = await inCall(first);
    await first.app.transfers.start({
      sessionId,
      mode: 'blind',
      target: { kind: 'agent', agentId: second.id },
      note: '请接手',
    });
    await until(first.app, (s) => s.work.call === null);
    const incoming = await transfersUntil(second.app, (s) => s.incoming?.phase === 'queued');
    expect(incoming.incoming).toMatchObject({ note: '请接手', from: { displayName: '赵强' } });
    const entry = (
      await until(second.app, (s) => s.work.queue.some((e) => e.ticketId === ticket.id))
    ).work.queue.find((e) => e.ticketId === ticket.id)!;
    await second.app.accept(entry);
    await until(second.app, (s) => s.work.call?.opened.session.id === sessionId);
    await untilStore(
      second.app.cases.subscribe,
      second.app.cases.getSnapshot,
      (c) => c.cases.some((x) => x.state.caseId === caseId),
      'the case',
      5000,
    );
    await transfersUntil(first.app, (s) => s.outgoing?.phase === 'completed');
  });
});
