import { describe, expect, it } from 'vitest';
import {
  emptyPaper,
  finish,
  jobChanged,
  offerDeclined,
  paperView,
  printDismissed,
  requestChanged,
  withContext,
} from './paper-model';
import type { PaperState } from './paper-model';
import { afterCallContext, homeContext, inCallContext, job, request } from './test-paper';

const inCall = withContext(emptyPaper, inCallContext);
const jobs = (s: PaperState, ...list: ReturnType<typeof job>[]) => list.reduce(jobChanged, s);
const requests = (s: PaperState, ...list: ReturnType<typeof request>[]) => list.reduce(requestChanged, s);

describe('print jobs', () => {
  it('an offer in the call is asked; its states follow in order to done', () => {
    const offered = jobs(inCall, job('offered'));
    expect(paperView(offered)).toMatchObject({ kind: 'print-offer', entry: { job: { jobId: 'j1' } } });
    const printing = jobs(offered, job('queued'), job('printing'));
    expect(paperView(printing)).toMatchObject({
      kind: 'print-status',
      entry: { job: { state: 'printing' } },
    });
    const done = jobs(printing, job('done'));
    expect(paperView(done)).toMatchObject({ kind: 'print-status', entry: { job: { state: 'done' } } });
  });

  it('ignores repeated and late messages: a job never moves back, a final state never changes', () => {
    const done = jobs(inCall, job('offered'), job('queued'), job('done'));
    expect(jobs(done, job('printing'), job('queued'), job('offered'))).toBe(done);
    expect(jobs(done, job('failed'))).toBe(done);
    expect(jobs(done, job('done'))).toBe(done);
    const offered = jobs(inCall, job('offered'));
    expect(jobs(offered, job('offered'))).toBe(offered);
  });

  it("ignores another session's jobs, and everything before a session opened", () => {
    expect(jobs(inCall, job('offered', 'j1', { sessionId: 's2' }))).toBe(inCall);
    const before = withContext(emptyPaper, { sessionId: null, inCall: false, atHome: false });
    expect(jobs(before, job('offered'), job('done'))).toBe(before);
  });

  it('declining closes the offer at once, and a re-sent offer does not bring it back', () => {
    const declined = offerDeclined(jobs(inCall, job('offered')), 'j1');
    expect(paperView(declined)).toEqual({ kind: 'none' });
    expect(paperView(jobs(declined, job('offered')))).toEqual({ kind: 'none' });
    expect(paperView(jobs(inCall, job('declined', 'j9')))).toEqual({ kind: 'none' });
  });

  it('done and failed stay until dismissed; printing cannot be dismissed', () => {
    const failed = jobs(inCall, job('queued'), job('failed'));
    expect(paperView(failed)).toMatchObject({ kind: 'print-status', entry: { job: { state: 'failed' } } });
    expect(paperView(printDismissed(failed, 'j1'))).toEqual({ kind: 'none' });
    const printing = jobs(inCall, job('printing'));
    expect(printDismissed(printing, 'j1')).toBe(printing);
  });

  it('shows an offer before a finished job, and a finished job before one still printing', () => {
    const s = jobs(inCall, job('printing', 'a'), job('done', 'b'), job('offered', 'c'));
    expect(paperView(s)).toMatchObject({ kind: 'print-offer', entry: { job: { jobId: 'c' } } });
    const answered = offerDeclined(s, 'c');
    expect(paperView(answered)).toMatchObject({ entry: { job: { jobId: 'b', state: 'done' } } });
    expect(paperView(printDismissed(answered, 'b'))).toMatchObject({ entry: { job: { jobId: 'a' } } });
  });

  it('after the call: an unanswered offer goes, progress is still shown and kept until dismissed', () => {
    const s = jobs(inCall, job('offered', 'offer'), job('printing', 'p'));
    const after = withContext(s, afterCallContext);
    expect(after.prints.map((p) => p.job.jobId)).toEqual(['p']);
    expect(jobs(after, job('offered', 'late'))).toBe(after);
    const done = jobs(after, job('done', 'p'));
    expect(paperView(done)).toMatchObject({ kind: 'print-status', entry: { job: { state: 'done' } } });
    // Later screens of the same visit keep it until the resident taps 好的.
    expect(paperView(withContext(done, afterCallContext))).toMatchObject({
      entry: { job: { state: 'done' } },
    });
    expect(paperView(printDismissed(done, 'p'))).toEqual({ kind: 'none' });
  });

  it('home clears everything; another session starts empty', () => {
    const s = jobs(inCall, job('done'));
    expect(withContext(s, homeContext)).toBe(emptyPaper);
    const other = withContext(s, { ...inCallContext, sessionId: 's2' });
    expect(other.prints).toEqual([]);
    expect(other.sessionId).toBe('s2');
  });
});

describe('capture requests', () => {
  it('asked -> live on consent -> closed when captured elsewhere, declined or cancelled', () => {
    const asked = requests(inCall, request('asked'));
    expect(paperView(asked)).toMatchObject({ kind: 'capture', capture: { phase: 'ask' } });
    const live = requests(asked, request('consented'));
    expect(live.capture).toMatchObject({ phase: 'live', camera: null });
    expect(paperView(requests(live, request('cancelled')))).toEqual({ kind: 'none' });
    expect(paperView(requests(asked, request('declined')))).toEqual({ kind: 'none' });
    expect(paperView(requests(live, request('captured')))).toEqual({ kind: 'none' });
  });

  it('ignores repeats, and any message about a request that ended', () => {
    const asked = requests(inCall, request('asked'));
    expect(requests(asked, request('asked'))).toBe(asked);
    const live = requests(asked, request('consented'));
    expect(requests(live, request('consented'))).toBe(live);
    const ended = finish(live, 'm1');
    expect(requests(ended, request('asked'), request('consented'))).toEqual(ended);
  });

  it('a consented request seen first (a reload) goes straight to the live picture', () => {
    expect(requests(inCall, request('consented')).capture).toMatchObject({ phase: 'live' });
  });

  it('"done" stays on screen when the server says captured; a new request replaces it', () => {
    const live = requests(inCall, request('asked'), request('consented'));
    const done = { ...live, capture: { ...live.capture!, phase: 'done' as const, thumb: 'data:x' } };
    expect(requests(done, request('captured')).capture).toMatchObject({ phase: 'done', thumb: 'data:x' });
    expect(requests(done, request('asked', 'm2')).capture).toMatchObject({ phase: 'ask', thumb: null });
  });

  it('needs the call: nothing is asked outside it, and leaving the call closes the capture', () => {
    const after = withContext(inCall, afterCallContext);
    expect(requests(after, request('asked'))).toBe(after);
    const live = requests(inCall, request('asked'), request('consented'));
    expect(withContext(live, afterCallContext).capture).toBeNull();
    expect(requests(inCall, request('asked', 'm1', { sessionId: 's2' }))).toBe(inCall);
  });

  it('a capture on screen comes before a print offer', () => {
    const s = requests(jobs(inCall, job('offered')), request('asked'));
    expect(paperView(s).kind).toBe('capture');
    expect(paperView(finish(s, 'm1')).kind).toBe('print-offer');
  });
});
