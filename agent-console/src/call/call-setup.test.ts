/**
 * The call's set-up time (issue 12 #7): from the opened session to the kiosk's first frame, sent
 * once per session as `call:setup` {sessionId, ms}, never after the call ended here.
 */
import { describe, expect, it } from 'vitest';
import type { SessionOpened } from '@rvw/shared';
import type { ConsoleSocket } from '../app/console-socket';
import { openedFor, queueEntry } from '../queue/test-entries';
import { CallSetupClock } from './call-setup';
import { ConsoleCall } from './console-call';

/** A socket that records what is emitted and acknowledges it. */
function recordingSocket() {
  const sent: { event: string; payload: unknown }[] = [];
  const emitter = {
    emit(event: string, payload: unknown, ack: (err: Error | null, res: unknown) => void) {
      sent.push({ event, payload });
      ack(null, { ok: true, data: {} });
    },
  };
  const socket = { timeout: () => emitter, on: () => socket, off: () => socket };
  return { socket: socket as unknown as ConsoleSocket, sent };
}

function call(opened: SessionOpened, clock: { t: number }) {
  const { socket, sent } = recordingSocket();
  const c = new ConsoleCall({ socket, opened, tabId: 'tab', onChange: () => undefined, now: () => clock.t });
  return { c, sent };
}

describe('call set-up time', () => {
  it('is read once, in whole ms', () => {
    const clock = new CallSetupClock(1000);
    expect(clock.firstFrame(2234.4)).toBe(1234);
    expect(clock.firstFrame(5000)).toBeNull();
  });

  it('is dropped when out of the range the server accepts', () => {
    expect(new CallSetupClock(1000).firstFrame(500)).toBeNull();
    expect(new CallSetupClock(0).firstFrame(700_000)).toBeNull();
  });

  it('goes to the server once per session as call:setup', () => {
    const clock = { t: 10_000 };
    const { c, sent } = call(openedFor(queueEntry('A001')), clock);
    clock.t = 12_500;
    c.firstFrame();
    clock.t = 20_000;
    c.firstFrame(); // a rebuilt connection's first frame is not a new set-up
    expect(sent).toEqual([{ event: 'call:setup', payload: { sessionId: 's-A001', ms: 2500 } }]);
  });

  it('is not sent once the call ended here', () => {
    const clock = { t: 0 };
    const { c, sent } = call(openedFor(queueEntry('A002')), clock);
    c.end();
    c.firstFrame();
    expect(sent).toEqual([]);
  });
});
