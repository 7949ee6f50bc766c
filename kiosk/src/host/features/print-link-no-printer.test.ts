/**
 * A machine without a printer (RVW_KIOSK_PRINTER=none, the door-to-door profile, issue 11 #10): an
 * offer is never put to the resident; it is answered at once `failed: no-printer`, so the agent is
 * told (the server's failed state then reaches the screen, which says plainly that there is no
 * printer here: renderer/paper/paper-views.test.tsx).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventChannel } from '@rvw/shared';
import { paperHttp } from '../paper-http';
import { printJob, startPaperStandIn, STAND_IN_TOKEN, type PaperStandIn } from './paper-stand-in';
import { printLinkFeature, type PrintLinkFeature } from './print-link';
import { recordingContext, type RecordedEvent } from './recording-context';
import { serverLinkFeature, type ServerLinkFeature } from './server-link';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });
const PDF = new TextEncoder().encode('%PDF-1.7 %%EOF');

describe('print link without a printer', () => {
  let stand: PaperStandIn;
  let events: RecordedEvent[];
  let link: ServerLinkFeature | null;
  let printing: PrintLinkFeature | null;
  let printed: number;

  beforeEach(async () => {
    printed = 0;
    stand = await startPaperStandIn();
    const recorded = recordingContext(stand.url, STAND_IN_TOKEN);
    events = recorded.events;
    link = serverLinkFeature(recorded.ctx, { requestTimeoutMs: 300 });
    printing = printLinkFeature(recorded.ctx, link.port, {
      print: async () => {
        printed += 1;
        return { state: 'done', jobId: '1', printer: 'Q' };
      },
      http: paperHttp(recorded.ctx.config, { fetch, timeoutMs: 2000 }),
      noPrinter: true,
    });
    await until(() => expect(events.some((e) => e.channel === 'kiosk:state')).toBe(true));
  });
  afterEach(async () => {
    await printing?.close();
    await link?.close();
    await stand.close();
  });

  const named = (channel: BridgeEventChannel) =>
    events.filter((e) => e.channel === channel).map((e) => e.event);

  it('answers an offer failed: no-printer at once, asks the resident nothing and prints nothing', async () => {
    const job = printJob('j1', PDF);
    stand.jobs.set('j1', job);
    stand.files.set('j1', PDF);
    stand.socket().emit('print:offer', job);
    await until(() => expect(stand.jobs.get('j1')?.state).toBe('failed'));
    expect(stand.statuses).toEqual([
      { jobId: 'j1', state: 'failed', reason: 'no-printer', detail: 'this machine has no printer' },
    ]);
    expect(stand.jobs.get('j1')?.reason).toBe('no-printer');
    expect(named('print:offer')).toEqual([]);
    // The same offer re-sent (a reconnect) is not reported twice.
    stand.socket().emit('print:offer', job);
    await printing!.idle();
    expect(stand.statuses).toHaveLength(1);
    expect(printed).toBe(0);
  });
});
