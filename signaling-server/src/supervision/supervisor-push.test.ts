/** The throttle of the supervisor's pushes: the first change at once, the rest gathered per interval. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SupervisorSnapshot } from '@rvw/shared';
import type { Db } from '../db/database';
import type { RvwServer } from '../socket/types';
import { ManualScheduler } from '../testing';
import { SupervisorPush, supervisorsRoom } from './supervisor-push';

/** A socket.io server as the pusher uses it: rooms with watchers, and what was emitted to each. */
function fakeIo(watched: Set<string>) {
  const sent: Array<{ room: string; seq: number }> = [];
  const io = {
    in: (room: string) => ({ fetchSockets: async () => (watched.has(room) ? [{}] : []) }),
    to: (room: string) => ({
      emit: (_event: string, s: { seq: number }) => void sent.push({ room, seq: s.seq }),
    }),
  };
  return { io: io as unknown as RvwServer, sent };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setUp(watched = new Set([supervisorsRoom('a'), supervisorsRoom('b')])) {
  let now = 0;
  let seq = 0;
  const built: string[] = [];
  const scheduler = new ManualScheduler();
  const { io, sent } = fakeIo(watched);
  const push = new SupervisorPush({
    io,
    db: {} as Db,
    log: pino({ level: 'silent' }),
    scheduler,
    now: () => now,
    build: async (centreId) => {
      built.push(centreId);
      return { seq: ++seq } as unknown as SupervisorSnapshot;
    },
  });
  const advance = async (ms: number) => {
    now += ms;
    scheduler.advance(ms);
    await settle();
  };
  return { push, sent, built, scheduler, advance };
}

describe('SupervisorPush', () => {
  it('sends the first change at once and gathers the rest of the second into one push at its end', async () => {
    const { push, sent, advance } = setUp();
    push.changed(['a']);
    await settle();
    expect(sent).toEqual([{ room: 'supervisors:a', seq: 1 }]);
    push.changed(['a']);
    await advance(300);
    push.changed(['a', 'a']);
    await advance(300);
    expect(sent).toHaveLength(1);
    await advance(400);
    expect(sent).toEqual([
      { room: 'supervisors:a', seq: 1 },
      { room: 'supervisors:a', seq: 2 },
    ]);
    // Quiet for a while: the next change goes at once again.
    await advance(5000);
    push.changed(['a']);
    await settle();
    expect(sent).toHaveLength(3);
  });

  it('throttles each centre on its own, and builds nothing for a centre nobody watches', async () => {
    const { push, sent, built, advance } = setUp(new Set([supervisorsRoom('a')]));
    push.changed(['a', 'c']);
    await settle();
    push.changed(['a']);
    await advance(1000);
    expect(built).toEqual(['a', 'a']);
    expect(sent.map((s) => s.room)).toEqual(['supervisors:a', 'supervisors:a']);
  });

  it('sends nothing more once stopped', async () => {
    const { push, sent, scheduler, advance } = setUp();
    push.changed(['b']);
    await settle();
    push.changed(['b']);
    expect(scheduler.pending).toBe(1);
    push.stop();
    expect(scheduler.pending).toBe(0);
    await advance(2000);
    push.changed(['b']);
    await settle();
    expect(sent).toHaveLength(1);
  });
});
