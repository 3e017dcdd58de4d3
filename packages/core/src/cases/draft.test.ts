import { describe, expect, it } from 'vitest';
import { caseOutcome, draftCase, type ClosedComplaint } from './draft';

const complaint: ClosedComplaint = {
  title: '车库漏水三个月未处理',
  description: '我反映了好几个月了，车天天被水滴着',
  categoryName: '漏水渗水',
  householdLabel: '3栋2单元1201',
  reportedAt: new Date('2026-11-01T02:00:00Z'),
  closedAt: new Date('2026-11-04T02:00:00Z'),
  reopenCount: 0,
  clear: {
    controlNote: '先请业主坐下',
    listenSummary: '复述：车位上方漏水',
    empathyStatement: '换作是我也会着急',
    apology: '是我们跟进不到位',
    resolvePlan: '当天关阀，次日换接口',
  },
  recovery: { emotionalRecovery: '经理上门致歉', problemRecovery: '车库管线纳入周巡检' },
  visit: { csat: 5, comment: '这次很快' },
  ownerStyle: 'tiger',
};

describe('case drafts from closed complaints', () => {
  it('takes the owner’s words, the CLEAR steps, the recovery and the result from the records, leaving cause and lesson to a person', () => {
    const draft = draftCase(complaint);
    expect(draft.outcome).toBe('satisfied');
    expect(draft.content).toMatchObject({
      background: '3栋2单元1201，漏水渗水。业主反映：车库漏水三个月未处理。',
      ownerWords: '我反映了好几个月了，车天天被水滴着',
      clear: { listen: '复述：车位上方漏水', resolve: '当天关阀，次日换接口' },
      recovery: '经理上门致歉；车库管线纳入周巡检',
      result: '3 天办结，业主满意（回访满意度 5 分）：这次很快。',
      cause: '',
      lesson: '',
    });
  });

  it('judges the outcome by reopening first, then the rating', () => {
    expect(caseOutcome({ reopenCount: 1, visit: { csat: 5, comment: '' } })).toBe('reopened');
    expect(caseOutcome({ reopenCount: 0, visit: { csat: 2, comment: '' } })).toBe('unsatisfied');
    expect(caseOutcome({ reopenCount: 0, visit: { csat: 3, comment: '' } })).toBe('accepted');
    expect(caseOutcome({ reopenCount: 0, visit: null })).toBe('accepted');
  });
});
