import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '@rvw/shared';
import { SETTLE_MS } from '../flow/machine';
import type { OpenCamera } from './camera';
import type { GrabFrame } from './frame';
import { CAPTURE_DONE_MS, PaperController } from './paper-controller';
import { printOfferText, captureConsentText } from './paper-text';
import { afterCallContext, eventBridge, homeContext, inCallContext, job, request } from './test-paper';

/** A bridge whose events the test emits and whose invokes answer from `answers`. */
function fakeBridge() {
  const answers: Record<string, (req: Record<string, unknown>) => unknown> = {
    'print:consent': (r) => ({ job: job(r.accepted ? 'queued' : 'declined', r.jobId as string) }),
    'material:consent': (r) => ({
      request: request(r.accepted ? 'consented' : 'declined', r.requestId as string),
    }),
    'material:cancel': (r) => ({ request: request('cancelled', r.requestId as string) }),
    'material:upload': () => ({ material: {} }),
  };
  const invoke = vi.fn(async (channel: string, req: Record<string, unknown>) => {
    const answer = answers[channel];
    if (!answer) throw new Error(`unexpected ${channel}`);
    return answer(req);
  });
  const { bridge, emit } = eventBridge(invoke);
  return { bridge: bridge as Pick<KioskBridge, 'invoke' | 'on'>, invoke, answers, emit };
}

function fakeStream() {
  const track = { stop: vi.fn() };
  return { stream: { getTracks: () => [track] } as unknown as MediaStream, track };
}

describe('PaperController', () => {
  let b: ReturnType<typeof fakeBridge>;
  let paper: PaperController;
  let camera: ReturnType<typeof fakeStream>;
  let openCamera: ReturnType<typeof vi.fn<OpenCamera>>;
  let grab: ReturnType<typeof vi.fn<GrabFrame>>;
  const callStream = { id: 'call' } as unknown as MediaStream;
  const video = { videoWidth: 640 } as unknown as HTMLVideoElement;
  const view = () => paper.getSnapshot().view;
  const flush = () => vi.advanceTimersByTimeAsync(0);
  const settle = () => vi.advanceTimersByTimeAsync(SETTLE_MS);

  beforeEach(() => {
    vi.useFakeTimers();
    b = fakeBridge();
    camera = fakeStream();
    openCamera = vi.fn<OpenCamera>(async () => ({ stream: camera.stream, owned: true, kind: 'document' }));
    grab = vi.fn<GrabFrame>(async () => ({
      mime: 'image/jpeg',
      data: 'QUJD',
      thumb: 'data:image/jpeg;base64,QUJD',
      width: 640,
      height: 480,
    }));
    paper = new PaperController(b.bridge, {
      locale: () => 'zh-CN',
      documentCamera: () => 'Doc Cam',
      callStream: () => callStream,
      openCamera,
      grab,
    });
    paper.listen();
    paper.setContext(inCallContext);
  });

  afterEach(() => {
    paper.stop();
    vi.useRealTimers();
  });

  it('a print offer takes no tap while it settles, then sends the text shown with the yes', async () => {
    b.emit('print:offer', job('offered'));
    expect(view().kind).toBe('print-offer');
    paper.answerPrint('j1', true);
    expect(b.invoke).not.toHaveBeenCalled();
    await settle();
    paper.answerPrint('j1', true);
    paper.answerPrint('j1', true);
    expect(b.invoke).toHaveBeenCalledTimes(1);
    expect(b.invoke).toHaveBeenCalledWith('print:consent', {
      jobId: 'j1',
      accepted: true,
      consentText: printOfferText(job(), 'zh-CN'),
      locale: 'zh-CN',
    });
    await flush();
    expect(view()).toMatchObject({ kind: 'print-status', entry: { job: { state: 'queued' } } });
  });

  it('no closes the offer at once and is sent too', async () => {
    b.emit('print:offer', job('offered'));
    await settle();
    paper.answerPrint('j1', false);
    expect(view().kind).toBe('none');
    expect(b.invoke).toHaveBeenCalledWith('print:consent', expect.objectContaining({ accepted: false }));
    // The server's re-sent offer (a reconnect) does not ask again.
    b.emit('print:offer', job('offered'));
    expect(view().kind).toBe('none');
  });

  it('a yes that does not go through leaves the question with a calm sentence, to press again', async () => {
    b.answers['print:consent'] = () => {
      throw new Error('unreachable');
    };
    b.emit('print:offer', job('offered'));
    await settle();
    paper.answerPrint('j1', true);
    await flush();
    expect(view()).toMatchObject({ kind: 'print-offer', entry: { problem: 'send-failed', sending: false } });
    b.answers['print:consent'] = () => ({ job: job('queued') });
    paper.answerPrint('j1', true);
    await flush();
    expect(view()).toMatchObject({ kind: 'print-status', entry: { job: { state: 'queued' } } });
  });

  it('a repeated event changes nothing, and does not make the view settle again', async () => {
    b.emit('print:state', job('printing'));
    await settle();
    const before = paper.getSnapshot();
    b.emit('print:state', job('printing'));
    b.emit('print:state', job('queued'));
    expect(paper.getSnapshot().state).toBe(before.state);
    expect(paper.getSnapshot().settling).toBe(false);
  });

  it('done after the call is kept until 好的, and the privacy reset clears it', async () => {
    b.emit('print:state', job('printing'));
    paper.setContext(afterCallContext);
    b.emit('print:state', job('done'));
    expect(view()).toMatchObject({ kind: 'print-status', entry: { job: { state: 'done' } } });
    paper.dismissPrint('j1');
    expect(view().kind).toBe('print-status');
    await settle();
    paper.dismissPrint('j1');
    expect(view().kind).toBe('none');

    b.emit('print:state', job('failed', 'j2'));
    expect(view().kind).toBe('print-status');
    paper.reset();
    expect(view().kind).toBe('none');
    expect(paper.getSnapshot().state.prints).toEqual([]);
    // A late message about the visit that ended is not taken.
    b.emit('print:state', job('done', 'j3'));
    expect(view().kind).toBe('none');
  });

  it('back at welcome nothing stays', () => {
    b.emit('print:state', job('done'));
    paper.setContext(homeContext);
    expect(paper.getSnapshot().state.prints).toEqual([]);
  });

  it('capture: consent with the text shown, the document camera opened, the still uploaded, done, closed', async () => {
    b.emit('material:state', request('asked'));
    expect(view()).toMatchObject({ kind: 'capture', capture: { phase: 'ask' } });
    await settle();
    paper.answerCapture('m1', true);
    expect(b.invoke).toHaveBeenCalledWith('material:consent', {
      requestId: 'm1',
      accepted: true,
      consentText: captureConsentText(request(), 'zh-CN'),
      locale: 'zh-CN',
    });
    await flush();
    expect(openCamera).toHaveBeenCalledWith('Doc Cam', callStream);
    expect(paper.getSnapshot().stream).toBe(camera.stream);
    expect(view()).toMatchObject({ kind: 'capture', capture: { phase: 'live', camera: 'document' } });
    // The server's own 'consented' for it changes nothing.
    b.emit('material:state', request('consented'));
    expect(openCamera).toHaveBeenCalledTimes(1);

    paper.attachVideo(video);
    await settle();
    paper.takePhoto();
    await flush();
    expect(grab).toHaveBeenCalledWith(video);
    expect(b.invoke).toHaveBeenCalledWith('material:upload', {
      requestId: 'm1',
      mime: 'image/jpeg',
      data: 'QUJD',
    });
    expect(view()).toMatchObject({
      kind: 'capture',
      capture: { phase: 'done', thumb: 'data:image/jpeg;base64,QUJD' },
    });
    expect(camera.track.stop).toHaveBeenCalled();
    expect(paper.getSnapshot().stream).toBeNull();
    b.emit('material:state', request('captured'));
    expect(view()).toMatchObject({ capture: { phase: 'done' } });
    await vi.advanceTimersByTimeAsync(CAPTURE_DONE_MS);
    expect(view().kind).toBe('none');
    // The agent can ask for another.
    b.emit('material:state', request('asked', 'm2'));
    expect(view()).toMatchObject({
      kind: 'capture',
      capture: { phase: 'ask', request: { requestId: 'm2' } },
    });
  });

  it("the agent's capture-now takes the still; an upload error says so calmly and the button works again", async () => {
    b.emit('material:state', request('consented'));
    await flush();
    paper.attachVideo(video);
    b.answers['material:upload'] = () => {
      throw new Error('PAYLOAD_TOO_LARGE');
    };
    b.emit('material:capture-now', { requestId: 'm1' });
    await flush();
    expect(view()).toMatchObject({ capture: { phase: 'live', problem: 'upload-failed', sending: false } });
    expect(camera.track.stop).not.toHaveBeenCalled();
    b.answers['material:upload'] = () => ({ material: {} });
    await settle();
    paper.takePhoto();
    await flush();
    expect(view()).toMatchObject({ capture: { phase: 'done' } });
    // Capture-now for a request not on screen does nothing.
    b.emit('material:capture-now', { requestId: 'other' });
    expect(grab).toHaveBeenCalledTimes(2);
  });

  it('no picture is taken before the camera shows one', async () => {
    openCamera.mockImplementation(() => new Promise(() => undefined));
    b.emit('material:state', request('consented'));
    paper.attachVideo(video);
    await settle();
    paper.takePhoto();
    b.emit('material:capture-now', { requestId: 'm1' });
    await flush();
    expect(grab).not.toHaveBeenCalled();
  });

  it('不拍了 cancels and releases the camera; an agent cancel or the end of the call closes it too', async () => {
    b.emit('material:state', request('consented'));
    await settle();
    paper.stopCapture('m1');
    expect(view().kind).toBe('none');
    expect(b.invoke).toHaveBeenCalledWith('material:cancel', { requestId: 'm1' });
    expect(camera.track.stop).toHaveBeenCalledTimes(1);

    b.emit('material:state', request('consented', 'm2'));
    await flush();
    b.emit('material:state', request('cancelled', 'm2'));
    expect(view().kind).toBe('none');
    expect(camera.track.stop).toHaveBeenCalledTimes(2);

    b.emit('material:state', request('consented', 'm3'));
    await flush();
    paper.setContext(afterCallContext);
    expect(view().kind).toBe('none');
    expect(camera.track.stop).toHaveBeenCalledTimes(3);
  });

  it("the call's own stream is left running when the capture ends", async () => {
    openCamera.mockResolvedValue({ stream: camera.stream, owned: false, kind: 'face' });
    b.emit('material:state', request('consented'));
    await flush();
    expect(view()).toMatchObject({ capture: { camera: 'face' } });
    paper.reset();
    expect(camera.track.stop).not.toHaveBeenCalled();
  });

  it('a camera that cannot open says so; no capture is tried', async () => {
    openCamera.mockRejectedValue(new Error('NotFoundError'));
    b.emit('material:state', request('consented'));
    await flush();
    expect(view()).toMatchObject({ capture: { problem: 'camera-failed' } });
    expect(openCamera).toHaveBeenCalledTimes(1);
  });

  it('declining a capture closes it and sends the no', async () => {
    b.emit('material:state', request('asked'));
    await settle();
    paper.answerCapture('m1', false);
    expect(view().kind).toBe('none');
    expect(b.invoke).toHaveBeenCalledWith('material:consent', expect.objectContaining({ accepted: false }));
    expect(openCamera).not.toHaveBeenCalled();
  });
});
