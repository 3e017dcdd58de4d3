import { describe, expect, it } from 'vitest';
import { textLimits } from './limits';
import { clearBody } from './complaints';
import { staffBody } from './staff';
import { ticketBody } from './tickets';

describe('textLimits', () => {
  it('reads the bounds the server validates with, through optional, nullable and default', () => {
    expect(textLimits(ticketBody, 'title')).toEqual({ min: 1, max: 100 });
    expect(textLimits(ticketBody, 'description')).toEqual({ min: undefined, max: 5000 });
    expect(textLimits(ticketBody, 'reporterPhone')).toEqual({ min: undefined, max: 30 });
    expect(textLimits(clearBody, 'listenSummary').max).toBe(4000);
    expect(textLimits(staffBody, 'name').max).toBeGreaterThan(0);
  });

  it('refuses a field without a maximum', () => {
    expect(() => textLimits(ticketBody, 'projectId')).toThrow(/no maximum/);
  });
});
