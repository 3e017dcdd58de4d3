/**
 * The demo company's management loop (issue 18 §3, §5, §7): in the showcase project, a quarter's SMART
 * targets (inspection score and 满意率) committed in public by the manager and decomposed to two teams
 * each, with the basis said; key actions claimed and done with their effect, one still unclaimed and one
 * overdue; a town hall with its ORID review and 5-3-1 wrap-up; staff questions for the weekly meeting.
 */
import { addLocalDays, shanghaiDate } from '@manyi/core';
import { actionPlans, meetingQuestions, planMeetings, targets, type Transaction } from '@manyi/db';
import { uuidv7 } from 'uuidv7';

const dayMs = 24 * 3600 * 1000;
export type PlanPeople = { projectId: string; managerId: string; stewardId: string; cleaningId: string; securityId: string; engineeringId: string };

export async function seedPlans(tx: Transaction, tenantId: string, people: PlanPeople, now: Date) {
  const today = shanghaiDate(now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarter = Math.floor((month - 1) / 3);
  const periodStart = new Date(Date.UTC(year, quarter * 3, 1));
  const periodEnd = new Date(Date.UTC(year, quarter * 3 + 3, 1));
  const startedAt = new Date(periodStart.getTime() + 2 * dayMs);
  const { projectId } = people;
  const target = (fields: Partial<typeof targets.$inferInsert> & Pick<typeof targets.$inferInsert, 'metric' | 'scopeKind' | 'value'>) => ({
    id: uuidv7(),
    tenantId,
    projectId,
    periodStart,
    periodEnd,
    createdById: people.managerId,
    createdAt: startedAt,
    ...fields,
  });
  const inspection = target({
    metric: 'inspection_score',
    scopeKind: 'project',
    value: 90,
    baseline: 86,
    basis: 'weights',
    commitment: '本季度巡检得分提升到 90 分，保洁、秩序两个班组全力以赴',
    committedAt: startedAt,
    committedById: people.managerId,
  });
  const satisfaction = target({
    metric: 'satisfaction',
    scopeKind: 'project',
    value: 88,
    baseline: 84,
    basis: 'sample',
    commitment: '年底满意率调查达到 88%，每位管家负责到户',
    committedAt: startedAt,
    committedById: people.managerId,
  });
  const cleaning = target({ parentId: inspection.id, metric: 'inspection_score', scopeKind: 'team', post: 'cleaning', value: 91, baseline: 86, weight: 1 });
  const security = target({ parentId: inspection.id, metric: 'inspection_score', scopeKind: 'team', post: 'security', value: 89, baseline: 86, weight: 1 });
  // Sample sizes of last wave's answers per team's buildings: (89 × 300 + 86 × 150) ÷ 450 = 88.
  const stewards = target({ parentId: satisfaction.id, metric: 'satisfaction', scopeKind: 'team', post: 'steward', value: 89, baseline: 84, weight: 300 });
  const engineering = target({
    parentId: satisfaction.id,
    metric: 'satisfaction',
    scopeKind: 'team',
    post: 'engineering',
    value: 86,
    baseline: 84,
    weight: 150,
  });
  const targetRows = [inspection, satisfaction, cleaning, security, stewards, engineering];
  await tx.insert(targets).values(targetRows);

  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * dayMs);
  const action = (fields: Partial<typeof actionPlans.$inferInsert> & Pick<typeof actionPlans.$inferInsert, 'title' | 'post' | 'dueOn' | 'status'>) => ({
    id: uuidv7(),
    tenantId,
    projectId,
    createdById: people.managerId,
    createdAt: at(40),
    updatedAt: at(40),
    ...fields,
  });
  const actionRows = [
    action({
      title: '大堂及电梯厅每两小时巡检保洁，拍照上传',
      post: 'cleaning',
      targetId: cleaning.id,
      status: 'done',
      ownerId: people.cleaningId,
      claimedAt: at(39),
      dueOn: addLocalDays(today, -10),
      doneAt: at(12),
      evidence: '11 月起执行，巡检扣分由 7 项降到 2 项',
      metricBefore: 85.5,
      metricAfter: 89.2,
    }),
    action({
      title: '破损垃圾桶当日更换，建立台账',
      post: 'cleaning',
      targetId: cleaning.id,
      status: 'claimed',
      ownerId: people.cleaningId,
      claimedAt: at(30),
      dueOn: addLocalDays(today, 10),
      metricBefore: 85.5,
    }),
    action({
      title: '岗亭交接班与着装规范每日抽查',
      post: 'security',
      targetId: security.id,
      status: 'done',
      ownerId: people.securityId,
      claimedAt: at(38),
      dueOn: addLocalDays(today, -5),
      doneAt: at(8),
      evidence: '每日抽查 30 次，着装不规范 0 次',
      metricBefore: 86.4,
      metricAfter: 88.1,
    }),
    action({
      title: '夜间巡逻记录电子化',
      post: 'security',
      targetId: security.id,
      status: 'claimed',
      ownerId: people.securityId,
      claimedAt: at(35),
      dueOn: addLocalDays(today, -3),
      metricBefore: 86.4,
    }),
    action({
      title: '每位管家每月上门拜访 20 户并记录诉求',
      post: 'steward',
      targetId: stewards.id,
      status: 'done',
      ownerId: people.stewardId,
      claimedAt: at(37),
      dueOn: addLocalDays(today, -2),
      doneAt: at(3),
      evidence: '拜访 63 户，收集诉求 41 条，当场解决 29 条',
      metricBefore: 84.1,
      metricAfter: 86.3,
    }),
    action({
      title: '地库漏水点排查与维修公示',
      post: 'engineering',
      targetId: engineering.id,
      gapKey: `${projectId}:${year}-Q${quarter + 1}:4`,
      status: 'open',
      dueOn: addLocalDays(today, 14),
    }),
  ];
  await tx.insert(actionPlans).values(actionRows);

  const heldOn = addLocalDays(today, -14);
  await tx.insert(planMeetings).values([
    {
      id: uuidv7(),
      tenantId,
      projectId,
      kind: 'town_hall',
      title: `${year} 年第 ${quarter + 1} 季度城镇会议`,
      heldOn,
      orid: {
        objective: '本季度巡检扣分 12 项，其中保洁 7 项、秩序 3 项；满意率调查 84%，“公共区域卫生”得分最低。',
        reflective: '保洁班组觉得委屈，认为人手不足；管家们着急，业主反映的问题重复出现。',
        interpretive: '问题不在人手，而在标准没讲清、复查不及时；业主看不到我们做了什么。',
        decisional: '两小时巡检并拍照、破损当日更换、管家每月上门 20 户，下次城镇会议逐项通报。',
      },
      wrapUp: {
        takeaways: ['目标要能衡量', '承诺要当众说出', '行动要有人认领', '复盘从事实开始', '让业主看见我们的工作'],
        tools: ['SMART 目标', 'ORID 复盘', '5 GAP 差距分析'],
        action: '明天晨会公布各班组目标和认领的行动',
      },
      createdById: people.managerId,
      createdAt: at(14),
      updatedAt: at(14),
    },
  ]);
  await tx.insert(meetingQuestions).values([
    {
      id: uuidv7(),
      tenantId,
      projectId,
      askedById: people.stewardId,
      question: '业主拒绝办理装修登记，坚持先施工，怎么处理？',
      answer: '先上门讲清登记是为了保护相邻业主和管线安全，再约定补办时间；措施讲清理由，业主更容易接受。',
      answeredById: people.managerId,
      answeredAt: at(2),
      createdAt: at(4),
    },
    { id: uuidv7(), tenantId, projectId, askedById: people.cleaningId, question: '雨天大堂地面湿滑，防滑垫不够用，能否增加？', createdAt: at(1) },
  ]);
  return { targets: targetRows.length, actions: actionRows.length, meetings: 1 };
}
