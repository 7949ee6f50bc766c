/** The signature: a big box to sign in, 重写 (start again) and 确认签名 (confirm the signature). */
import { useRef, useState } from 'react';
import type { FlowEvent, FormNotice, Review } from '../flow/machine';
import type { Tr } from '../i18n';
import { NOTICE_KEYS } from './case-view';
import { SignaturePad } from './SignaturePad';
import type { SignaturePadHandle } from './SignaturePad';
import './form.css';

/** The review being signed, readiness, and where taps go. */
export interface SignScreenProps {
  review: Review;
  notice: FormNotice | null;
  ready: boolean;
  tr: Tr;
  speak: (text: string) => void;
  send: (event: FlowEvent) => void;
}

/** Test ids `sign-screen`, `signature-canvas`, `sign-clear`, `sign-submit`, `sign-empty`. */
export function SignScreen({ review, notice, ready, tr, speak, send }: SignScreenProps) {
  const pad = useRef<SignaturePadHandle>(null);
  const [inked, setInked] = useState(false);
  // A tap on "confirm" before anything is drawn says what to do rather than doing nothing.
  const [askInk, setAskInk] = useState(false);
  const busy = !ready || review.sending;
  return (
    <section className="case-screen sign" data-testid="sign-screen" aria-busy={busy}>
      <h1 className="review-title">{tr('sign.title')}</h1>
      {notice && (
        <p className="notice" data-testid="form-notice" role="status">
          {tr(NOTICE_KEYS[notice])}
        </p>
      )}
      <p className="case-watch">{tr('sign.hint')}</p>
      <div className="signature-box">
        <SignaturePad
          ref={pad}
          label={tr('sign.canvas')}
          onInk={(ink) => {
            setInked(ink);
            if (ink) setAskInk(false);
          }}
        />
      </div>
      {askInk && !inked && (
        <p className="notice" data-testid="sign-empty" role="status">
          {tr('sign.empty')}
        </p>
      )}
      <div className="sign-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="sign-clear"
          disabled={busy}
          onClick={() => pad.current?.clear()}
        >
          {tr('sign.clear')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="sign-submit"
          data-main-action
          disabled={busy}
          onClick={() => {
            const strokes = pad.current?.strokes();
            if (strokes) send({ type: 'sign-submit', strokes });
            else {
              setAskInk(true);
              speak(tr('sign.empty'));
            }
          }}
        >
          {review.sending ? tr('review.sending') : tr('sign.submit')}
        </button>
      </div>
    </section>
  );
}
