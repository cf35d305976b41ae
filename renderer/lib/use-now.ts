import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs` while the component is mounted (live durations, "5 min ago");
 * 0 = not refreshed (a call that ended keeps its duration without a timer).
 */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (everyMs <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
