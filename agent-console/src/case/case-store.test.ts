import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '@rvw/shared';
import { ConsoleErrorCode } from '../lib/errors';
import { CaseStore, TYPING_INTERVAL_MS, type CaseEntry } from './case-store';
import { FULL_ID, FakeCaseServer, testItem } from './test-support';

let server: FakeCaseServer;
let store: CaseStore;
let itemLoaded: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeCaseServer();
  itemLoaded = true;
  store = new CaseStore({
    transport: server,
    fieldsOf: (code) => (itemLoaded && code === testItem.code ? testItem.form.fields : undefined),
    conflictReloadMs: 1000,
    revealMs: 30_000,
  });
  server.push = store.applyState;
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets promises and `ms` of timers run. */
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

function entry(): CaseEntry {
  const e = store.getSnapshot().cases.find((c) => c.state.caseId === 'c1');
  if (!e) throw new Error('no case c1');
  return e;
}

async function opened() {
  const r = await store.open('s1', testItem.code);
  expect(r.ok).toBe(true);
  return entry();
}

describe('the state the server pushes', () => {
  it('keeps the newest revision and ignores a late older push', async () => {
    await opened();
    const older = server.state();
    server.otherEdit('note', '第一次');
    server.otherEdit('note', '第二次');
    expect(entry().state.form.revision).toBe(2);
    store.applyState(older);
    expect(entry().state.form.revision).toBe(2);
    expect(entry().state.form.values.note).toBe('第二次');
  });

  it('never reopens a case whose outcome is recorded, at the same revision', async () => {
    await opened();
    const open = server.state();
    await store.recordOutcome('c1', { outcome: 'consultation' });
    expect(entry().state.status).toBe('closed');
    store.applyState(open);
    expect(entry().state.status).toBe('closed');
  });

  it('shows a case that comes back after a reload, unless the agent chose the item finder', () => {
    store.applyState(server.state());
    expect(store.getSnapshot().selected).toBe('c1');
    store.select(null);
    store.applyState({ ...server.state(), caseId: 'c2' });
    expect(store.getSnapshot().selected).toBeNull();
  });
});

describe('typing', () => {
  it('sends the first keystroke at once and gathers the next ones into one send of the latest value', async () => {
    await opened();
    store.edit('c1', 'note', '王');
    await tick();
    expect(server.revises).toEqual([{ caseId: 'c1', field: 'note', value: '王', baseRevision: 0 }]);
    await tick(50);
    store.edit('c1', 'note', '王小');
    await tick(50);
    store.edit('c1', 'note', '王小明');
    expect(entry().drafts.note?.value).toBe('王小明');
    // The interval runs from the first send: nothing more goes before it ends.
    await tick(TYPING_INTERVAL_MS - 101);
    expect(server.revises).toHaveLength(1);
    await tick(1);
    expect(server.revises.map((r) => [r.value, r.baseRevision])).toEqual([
      ['王', 0],
      ['王小明', 1],
    ]);
    // Stored and pushed: the draft is gone and the server's value shows.
    expect(entry().drafts.note).toBeUndefined();
    expect(entry().state.form.values.note).toBe('王小明');
    // After a pause the next keystroke goes at once again.
    await tick(TYPING_INTERVAL_MS);
    store.edit('c1', 'note', '王小明。');
    await tick();
    expect(server.revises).toHaveLength(3);
  });

  it('sends at once on commit (blur or Enter), before the interval ran out', async () => {
    await opened();
    store.edit('c1', 'note', '腿');
    store.edit('c1', 'note', '腿脚不便');
    store.commit('c1', 'note');
    await tick();
    expect(server.revises.map((r) => r.value)).toEqual(['腿', '腿脚不便']);
  });

  it('sends picks (yes/no, choice) at once', async () => {
    await opened();
    store.edit('c1', 'alone', true, { immediate: true });
    await tick();
    expect(server.revises.map((r) => [r.field, r.value])).toEqual([['alone', true]]);
  });

  it('never loses the last edit: what is typed during a send goes next, on the acknowledged revision', async () => {
    await opened();
    // The pushes lag behind the acks: the next base must come from the ack.
    server.holdPushes = true;
    store.edit('c1', 'note', '甲');
    store.commit('c1', 'note');
    store.edit('c1', 'note', '甲乙');
    store.edit('c1', 'phone', '13812345678');
    store.flushAll();
    await tick();
    await tick();
    expect(server.revises.map((r) => [r.field, r.value, r.baseRevision])).toEqual([
      ['note', '甲', 0],
      ['note', '甲乙', 1],
      ['phone', '13812345678', 2],
    ]);
    expect(entry().drafts.note?.phase).toBe('sent');
    server.releasePushes();
    expect(entry().drafts).toEqual({});
    expect(entry().state.form.values).toMatchObject({ note: '甲乙', phone: '13812345678' });
  });

  it('holds an invalid value with its sentence and sends it once it is fixed', async () => {
    await opened();
    store.edit('c1', 'phone', '12345');
    await tick(TYPING_INTERVAL_MS * 2);
    expect(server.revises).toHaveLength(0);
    expect(entry().drafts.phone).toMatchObject({
      phase: 'invalid',
      problem: { code: 'FIELD_BAD_PHONE', message: expect.stringContaining('手机号码') },
    });
    store.edit('c1', 'phone', '021 6234 5678');
    store.commit('c1', 'phone');
    await tick();
    // Sent normalised, as the server stores it.
    expect(server.revises.map((r) => r.value)).toEqual(['02162345678']);
  });

  it('shows the server refusal when the fields are not known here to check', async () => {
    itemLoaded = false;
    server.extra = { item: { ...server.state().item, fields: [] } };
    await opened();
    store.edit('c1', 'phone', '12345');
    store.commit('c1', 'phone');
    await tick();
    expect(entry().drafts.phone).toMatchObject({ phase: 'refused', problem: { code: 'FIELD_BAD_PHONE' } });
    expect(store.hasUnsaved('c1')).toBe(true);
    store.dropDraft('c1', 'phone');
    expect(store.hasUnsaved('c1')).toBe(false);
  });

  it('keeps a draft whose send timed out and sends it again after the reconnect', async () => {
    await opened();
    server.failNextRevise = ConsoleErrorCode.Timeout;
    store.edit('c1', 'note', '上午来');
    store.commit('c1', 'note');
    await tick();
    expect(server.revises).toHaveLength(1);
    expect(entry().drafts.note).toMatchObject({ phase: 'typing', value: '上午来' });
    store.flushAll();
    await tick();
    expect(server.revises).toHaveLength(2);
    expect(entry().state.form.values.note).toBe('上午来');
  });
});

describe('conflicts', () => {
  it('keeps what the agent typed and sends it again on the newer revision', async () => {
    await opened();
    // Another tab changed another field; its push has not arrived yet.
    server.holdPushes = true;
    server.otherEdit('note', '另一个窗口');
    store.edit('c1', 'phone', '13812345678');
    store.commit('c1', 'phone');
    await tick();
    expect(entry().drafts.phone).toMatchObject({ phase: 'conflict', value: '13812345678' });
    server.releasePushes();
    await tick();
    expect(server.revises.map((r) => r.baseRevision)).toEqual([0, 1]);
    expect(entry().drafts).toEqual({});
    expect(entry().state.form.values).toMatchObject({ note: '另一个窗口', phone: '13812345678' });
  });

  it('reloads the state when the newer push does not come', async () => {
    await opened();
    server.holdPushes = true;
    server.otherEdit('note', '另一个窗口');
    server.held = []; // lost
    server.holdPushes = false;
    store.edit('c1', 'phone', '13812345678');
    store.commit('c1', 'phone');
    await tick();
    expect(entry().drafts.phone?.phase).toBe('conflict');
    await tick(1000);
    expect(server.reloads).toBe(1);
    await tick();
    expect(entry().state.form.values).toMatchObject({ note: '另一个窗口', phone: '13812345678' });
  });

  it('shows both values when the same field moved on the server, and sends mine on request', async () => {
    await opened();
    server.holdPushes = true;
    server.otherEdit('note', '他们写的');
    store.edit('c1', 'note', '我写的');
    store.commit('c1', 'note');
    await tick();
    server.releasePushes();
    await tick();
    expect(entry().drafts.note).toMatchObject({
      phase: 'diverged',
      value: '我写的',
      serverValue: '他们写的',
    });
    expect(server.revises).toHaveLength(1);
    store.keepMine('c1', 'note');
    await tick();
    expect(server.revises.at(-1)).toMatchObject({ value: '我写的', baseRevision: 1 });
    expect(entry().state.form.values.note).toBe('我写的');
  });
});

describe('a voided confirmation', () => {
  it('stays shown after the one push that says so, until the resident is asked again', async () => {
    await opened();
    const at = '2026-01-01T08:05:00Z';
    const confirmed = server.state();
    confirmed.form = {
      ...confirmed.form,
      confirmRequested: 0,
      confirmation: { revision: 0, hash: 'a'.repeat(64), at },
    };
    store.applyState(confirmed);
    expect(entry().voided).toBe(false);
    store.applyState({ ...server.state(), form: { ...server.state().form, revision: 1, voided: true } });
    expect(entry().voided).toBe(true);
    store.applyState({ ...server.state(), form: { ...server.state().form, revision: 2, voided: false } });
    expect(entry().voided).toBe(true);
    store.applyState({
      ...server.state(),
      form: { ...server.state().form, revision: 2, confirmRequested: 2 },
    });
    expect(entry().voided).toBe(false);
  });
});

describe('masked fields', () => {
  it('shows the full number after a reveal and masks it again after 30 s', async () => {
    await opened();
    expect(entry().state.form.values.idNumber).not.toBe(FULL_ID);
    expect((await store.reveal('c1', 'idNumber')).ok).toBe(true);
    expect(entry().revealed.idNumber).toBe(FULL_ID);
    await tick(30_000);
    expect(entry().revealed.idNumber).toBeUndefined();
  });
});

describe('asking the resident to confirm', () => {
  it('sends the typed value first, then asks on the revision that holds it', async () => {
    await opened();
    store.edit('c1', 'phone', '13812345678');
    const r = await store.requestConfirm('c1');
    expect(r).toEqual({ ok: true });
    expect(server.confirmRequests).toEqual([{ caseId: 'c1', revision: 1 }]);
  });

  it('refuses an incomplete form and names each field', async () => {
    await opened();
    const r = await store.requestConfirm('c1');
    expect(r).toEqual({ ok: false, code: ConsoleErrorCode.FormIncomplete });
    expect(Object.keys(entry().problems)).toEqual(['phone']);
    expect(server.confirmRequests).toHaveLength(0);
    store.edit('c1', 'phone', '13812345678');
    expect(entry().problems).toEqual({});
  });

  it('refuses while a typed value cannot be stored', async () => {
    await opened();
    store.edit('c1', 'phone', '123');
    expect(await store.requestConfirm('c1')).toEqual({ ok: false, code: ConsoleErrorCode.FormUnsaved });
  });
});

describe('outcome and abandon', () => {
  it("keeps the outcome panel's text per case while the agent looks elsewhere", async () => {
    await opened();
    store.setOutcomeDraft('c1', { outcome: 'not-done' });
    store.setOutcomeDraft('c1', { reason: '缺少病历' });
    store.select(null);
    expect(entry().outcomeDraft).toEqual({ outcome: 'not-done', reason: '缺少病历', nextStep: '', note: '' });
  });

  it('records the outcome once the typed values are stored, then takes no more edits', async () => {
    await opened();
    store.edit('c1', 'note', '已告知');
    const r = await store.recordOutcome('c1', { outcome: 'consultation' });
    expect(r.ok).toBe(true);
    expect(server.form.values.note).toBe('已告知');
    expect(entry().state.status).toBe('closed');
    store.edit('c1', 'note', '再改');
    expect(entry().drafts).toEqual({});
    expect(store.openCasesOf('s1')).toEqual([]);
  });

  it('will not record an outcome over an unsaved edit until it is dropped', async () => {
    await opened();
    store.edit('c1', 'phone', '123');
    expect(await store.recordOutcome('c1', { outcome: 'consultation' })).toEqual({
      ok: false,
      code: ConsoleErrorCode.FormUnsaved,
    });
    store.discardDrafts('c1');
    expect((await store.recordOutcome('c1', { outcome: 'consultation' })).ok).toBe(true);
  });

  it('abandons with a reason and forgets the session when it ends', async () => {
    await opened();
    expect(store.openCasesOf('s1').map((s) => s.caseId)).toEqual(['c1']);
    const r = await store.abandon('c1', { reason: '居民改天再来' });
    expect(r.ok).toBe(true);
    expect(entry().state).toMatchObject({ status: 'abandoned', abandonReason: '居民改天再来' });
    store.forgetSession('s1');
    expect(store.getSnapshot().cases).toEqual([]);
  });

  it('says NOT_FOUND for an unknown item', async () => {
    expect(await store.open('s1', 'nope')).toEqual({ ok: false, code: ErrorCode.NotFound });
  });
});
