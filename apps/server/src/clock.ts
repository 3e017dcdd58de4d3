/** All "now" in the server comes from here, so tests can move time (SLA clocks, expiries) deterministically. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until a test sets or advances it. */
export class TestClock implements Clock {
  #now: number;
  constructor(start: Date | string = '2026-11-23T02:00:00Z') {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(to: Date | string): void {
    this.#now = new Date(to).getTime();
  }
  advance(milliseconds: number): void {
    this.#now += milliseconds;
  }
}

/** Real time plus an offset that a test can move forward: for end-to-end runs where time must flow but deadlines must pass on demand. */
export class ShiftedClock implements Clock {
  #offset = 0;
  now(): Date {
    return new Date(Date.now() + this.#offset);
  }
  advance(milliseconds: number): void {
    this.#offset += milliseconds;
  }
}
