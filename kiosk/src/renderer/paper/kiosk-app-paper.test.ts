/**
 * The paper controller wired into KioskApp: the bridge's paper events reach it, it follows the
 * flow (offers only in the call, progress kept after it), and the end of the visit clears it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '@rvw/shared';
import { opened } from '../flow/test-fixtures';
import { KioskApp } from '../kiosk-app';
import { eventBridge, job, request } from './test-paper';

function fakeBridge() {
  const invoke = vi.fn(async (channel: string, req: Record<string, unknown>): Promise<unknown> => {
    switch (channel) {
      case 'config:get':
        return { locale: 'zh-CN', demo: false, documentCamera: null };
      case 'server:sync':
        return { connected: true };
      case 'print:consent':
        return { job: job('queued', req.jobId as string) };
      default:
        return {};
    }
  });
  const { bridge, emit } = eventBridge(invoke);
  return { bridge: bridge as unknown as KioskBridge, invoke, emit };
}

describe('KioskApp with paper', () => {
  let app: KioskApp | null = null;
  afterEach(() => app?.stop());

  it('shows an offer in the call, keeps a job done after it, and forgets everything at home', async () => {
    const b = fakeBridge();
    app = new KioskApp(b.bridge, { startCall: null });
    await app.start();
    const paper = () => app!.getSnapshot().paper;

    // Before any session nothing is taken.
    b.emit('print:offer', job('offered'));
    expect(paper().view.kind).toBe('none');

    b.emit('kiosk:state', { kiosk: opened().session.kiosk, ticket: null, session: opened() });
    expect(app.getSnapshot().flow.screen).toBe('call');
    b.emit('print:offer', job('offered'));
    expect(paper().view.kind).toBe('print-offer');
    b.emit('print:state', job('printing'));
    b.emit('material:state', request('asked'));
    expect(paper().view.kind).toBe('capture');

    b.emit('session:ended', { sessionId: 's1', endedBy: 'agent' });
    expect(['outcome', 'rating']).toContain(app.getSnapshot().flow.screen);
    // The capture went with the call; the job printing is still told.
    expect(paper().view).toMatchObject({ kind: 'print-status', entry: { job: { state: 'printing' } } });
    b.emit('print:state', job('done'));
    expect(paper().view).toMatchObject({ kind: 'print-status', entry: { job: { state: 'done' } } });

    app.send({ type: 'reset' });
    expect(app.getSnapshot().flow.screen).toBe('welcome');
    expect(paper().state.prints).toEqual([]);
    b.emit('print:state', job('done', 'j2'));
    expect(paper().view.kind).toBe('none');
  });
});
