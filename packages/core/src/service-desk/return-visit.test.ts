import { describe, expect, it } from 'vitest';
import { defaultReturnVisitPolicy, fnv1a32, requiresReturnVisit, sampleFraction } from './return-visit';

/** UUID-shaped ids from a fixed linear congruential generator, so the test is the same on every run. */
function ids(count: number): string[] {
  let state = 20261123;
  const hex = (digits: number) => {
    let text = '';
    for (let index = 0; index < digits; index += 1) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      text += (state >>> 28).toString(16);
    }
    return text;
  };
  return Array.from({ length: count }, () => `${hex(8)}-${hex(4)}-7${hex(3)}-8${hex(3)}-${hex(12)}`);
}

describe('fnv1a32', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('requiresReturnVisit', () => {
  const policy = { complaintShare: 1, repairShare: 0.3, otherShare: 0 };

  it('always visits complaints and reopened tickets, whatever the shares', () => {
    const none = { complaintShare: 0, repairShare: 0, otherShare: 0 };
    for (const id of ids(50)) {
      expect(requiresReturnVisit({ id, type: 'complaint', reopenCount: 0 }, none)).toBe(true);
      expect(requiresReturnVisit({ id, type: 'repair', reopenCount: 1 }, none)).toBe(true);
      expect(requiresReturnVisit({ id, type: 'inquiry', reopenCount: 2 }, none)).toBe(true);
    }
  });

  it('visits every ticket at share 1 and none at share 0', () => {
    for (const id of ids(200)) {
      expect(requiresReturnVisit({ id, type: 'repair', reopenCount: 0 }, { ...policy, repairShare: 1 })).toBe(true);
      expect(requiresReturnVisit({ id, type: 'praise', reopenCount: 0 }, policy)).toBe(false);
    }
  });

  it('by default visits every ticket, as before the policy was configurable', () => {
    for (const id of ids(100)) {
      for (const type of ['repair', 'inquiry', 'common_area'] as const)
        expect(requiresReturnVisit({ id, type, reopenCount: 0 }, defaultReturnVisitPolicy)).toBe(true);
    }
  });

  it('samples about the configured share, the same way every time for the same ticket', () => {
    const sample = ids(10_000);
    const chosen = sample.filter((id) => requiresReturnVisit({ id, type: 'repair', reopenCount: 0 }, policy));
    expect(chosen.length / sample.length).toBeGreaterThan(0.28);
    expect(chosen.length / sample.length).toBeLessThan(0.32);
    expect(sample.filter((id) => requiresReturnVisit({ id, type: 'repair', reopenCount: 0 }, policy))).toEqual(chosen);
    // A larger share keeps every ticket the smaller one chose (the sample grows, it is not redrawn).
    const wider = new Set(sample.filter((id) => requiresReturnVisit({ id, type: 'repair', reopenCount: 0 }, { ...policy, repairShare: 0.5 })));
    expect(chosen.every((id) => wider.has(id))).toBe(true);
  });

  it('places a ticket by its id alone', () => {
    const id = '019ab3c4-0000-7000-8000-000000000001';
    expect(sampleFraction(id)).toBe(fnv1a32(id) / 2 ** 32);
    expect(sampleFraction(id)).toBeGreaterThanOrEqual(0);
    expect(sampleFraction(id)).toBeLessThan(1);
  });
});
