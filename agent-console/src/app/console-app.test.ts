/**
 * The console's controller against the real server (port 0, real SQLite, real socket.io): sign-in,
 * the queue, the call's signals through the server, and the reconnect and sign-out decisions.
 * Only the WebRTC peer is a fake, since there is no browser here.
 */
import { describe, expect, test } from 'vitest';
import type { SignalData } from '@rvw/shared';
import { createTestAgent, okData } from '@rvw/signaling-server/testing';
import { consoleApi } from '../lib/api';
import { AUTH_STORAGE_KEY } from '../auth/auth-store';
import { savedLogin, until, useConsoleTestServer } from './test-rig';

const server = useConsoleTestServer();

const signedInStorage = async (role: 'agent' | 'admin' = 'agent') =>
  savedLogin(await createTestAgent(server.server, { role }));

describe('ConsoleApp', () => {
  test('resumes a saved login, connects and shows the waiting ticket', async () => {
    const { storage, auth } = await signedInStorage();
    const { app } = server.newApp(storage);
    app.start();
    expect(app.getSnapshot().auth?.token).toBe(auth.token);
    const { ticket } = await server.kioskWithTicket();
    const s = await until(app, (s) => s.work.queue.some((e) => e.ticketId === ticket.id));
    expect(s.work.connection).toBe('connected');
  });

  test('starts at the login screen without a saved login, and signs in', async () => {
    const { storage, auth } = await signedInStorage();
    storage.removeItem(AUTH_STORAGE_KEY);
    const { app } = server.newApp(storage);
    app.start();
    expect(app.getSnapshot()).toMatchObject({ auth: null, signedOutCode: null });
    app.signIn(auth);
    await until(app, (s) => s.work.connection === 'connected');
    expect(storage.getItem(AUTH_STORAGE_KEY)).toContain(auth.token);
  });

  test('accepts, relays the call signals both ways through the server, and ends the call', async () => {
    const { storage } = await signedInStorage();
    const { app, peers } = server.newApp(storage);
    app.start();
    const { kiosk, ticket } = await server.kioskWithTicket();
    const entry = (
      await until(app, (s) => s.work.queue.some((e) => e.ticketId === ticket.id))
    ).work.queue.find((e) => e.ticketId === ticket.id)!;
    await app.accept(entry);
    const inCall = await until(app, (s) => s.call !== null && peers[0]?.started === true);
    const sessionId = inCall.work.call!.opened.session.id;
    expect(inCall.call?.state).toBe('connecting');

    const offer: SignalData = { type: 'offer', sdp: 'v=0 from the agent' };
    peers[0]!.options.onSignal(offer);
    expect(await kiosk.waitFor('signal', (p) => p.sessionId === sessionId)).toEqual({
      sessionId,
      data: offer,
    });
    const answer: SignalData = { type: 'answer', sdp: 'v=0 from the kiosk' };
    okData(await kiosk.request('signal', { sessionId, data: answer }));
    await expect.poll(() => peers[0]!.received).toEqual([answer]);

    // The peer drops: the controller rebuilds it (2 s by the default peer policy).
    peers[0]!.options.onClosed?.(new Error('ICE failed'));
    expect(app.getSnapshot().call?.state).toBe('reconnecting');
    await expect.poll(() => peers.length, { timeout: 5000 }).toBe(2);

    await app.endCall();
    const after = app.getSnapshot();
    expect(after.work.call).toBeNull();
    expect(after.call).toBeNull();
    expect(peers.every((p) => p.ended)).toBe(true);
    expect(after.work.notices).toEqual([expect.objectContaining({ kind: 'call-ended', endedBy: 'agent' })]);
    await kiosk.waitFor('session:ended', (p) => p.sessionId === sessionId);
  });

  test('reconnects by its policy after the server restarts', async () => {
    const { storage } = await signedInStorage();
    const { app } = server.newApp(storage);
    app.start();
    await until(app, (s) => s.work.connection === 'connected');
    const port = Number(new URL(server.url).port);
    const restarted = server.restart({ port });
    await until(app, (s) => s.work.connection === 'reconnecting');
    await restarted;
    await until(app, (s) => s.work.connection === 'connected', 10_000);
    expect(app.getSnapshot().auth).not.toBeNull();
  });

  test('a login revoked elsewhere signs the agent out, saying why', async () => {
    const { storage, auth } = await signedInStorage();
    const { app } = server.newApp(storage);
    app.start();
    await until(app, (s) => s.work.connection === 'connected');
    // Another tab signs out: the server drops this socket, and the retried handshake is refused.
    await consoleApi({ token: auth.token, baseUrl: server.url }).logout({ body: {} });
    const out = await until(app, (s) => s.auth === null);
    expect(out.signedOutCode).toBe('AUTH_INVALID');
    expect(storage.getItem(AUTH_STORAGE_KEY)).toBeNull();
  });

  test('a lost login reported by a screen signs out; other failures only return their code', async () => {
    const { storage } = await signedInStorage();
    const { app } = server.newApp(storage);
    app.start();
    expect(app.failed('TICKET_TAKEN')).toBe('TICKET_TAKEN');
    expect(app.getSnapshot().auth).not.toBeNull();
    expect(app.failed(new Error('boom'))).toBe('INTERNAL');
    expect(app.failed('AUTH_MISSING')).toBe('AUTH_MISSING');
    expect(app.getSnapshot()).toMatchObject({ auth: null, signedOutCode: 'AUTH_MISSING' });
  });

  test('signing out ends the open call on the server and revokes the token', async () => {
    const { storage, auth } = await signedInStorage();
    const { app } = server.newApp(storage);
    app.start();
    const { kiosk, ticket } = await server.kioskWithTicket();
    const s = await until(app, (s) => s.work.queue.some((e) => e.ticketId === ticket.id));
    await app.accept(s.work.queue.find((e) => e.ticketId === ticket.id)!);
    await until(app, (s) => s.work.call !== null);
    await app.signOut();
    expect(app.getSnapshot()).toMatchObject({ auth: null, signedOutCode: null, call: null });
    await kiosk.waitFor('session:ended');
    const me = consoleApi({ token: auth.token, baseUrl: server.url }).me();
    await expect(me).rejects.toMatchObject({ code: 'AUTH_INVALID' });
  });

  test('takes the next one the server offers, with why it carries no identity; says so when none is left', async () => {
    const { storage } = await signedInStorage();
    const { app } = server.newApp(storage);
    app.start();
    const { ticket } = await server.kioskWithTicket({}, { identity: 'declined' });
    await until(app, (s) => s.work.queue.some((e) => e.ticketId === ticket.id && e.kioskOnline));
    await app.acceptNext();
    const inCall = await until(app, (s) => s.work.call !== null);
    expect(inCall.work.call).toMatchObject({
      opened: { session: { ticketId: ticket.id } },
      identity: null,
      identityIntent: 'declined',
    });

    // A second agent finds nothing left to take: a notice with the reason, no ticket number.
    const other = server.newApp((await signedInStorage()).storage).app;
    other.start();
    await until(other, (s) => s.work.connection === 'connected');
    await other.acceptNext();
    const s = await until(other, (s) => s.work.notices.length > 0);
    expect(s.work.notices[0]).toMatchObject({
      kind: 'accept-failed',
      ticketNumber: null,
      code: 'QUEUE_EMPTY',
    });
    expect(s.work.accepting).toBeNull();
  });
});
