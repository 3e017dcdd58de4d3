import { useEffect, useState } from 'react';
import { onServerClockChange, serverNow } from './server-clock';

/** The current time on the server's clock, refreshed every `intervalMs`: countdowns move without refetching anything. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), intervalMs);
    const unsubscribe = onServerClockChange(() => setNow(serverNow()));
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [intervalMs]);
  return now;
}
