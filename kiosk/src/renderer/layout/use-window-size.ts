/** The page's size in CSS pixels, following resizes (a display rotated, a window moved). */
import { useEffect, useState } from 'react';
import type { Size } from './layout';

const current = (): Size => ({ width: globalThis.innerWidth ?? 0, height: globalThis.innerHeight ?? 0 });

/** The window's inner size, updated on every resize. */
export function useWindowSize(): Size {
  const [size, setSize] = useState(current);
  useEffect(() => {
    const update = () =>
      setSize((before) => {
        const next = current();
        return next.width === before.width && next.height === before.height ? before : next;
      });
    globalThis.addEventListener('resize', update);
    update();
    return () => globalThis.removeEventListener('resize', update);
  }, []);
  return size;
}
