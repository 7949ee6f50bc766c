/**
 * A small React wrapper around signature_pad 5: a canvas sized to its box in CSS pixels (sharp on
 * any pixel ratio), the pad's pointer handling, and two imperative calls: clear, and the strokes
 * for the protocol (case/signature-strokes.ts). `onInk` reports whether anything is drawn.
 */
import { useEffect, useImperativeHandle, useRef } from 'react';
import type { Ref } from 'react';
import SignaturePadLib from 'signature_pad';
import type { SignatureStrokes } from '@rvw/shared';
import { toSignatureStrokes } from './signature-strokes';

/** What the signature screen may ask of the pad. */
export interface SignaturePadHandle {
  clear(): void;
  /** The strokes drawn, with the canvas's CSS size; null when nothing is drawn. */
  strokes(): SignatureStrokes | null;
}

/** The label for screen readers, whether anything is drawn, and the handle. */
export interface SignaturePadProps {
  label: string;
  onInk: (inked: boolean) => void;
  ref?: Ref<SignaturePadHandle>;
}

/** The canvas (test id `signature-canvas`). */
export function SignaturePad({ label, onInk, ref }: SignaturePadProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadLib | null>(null);
  const inkRef = useRef(onInk);
  inkRef.current = onInk;

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePadLib(canvas, {
      minWidth: 2.5,
      maxWidth: 6,
      penColor: '#111111',
      backgroundColor: 'rgba(0, 0, 0, 0)',
    });
    padRef.current = pad;
    // The drawing buffer follows the box; what was drawn is redrawn at the new size.
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.toData();
      canvas.width = Math.round(canvas.offsetWidth * ratio);
      canvas.height = Math.round(canvas.offsetHeight * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.fromData(data);
    };
    fit();
    const resized = new ResizeObserver(fit);
    resized.observe(canvas);
    const ended = () => inkRef.current(!pad.isEmpty());
    pad.addEventListener('endStroke', ended);
    return () => {
      resized.disconnect();
      pad.removeEventListener('endStroke', ended);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      clear() {
        padRef.current?.clear();
        inkRef.current(false);
      },
      strokes() {
        const pad = padRef.current;
        const canvas = canvasRef.current;
        if (!pad || !canvas) return null;
        return toSignatureStrokes(pad.toData(), { width: canvas.offsetWidth, height: canvas.offsetHeight });
      },
    }),
    [],
  );

  return (
    <canvas ref={canvasRef} className="signature-canvas" data-testid="signature-canvas" aria-label={label} />
  );
}
