/**
 * The console's case work against the real server (port 0, real SQLite, real sockets, the real
 * catalogue): accept, the 免申即享 note, open a case prefilled from the card, edits that reach the
 * kiosk, a flag, a conflict with another tab, confirmation and signature, a voiding change, the
 * outcome refusals and 办结, End call refused while a case is open, and a second matter.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { io } from 'socket.io-client';
import { idCheckDigit, type CaseState, type LoginResponse, type ResidentIdentity } from '@rvw/shared';
import { CallController, DelayTablePolicy, FakePeer, noLocalMedia } from '@rvw/shared/call';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  shareIdentityOverHttp,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { AUTH_STORAGE_KEY } from '../auth/auth-store';
import { MemoryStorage } from '../auth/memory-storage';
import { ConsoleApp, type ConsoleSnapshot } from '../app/console-app';
import type { ConsoleSocket } from '../app/console-socket';
import { asConsoleError, consoleApi } from '../lib/api';
import { untilStore } from '../lib/until-store';
import { CaseStore } from './case-store';
import { socketCaseTransport } from './socket-transport';

const first17 = '31010419480315802';
const RESIDENT: ResidentIdentity = {
  cardType: 'resident',
  name: '王秀英',
  gender: 'female',
  birthDate: '1948-03-15',
  idNumber: first17 + idCheckDigit(first17)!,
  idNumberValid: true,
  nation: '汉',
  address: '上海市徐汇区漕溪北路八百八十八弄七号',
  issuer: '上海市公安局徐汇分局',
  validFrom: '2015-06-01',
  validTo: 'long-term',
};
const STROKES = {
  canvas: { width: 600, height: 200 },
  strokes: [
    {
      points: [
        { x: 10, y: 10, time: 1 },
        { x: 50, y: 60, time: 2 },
      ],
    },
  ],
};

let server: TestServer;
const apps: ConsoleApp[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const app of apps.splice(0)) app.stop();
  for (const c of clients.splice(0)) c.close();
});
afterAll(async () => {
  await server?.close();
});

const listOver = (token: string, sessionId: string) =>
  asConsoleError(consoleApi({ token, baseUrl: server.url }).listCases({ query: { sessionId } })).then(
    (r) => r.cases,
  );

function newApp(auth: LoginResponse): ConsoleApp {
  const storage = new MemoryStorage();
  storage.setItem(AUTH_STORAGE_KEY, JSON.stringify(auth));
  const app = new ConsoleApp({
    storage,
    connect: (token) =>
      io(server.url, {
        auth: { kind: 'agent', token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      }) as ConsoleSocket,
    api: {
      fetchMe: async (token) => (await asConsoleError(consoleApi({ token, baseUrl: server.url }).me())).agent,
      logout: async () => undefined,
    },
    socketPolicy: new DelayTablePolicy({ delaysMs: [0, 100], jitterMs: 0 }),
    createCall: (options) =>
      new CallController({ ...options, openMedia: noLocalMedia, createPeer: (o) => new FakePeer(o) }),
    caseTransport: (line) => socketCaseTransport(line, listOver),
  });
  apps.push(app);
  return app;
}

const appUntil = (app: ConsoleApp, check: (s: ConsoleSnapshot) => boolean, what: string) =>
  untilStore(app.subscribe, app.getSnapshot, check, what);
const caseUntil = (store: CaseStore, caseId: string, check: (s: CaseState) => boolean, what: string) =>
  untilStore(
    store.subscribe,
    () => store.getSnapshot().cases.find((c) => c.state.caseId === caseId),
    (e) => Boolean(e && check(e.state)),
    what,
  ).then((e) => e!);

/** A kiosk whose resident shared the card, and a signed-in console in the call with it. */
async function visit() {
  const k = await createTestKiosk(server.server);
  const kiosk = await connectKiosk(server.url, k.token);
  clients.push(kiosk);
  const { ticket } = okData(await kiosk.request('ticket:request', {}));
  await shareIdentityOverHttp(
    server.url,
    k.token,
    ticket.id,
    RESIDENT,
    '我同意把身份证上的信息提供给社区事务受理服务中心。',
  );
  const a = await createTestAgent(server.server);
  const auth: LoginResponse = {
    token: a.token,
    agent: a.agent,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  };
  const app = newApp(auth);
  app.start();
  const entry = (
    await appUntil(app, (s) => s.work.queue.some((e) => e.ticketId === ticket.id), 'the ticket is queued')
  ).work.queue.find((e) => e.ticketId === ticket.id)!;
  await app.accept(entry);
  const s = await appUntil(app, (s) => s.work.call !== null, 'in the call');
  return { app, kiosk, ticketId: ticket.id, sessionId: s.work.call!.opened.session.id, token: a.token };
}

describe('a case at the window, against the real server', () => {
  test('the whole matter: prefill, edits on the kiosk, flag, confirm, sign, void, outcome, end', async () => {
    const { app, kiosk, ticketId, sessionId } = await visit();
    const store = app.cases;

    // 免申即享: the resident is 78 with a resident card.
    const ents = await untilStore(
      store.subscribe,
      () => store.getSnapshot().entitlements[ticketId],
      (l) => Boolean(l?.length),
      'the entitlements',
    );
    expect(ents!.map((e) => e.itemCode)).toContain('senior-allowance');

    const opened = await store.open(sessionId, 'ltci-assessment');
    expect(opened.ok).toBe(true);
    const caseId = opened.ok ? opened.state!.caseId : '';
    const first = store.getSnapshot().cases[0]!.state;
    expect(first.form.values.insuredName).toBe(RESIDENT.name);
    expect(first.form.fromCard).toEqual(expect.arrayContaining(['insuredName', 'insuredIdNumber']));
    expect(first.form.maskedFields).toContain('insuredIdNumber');
    expect(first.form.values.insuredIdNumber).not.toBe(RESIDENT.idNumber);
    expect(store.getSnapshot().selected).toBe(caseId);

    // End call is refused while the case has no outcome, and the call stays.
    await app.endCall();
    expect(app.getSnapshot().work.call).not.toBeNull();
    expect(app.getSnapshot().work.notices.map((n) => n.kind === 'error' && n.code)).toContain('CASE_OPEN');

    // The agent fills the form; each edit reaches the kiosk.
    store.edit(caseId, 'applicantRelation', 'spouse', { immediate: true });
    store.edit(caseId, 'insuranceType', 'employee', { immediate: true });
    store.edit(caseId, 'currentSetting', 'home', { immediate: true });
    store.edit(caseId, 'contactName', '王小明');
    store.edit(caseId, 'contactPhone', '138 1234 5678');
    store.flushAll();
    const filled = await kiosk.waitFor(
      'case:state',
      (s) => s.caseId === caseId && s.form.values.contactPhone === '13812345678',
    );
    expect(filled.form.values).toMatchObject({ contactName: '王小明', applicantRelation: 'spouse' });
    await caseUntil(store, caseId, (s) => s.form.revision === filled.form.revision, 'the agent has it too');
    // The push may overtake the last ack; the draft goes with the ack.
    await untilStore(
      store.subscribe,
      () => store.hasUnsaved(caseId),
      (u) => !u,
      'every draft stored',
    );

    // The resident flags the phone; the agent sees it beside the field and fixes it.
    okData(
      await kiosk.request('form:flag', { caseId, field: 'contactPhone', revision: filled.form.revision }),
    );
    await caseUntil(store, caseId, (s) => s.form.flags.some((f) => f.field === 'contactPhone'), 'the flag');
    store.edit(caseId, 'contactPhone', '13912345678');
    store.commit(caseId, 'contactPhone');
    await caseUntil(store, caseId, (s) => s.form.flags.length === 0, 'the flag cleared by the fix');

    // Confirmation, then the signature on the kiosk.
    expect(await store.requestConfirm(caseId)).toEqual({ ok: true });
    const asked = await kiosk.waitFor(
      'case:state',
      (s) => s.caseId === caseId && s.form.confirmRequested !== null,
    );
    const consent = { consentText: '我已核对以上内容，确认无误。', locale: 'zh-CN' as const };
    const at = { caseId, revision: asked.form.revision, hash: asked.form.hash };
    okData(await kiosk.request('form:confirm', { ...at, ...consent }));
    okData(await kiosk.request('form:sign', { ...at, strokes: STROKES, ...consent }));
    await caseUntil(store, caseId, (s) => s.form.signature?.revision === s.form.revision, 'signed');

    // A change after signing voids it: the console keeps saying so, and 办结 is refused.
    store.edit(caseId, 'contactName', '王小红');
    store.commit(caseId, 'contactName');
    await caseUntil(store, caseId, (s) => s.form.signature === null, 'the signature voided');
    expect(store.getSnapshot().cases.find((c) => c.state.caseId === caseId)!.voided).toBe(true);
    expect(await store.recordOutcome(caseId, { outcome: 'completed' })).toEqual({
      ok: false,
      code: 'CASE_NOT_SIGNED',
    });

    // Asked again, confirmed and signed again: 办结 is recorded and the form closes.
    expect(await store.requestConfirm(caseId)).toEqual({ ok: true });
    const again = await kiosk.waitFor(
      'case:state',
      (s) =>
        s.caseId === caseId && s.form.confirmRequested === s.form.revision && s.form.revision > at.revision,
    );
    const at2 = { caseId, revision: again.form.revision, hash: again.form.hash };
    okData(await kiosk.request('form:confirm', { ...at2, ...consent }));
    okData(await kiosk.request('form:sign', { ...at2, strokes: STROKES, ...consent }));
    await caseUntil(store, caseId, (s) => s.form.signature?.revision === s.form.revision, 'signed again');
    const done = await store.recordOutcome(caseId, { outcome: 'completed', note: '已告知评估流程' });
    expect(done.ok).toBe(true);
    expect(store.openCasesOf(sessionId)).toEqual([]);

    // Another matter in the same call: consultation, no form.
    const second = await store.open(sessionId, 'policy-consultation');
    expect(second.ok).toBe(true);
    const secondId = second.ok ? second.state!.caseId : '';
    expect(await store.recordOutcome(secondId, { outcome: 'not-done' } as never)).toMatchObject({
      ok: false,
    });
    expect(
      (
        await store.recordOutcome(secondId, {
          outcome: 'not-done',
          reason: '需要本人到场办理',
          nextStep: '请本人带身份证到中心窗口',
        })
      ).ok,
    ).toBe(true);

    await app.endCall();
    await appUntil(app, (s) => s.work.call === null, 'the call ended');
    expect(store.getSnapshot().cases).toEqual([]);
  });

  test('a reload brings back the same cases at the same revision, the open one in view', async () => {
    const { app, sessionId } = await visit();
    const auth = app.getSnapshot().auth!;
    const opened = await app.cases.open(sessionId, 'ltci-assessment');
    const caseId = opened.ok ? opened.state!.caseId : '';
    app.cases.edit(caseId, 'contactPhone', '13812345678');
    app.cases.commit(caseId, 'contactPhone');
    await caseUntil(app.cases, caseId, (s) => s.form.revision === 1, 'stored');
    app.stop();

    // The same login in a fresh page: the session resumes and its cases come back with it.
    const again = newApp(auth);
    again.start();
    await appUntil(again, (s) => s.work.call?.opened.session.id === sessionId, 'the call resumed');
    const back = await caseUntil(again.cases, caseId, (s) => s.form.revision === 1, 'the case at revision 1');
    expect(back.state.form.values.contactPhone).toBe('13812345678');
    expect(again.cases.getSnapshot().selected).toBe(caseId);
  });

  test('a conflict with another tab keeps what the agent typed and sends it on the newer revision', async () => {
    const { app, sessionId, token } = await visit();
    const opened = await app.cases.open(sessionId, 'ltci-assessment');
    const caseId = opened.ok ? opened.state!.caseId : '';
    const state = opened.ok ? opened.state! : (undefined as never);

    // A store of its own over a second socket, fed by hand: its pushes are late on purpose.
    const mine = await connectAgent(server.url, token);
    const other = await connectAgent(server.url, token);
    clients.push(mine, other);
    const store = new CaseStore({
      transport: socketCaseTransport(
        () => ({ socket: mine.socket as unknown as ConsoleSocket, token }),
        listOver,
      ),
      fieldsOf: () => undefined,
      conflictReloadMs: 300,
    });
    store.applyState(state);

    okData(
      await other.request('form:revise', {
        caseId,
        field: 'contactName',
        value: '另一个窗口',
        baseRevision: 0,
      }),
    );
    store.edit(caseId, 'contactPhone', '13812345678');
    store.commit(caseId, 'contactPhone');
    const conflicted = await untilStore(
      store.subscribe,
      () => store.getSnapshot().cases[0]!.drafts.contactPhone,
      (d) => d?.phase === 'conflict',
      'the conflict',
    );
    expect(conflicted!.value).toBe('13812345678');

    // No push reaches this store: it reloads the session's cases over HTTP and sends again.
    await untilStore(
      store.subscribe,
      () => store.getSnapshot().cases[0]!.drafts.contactPhone?.phase,
      (p) => p === 'sent',
      'sent again on the newer revision',
    );
    const [held] = await listOver(token, sessionId);
    expect(held!.form.values).toMatchObject({ contactName: '另一个窗口', contactPhone: '13812345678' });
    store.applyState(held!);
    expect(store.getSnapshot().cases[0]!.drafts).toEqual({});
  });
});
