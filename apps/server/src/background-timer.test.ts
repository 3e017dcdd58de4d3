import type { FastifyBaseLogger } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundTimer } from './background-timer';

describe('background timer', () => {
  const errors: [unknown, string][] = [];
  const log = { error: (object: unknown, message: string) => errors.push([object, message]) } as unknown as FastifyBaseLogger;
  beforeEach(() => {
    vi.useFakeTimers();
    errors.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never overlaps a pass still running, and runs again on the first tick after it ends', async () => {
    let finish = () => {};
    let passes = 0;
    const timer = startBackgroundTimer('test pass', 1_000, log, () => {
      passes += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    await vi.advanceTimersByTimeAsync(3_500);
    expect(passes).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(passes).toBe(2);
    finish();
    await timer.stop();
  });

  it('logs a failed pass under its name and tries again on the next tick', async () => {
    let passes = 0;
    const timer = startBackgroundTimer('test pass', 1_000, log, async () => {
      passes += 1;
      throw new Error('boom');
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(passes).toBe(2);
    expect(errors.map(([, message]) => message)).toEqual(['test pass failed', 'test pass failed']);
    await timer.stop();
  });

  it('stops ticking and waits for the pass under way', async () => {
    let finish = () => {};
    let finished = false;
    let passes = 0;
    const timer = startBackgroundTimer('test pass', 1_000, log, async () => {
      passes += 1;
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      finished = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    const stopped = timer.stop();
    finish();
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(passes).toBe(1);
  });
});
