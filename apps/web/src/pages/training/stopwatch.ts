import { useEffect, useRef } from 'react';

/** Seconds since the page (or the last submission) opened: the learning record counts time spent. */
export function useStopwatch() {
  const started = useRef(0);
  useEffect(() => {
    started.current = Date.now();
  }, []);
  return () => {
    const seconds = Math.min(4 * 3600, Math.round((Date.now() - started.current) / 1000));
    started.current = Date.now();
    return seconds;
  };
}
