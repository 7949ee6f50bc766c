import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@rvw/shared';
import { ConsoleError } from '../lib/errors';
import { MaterialStore } from './material-store';
import { FakeMaterialServer, material, materialRequest } from './test-fixtures';

let server: FakeMaterialServer;
let store: MaterialStore;

beforeEach(() => {
  server = new FakeMaterialServer();
  store = new MaterialStore(server);
});

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('capture requests', () => {
  it('asks with the trimmed label and shows the request the ack brings', async () => {
    expect(await store.ask('s1', 'c1', '  户口簿 ')).toEqual({ ok: true });
    expect(server.calls).toEqual(['request 户口簿']);
    expect(store.view('c1').requests.map((r) => [r.label, r.state])).toEqual([['户口簿', 'asked']]);
    expect(store.view('c1').busy).toBeNull();
  });

  it('moves a request only forward and never changes a final one', () => {
    store.requestChanged(materialRequest({ state: 'consented' }));
    store.requestChanged(materialRequest({ state: 'asked' }));
    expect(store.view('c1').requests[0]!.state).toBe('consented');
    store.requestChanged(materialRequest({ state: 'declined' }));
    store.requestChanged(materialRequest({ state: 'cancelled' }));
    expect(store.view('c1').requests[0]!.state).toBe('declined');
    expect(store.view('c1').requests).toHaveLength(1);
  });

  it('shows capture as going until the upload is reported, then reads the materials again', async () => {
    store.requestChanged(materialRequest({ state: 'consented' }));
    await store.capture('c1', 'mr1');
    expect(server.calls).toEqual(['capture mr1']);
    expect(store.view('c1').capturing).toBe('mr1');
    server.materials = [material('m1')];
    store.requestChanged(materialRequest({ state: 'captured', materialId: 'm1' }));
    expect(store.view('c1').capturing).toBeNull();
    await flush();
    expect(server.calls).toEqual(['capture mr1', 'list']);
    expect(store.view('c1').materials.map((m) => m.materialId)).toEqual(['m1']);
    // A material already listed is not read again.
    store.requestChanged(materialRequest({ requestId: 'mr2', state: 'captured', materialId: 'm1' }));
    await flush();
    expect(server.calls.filter((c) => c === 'list')).toHaveLength(1);
  });

  it('keeps the refusal of an action in words-ready form, cleared by the next action', async () => {
    server.failNext = new ConsoleError(ErrorCode.WrongState, 'not consented');
    expect(await store.capture('c1', 'mr1')).toEqual({ ok: false, code: ErrorCode.WrongState });
    expect(store.view('c1').error).toBe(ErrorCode.WrongState);
    expect(store.view('c1').capturing).toBeNull();
    await store.ask('s1', 'c1', '残疾证');
    expect(store.view('c1').error).toBeNull();
  });

  it('cancels, and asks for another after a capture (再拍一张) as a new request', async () => {
    await store.ask('s1', 'c1', '户口簿');
    await store.cancel('c1', 'mr1');
    expect(store.view('c1').requests.at(-1)!.state).toBe('cancelled');
    await store.ask('s1', 'c1', '户口簿');
    expect(store.view('c1').requests.map((r) => r.requestId)).toEqual(['mr1', 'mr3']);
  });

  it('does one action at a time', async () => {
    const first = store.ask('s1', 'c1', '户口簿');
    expect(await store.ask('s1', 'c1', '户口簿')).toEqual({ ok: false, code: ErrorCode.RateLimited });
    await first;
    expect(server.calls).toEqual(['request 户口簿']);
  });
});

describe('materials list', () => {
  it('reads once unless forced, and forgets everything on sign-out', async () => {
    server.materials = [material('m1'), material('m2', '残疾证')];
    await store.load('c1');
    await store.load('c1');
    expect(server.calls).toEqual(['list']);
    expect(store.view('c1').materials).toHaveLength(2);
    store.reset();
    expect(store.view('c1').materials).toHaveLength(0);
  });
});
