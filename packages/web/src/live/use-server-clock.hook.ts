import { useEffect, useState } from 'react';

/**
 * The server's time, re-read just after each of its whole seconds, so that every countdown on
 * the page turns over together and in step with the hall's clock.
 */
export function useServerClock(serverNow: () => number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = serverNow();
      setNow(current);
      timer = setTimeout(tick, 1_000 - (current % 1_000) + 10);
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [serverNow]);
  return now;
}
