import { describe, expect, it } from 'vitest';
import { type DetectionTicket, ageingBucket, ageingReport, detectRepeatIssue, findGroupComplaints } from './detection';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const base = new Date('2026-11-01T00:00:00Z').getTime();

function ticket(id: string, overrides: Partial<DetectionTicket> = {}): DetectionTicket {
  return {
    id,
    type: 'complaint',
    status: 'accepted',
    projectId: 'project-1',
    unitId: 'unit-1',
    householdId: 'household-1',
    categoryCode: 'engineering.leak',
    reportedAt: new Date(base),
    reopenCount: 0,
    ...overrides,
  };
}

describe('detectRepeatIssue', () => {
  it('finds the same unit and category within 30 days (seed 001 案例一, the garage leak)', () => {
    const current = ticket('t3', { reportedAt: new Date(base + 40 * day) });
    const history = [
      ticket('t1', { reportedAt: new Date(base) }), // 40 days earlier: outside the window
      ticket('t2', { reportedAt: new Date(base + 15 * day) }),
      ticket('t4', { reportedAt: new Date(base + 20 * day), categoryCode: 'environment.cleaning' }),
      ticket('t5', { reportedAt: new Date(base + 20 * day), unitId: 'unit-2' }),
      ticket('t6', { reportedAt: new Date(base + 25 * day), status: 'cancelled' }),
    ];
    expect(detectRepeatIssue(current, [...history, current])).toEqual({ isRepeat: true, reasons: ['same_unit_and_category'], earlierTicketIds: ['t2'] });
  });

  it('counts a reopened ticket as a repeat issue', () => {
    expect(detectRepeatIssue(ticket('t1', { reopenCount: 1 }), [])).toEqual({ isRepeat: true, reasons: ['reopened'], earlierTicketIds: [] });
  });

  it('takes the window as a parameter and ignores tickets without a unit', () => {
    const current = ticket('t2', { reportedAt: new Date(base + 10 * day) });
    expect(detectRepeatIssue(current, [ticket('t1')], 7).isRepeat).toBe(false);
    expect(detectRepeatIssue({ ...current, unitId: null }, [ticket('t1', { unitId: null })]).isRepeat).toBe(false);
  });
});

describe('findGroupComplaints', () => {
  const households = (count: number, spacingHours: number, overrides: Partial<DetectionTicket> = {}) =>
    Array.from({ length: count }, (_, index) =>
      ticket(`g${index}`, { householdId: `household-${index}`, reportedAt: new Date(base + index * spacingHours * hour), ...overrides }),
    );

  it('finds five households reporting the same leak within 24 hours', () => {
    const clusters = findGroupComplaints(households(5, 5));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.ticketIds).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    expect(clusters[0]?.householdIds).toHaveLength(5);
    expect(clusters[0]?.from).toEqual(new Date(base));
    expect(clusters[0]?.to).toEqual(new Date(base + 20 * hour));
  });

  it('needs distinct households: one angry household calling five times is not a group', () => {
    expect(findGroupComplaints(households(5, 1).map((item) => ({ ...item, householdId: 'household-1' })))).toEqual([]);
  });

  it('needs the reports close in time', () => {
    expect(findGroupComplaints(households(5, 7))).toEqual([]);
    expect(findGroupComplaints(households(5, 7), { windowHours: 28 })).toHaveLength(1);
  });

  it('merges a grievance that keeps spreading into one cluster', () => {
    const clusters = findGroupComplaints(households(10, 5), { minimumHouseholds: 3 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.ticketIds).toHaveLength(10);
  });

  it('keeps projects and categories apart, and can group by a category branch', () => {
    const mixed = households(6, 1).map((item, index) => ({
      ...item,
      projectId: index % 2 === 0 ? 'project-1' : 'project-2',
      categoryCode: index < 3 ? 'engineering.elevator.fault' : 'engineering.elevator.entrapment',
    }));
    expect(findGroupComplaints(mixed, { minimumHouseholds: 3 })).toEqual([]);
    const sameProject = mixed.map((item) => ({ ...item, projectId: 'project-1' }));
    expect(findGroupComplaints(sameProject, { minimumHouseholds: 6 })).toEqual([]);
    const byBranch = findGroupComplaints(sameProject, { minimumHouseholds: 6, categoryDepth: 2 });
    expect(byBranch).toHaveLength(1);
    expect(byBranch[0]?.categoryCode).toBe('engineering.elevator');
  });

  it('leaves out cancelled tickets and types not asked for', () => {
    const group = households(5, 1);
    expect(findGroupComplaints(group.map((item, index) => (index === 0 ? { ...item, status: 'cancelled' as const } : item)))).toEqual([]);
    expect(findGroupComplaints(group.map((item) => ({ ...item, type: 'inquiry' as const })))).toEqual([]);
    expect(findGroupComplaints(group.map((item) => ({ ...item, type: 'repair' as const })))).toHaveLength(1);
  });
});

describe('ageing', () => {
  const now = new Date(base + 40 * day);

  it.each([
    [0, 'within_3_days'],
    [3, 'within_3_days'],
    [3.5, 'over_3_days'],
    [8, 'over_7_days'],
    [16, 'over_15_days'],
    [31, 'over_30_days'],
  ])('a ticket %s days old is %s', (ageDays, bucket) => {
    expect(ageingBucket(new Date(now.getTime() - ageDays * day), now)).toBe(bucket);
  });

  it('reports only open tickets, optionally within a category branch', () => {
    const tickets = [
      ticket('old', { reportedAt: new Date(base) }),
      ticket('closed', { reportedAt: new Date(base), status: 'closed' }),
      ticket('week', { reportedAt: new Date(now.getTime() - 8 * day), categoryCode: 'order.noise', status: 'on_hold' }),
    ];
    const report = ageingReport(tickets, now);
    expect(report.over_30_days).toEqual(['old']);
    expect(report.over_7_days).toEqual(['week']);
    expect(report.within_3_days).toEqual([]);
    expect(ageingReport(tickets, now, 'order').over_30_days).toEqual([]);
  });
});
