import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber, ticketNumberPrefixes } from './ticket-number';

describe('formatTicketNumber', () => {
  it('formats the DESIGN example', () => {
    expect(formatTicketNumber('repair', new Date('2026-11-23T02:00:00Z'), 7)).toBe('BX-20261123-0007');
  });

  it('uses the Shanghai date: 23:30 local on the 22nd is still the 22nd, 00:30 local is the 23rd', () => {
    expect(formatTicketNumber('complaint', new Date('2026-11-22T15:30:00Z'), 1)).toBe('TS-20261122-0001');
    expect(formatTicketNumber('complaint', new Date('2026-11-22T16:30:00Z'), 1)).toBe('TS-20261123-0001');
  });

  it('has a distinct prefix for every type', () => {
    expect(new Set(Object.values(ticketNumberPrefixes)).size).toBe(6);
    expect(formatTicketNumber('common_area', new Date('2026-01-01T00:00:00Z'), 12)).toBe('GQ-20260101-0012');
  });

  it('widens beyond 9999 and refuses sequences below 1', () => {
    expect(formatTicketNumber('inquiry', new Date('2026-11-23T02:00:00Z'), 12345)).toBe('ZX-20261123-12345');
    expect(() => formatTicketNumber('inquiry', new Date('2026-11-23T02:00:00Z'), 0)).toThrow(RangeError);
    expect(() => formatTicketNumber('inquiry', new Date('2026-11-23T02:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('parseTicketNumber', () => {
  it('reads what people type', () => {
    expect(parseTicketNumber('BX-20261123-0007')).toEqual({ type: 'repair', date: '20261123', sequence: 7 });
    expect(parseTicketNumber(' by202611230012 ')).toEqual({ type: 'praise', date: '20261123', sequence: 12 });
  });

  it.each(['XX-20261123-0007', 'BX-20260230-0001', 'BX-20261123-0000', 'BX-2026112-0001', ''])('rejects %j', (text) => {
    expect(parseTicketNumber(text)).toBeNull();
  });
});
