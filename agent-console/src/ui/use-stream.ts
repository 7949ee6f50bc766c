import { useEffect, useRef, type RefObject } from 'react';

/** A ref for a video element that shows `stream` while both exist (none shown when it is null or undefined). */
export function useStream(stream: MediaStream | null | undefined): RefObject<HTMLVideoElement | null> {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.srcObject = stream ?? null;
    return () => {
      el.srcObject = null;
    };
  }, [stream]);
  return ref;
}
