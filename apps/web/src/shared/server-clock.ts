/**
 * How far the server's clock is ahead of this browser's. Countdowns compare deadlines the server
 * computed with "now"; a browser clock that is off (or a test clock on the server) would otherwise
 * show time left on a deadline the server already counts as missed.
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Called with a server timestamp that was "now" when the response was made (e.g. stats `asOf`). */
export function noteServerTime(serverNow: string): void {
  const server = Date.parse(serverNow);
  if (Number.isNaN(server)) return;
  const next = server - Date.now();
  // Network latency moves the figure by a few hundred milliseconds; only a real change is news.
  if (Math.abs(next - offsetMs) < 5_000) return;
  offsetMs = next;
  listeners.forEach((listener) => listener());
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Called whenever the offset changes; returns the unsubscribe. */
export function onServerClockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
