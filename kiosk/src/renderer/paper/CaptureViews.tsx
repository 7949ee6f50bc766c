/**
 * The document camera's screens: the question (may the staff member photograph your …?), the live
 * picture, large, with one big 拍照 and a smaller 不拍了, and "拍好了" with the thumbnail. The
 * picture is never mirrored (the page must read the right way) and never plays sound.
 */
import { useEffect, useRef } from 'react';
import type { Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import type { CaptureEntry } from './paper-model';
import { captureLines } from './paper-text';
import { CameraIllustration } from './Illustrations';
import { PaperAnswers, PaperDialog } from './PaperPanel';

/** What the capture screens take. */
export interface CaptureViewProps {
  capture: CaptureEntry;
  /** The live picture (null until the camera opened). */
  stream: MediaStream | null;
  /** False while the view settles: its buttons take no tap yet. */
  ready: boolean;
  locale: Locale;
  tr: Tr;
  onAnswer: (accepted: boolean) => void;
  onCapture: () => void;
  onCancel: () => void;
  /** The live picture's element, for the still. */
  videoRef: (video: HTMLVideoElement | null) => void;
}

/** The screen for the capture's phase. */
export function CaptureView(props: CaptureViewProps) {
  const { capture, locale, tr } = props;
  const [headline, ...more] = captureLines(capture, locale);
  if (capture.phase === 'done')
    return (
      <section className="paper-panel" role="status" data-testid="capture-done">
        <h1 className="paper-question capture-done-title">
          <svg className="capture-check" viewBox="0 0 48 48" aria-hidden="true">
            <circle cx="24" cy="24" r="22" fill="#1b6e2a" />
            <path d="M13 25l7 7 15-16" fill="none" stroke="#ffffff" strokeWidth="6" strokeLinecap="round" />
          </svg>
          {headline}
        </h1>
        {capture.thumb && <img className="capture-thumb" src={capture.thumb} alt={tr('capture.done')} />}
      </section>
    );
  if (capture.phase === 'ask')
    return (
      <PaperDialog
        labelId="capture-question"
        testId="capture-ask"
        illustration={<CameraIllustration />}
        headline={headline}
        lines={more}
        main={{
          testId: 'capture-accept',
          label: tr('capture.accept'),
          disabled: !props.ready || capture.sending,
          onClick: () => props.onAnswer(true),
        }}
        other={{
          testId: 'capture-decline',
          label: tr('capture.decline'),
          disabled: !props.ready || capture.sending,
          onClick: () => props.onAnswer(false),
        }}
      />
    );
  return <CaptureLive {...props} headline={headline ?? ''} more={more} />;
}

function CaptureLive({
  capture,
  stream,
  ready,
  tr,
  onCapture,
  onCancel,
  videoRef,
  headline,
  more,
}: CaptureViewProps & { headline: string; more: string[] }) {
  const video = useRef<HTMLVideoElement | null>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  const failed = capture.problem === 'camera-failed';
  // A problem sentence comes first in the lines: it is the notice, and the instruction is the headline.
  const [notice, title, rest] =
    capture.problem && !failed ? [headline, more[0], more.slice(1)] : [null, headline, more];
  return (
    <section
      className="paper-panel capture-live"
      data-testid="capture-live"
      data-camera={capture.camera ?? ''}
    >
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h1 className="paper-question" aria-live="polite">
        {title}
      </h1>
      {!failed && (
        <div className="capture-frame">
          <video
            ref={(el) => {
              video.current = el;
              videoRef(el);
            }}
            className="capture-video"
            data-testid="capture-video"
            aria-label={tr('capture.preview')}
            autoPlay
            playsInline
            muted
          />
        </div>
      )}
      {rest.map((line) => (
        <p className="hint" key={line}>
          {line}
        </p>
      ))}
      <PaperAnswers
        row
        main={
          failed
            ? undefined
            : {
                testId: 'capture-button',
                label: tr('capture.button'),
                disabled: !ready || capture.sending || !capture.camera || !stream,
                onClick: onCapture,
              }
        }
        other={{
          testId: 'capture-cancel',
          label: tr('capture.cancel'),
          disabled: !ready || capture.sending,
          onClick: () => onCancel(),
        }}
      />
    </section>
  );
}
