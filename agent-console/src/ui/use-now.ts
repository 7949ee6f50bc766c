import { useEffect, useState } from 'react';

/** The local clock in ms, re-read every `intervalMs` (default 1000) so time-waited and call timers tick. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
