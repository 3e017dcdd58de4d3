import { addLocalDays, shanghaiDate, shanghaiMidnight, staffPosts, widenedGaps } from '@manyi/core';
import type { agenda } from '@manyi/contracts/meetings';
import type { z } from 'zod';
import { actionsOf } from '../actions/service';
import type { ReportSection, ReportWeek } from '../analytics/report-sections';
import { gapWorkspaceOf } from '../gaps/service';
import type { Context } from '../http/context';
import { can } from '../policy/policy';
import { projectTargets } from '../targets/service';
import { flaggedCases, questionsOf } from './repository';
import { presentQuestions, requireOwnProject } from './service';

type Agenda = z.output<typeof agenda>;

const gapNames: Record<number, string> = { 1: '认知差距', 2: '标准差距', 3: '传递差距', 4: '沟通差距', 5: '感知差距' };

/** The project's gaps that widened this quarter against the last (core widenedGaps); null when the reader may not see gaps. */
async function gapsWidenedOf(context: Context, projectId: string): Promise<Agenda['gapsWidened']> {
  if (!can(context.principal, 'gap.read')) return null;
  const workspace = await gapWorkspaceOf(context, { projectId });
  return widenedGaps(workspace.gaps).map((gap) => ({
    gap: gap.gap,
    gapKey: gap.key,
    label: `差距 ${gap.gap} · ${gapNames[gap.gap]}`,
    before: gap.before,
    now: gap.now,
    change: gap.change,
  }));
}

/**
 * The weekly meeting's agenda (周例会, issue 18 §7; seed 002 "发挥周例会的重要培训作用 … 由各位提出问题"),
 * assembled from data for [from, until) (Shanghai days): targets off track, gaps that widened, overdue
 * actions, cases flagged for the meeting in the week, and staff questions (unanswered, or asked in the week).
 */
export async function agendaOf(context: Context, projectId: string, week?: { from: string; until: string }): Promise<Agenda> {
  const name = await requireOwnProject(context, projectId);
  const today = shanghaiDate(context.clock.now());
  const span = week ?? { from: addLocalDays(today, -6), until: addLocalDays(today, 1) };
  const [targets, overdue, cases, questions, gaps] = await Promise.all([
    projectTargets(context, projectId),
    actionsOf(context, { projectIds: [projectId], overdueBefore: span.until < today ? span.until : today }),
    flaggedCases(context.db, context.principal.tenantId, projectId, shanghaiMidnight(span.from), shanghaiMidnight(span.until)),
    questionsOf(context.db, context.principal.tenantId, [projectId], shanghaiMidnight(span.from)),
    gapsWidenedOf(context, projectId),
  ]);
  return {
    projectId,
    projectName: name,
    targetsOffTrack: targets.filter((target) => target.onTrack === false),
    gapsWidened: gaps,
    overdueActions: overdue,
    newCases: cases.map((row) => ({ id: row.id, title: row.title, status: row.status, flaggedAt: row.flaggedAt! })),
    questions: await presentQuestions(context, questions),
  };
}

const metricNames: Record<string, string> = {
  satisfaction: '满意率',
  nps: 'NPS',
  weighted_index: '加权满意指数',
  sla: 'SLA 达成率',
  fee_collection: '收缴率',
  complaints_per_1000: '千户投诉',
  red_line_rate: '红线率',
  inspection_score: '巡检得分',
};
const postName = (post: string | null) => (post ? (staffPosts.labels[post as keyof typeof staffPosts.labels]?.['zh-CN'] ?? post) : '全项目');

/** The agenda as sections of the analytics weekly report (PDF and .xlsx). */
export async function agendaSections(context: Context, week: ReportWeek): Promise<ReportSection[]> {
  const item = await agendaOf(context, week.projectId, { from: week.from, until: week.until });
  const sections: ReportSection[] = [
    {
      heading: '周例会议程',
      tiles: [
        ['偏离目标', String(item.targetsOffTrack.length)],
        ['逾期行动', String(item.overdueActions.length)],
        ['上会案例', String(item.newCases.length)],
        ['员工提问', String(item.questions.length)],
      ],
    },
  ];
  if (item.targetsOffTrack.length > 0)
    sections.push({
      heading: '议题一：偏离进度的目标',
      table: {
        columns: ['范围', '指标', '目标值', '当前值', '进度'],
        rows: item.targetsOffTrack.map((target) => [
          target.scopeName,
          metricNames[target.metric] ?? target.metric,
          target.value,
          target.actual ?? '—',
          target.progress === null ? '—' : `${Math.round(target.progress * 100)}%`,
        ]),
      },
    });
  if (item.gapsWidened && item.gapsWidened.length > 0)
    sections.push({
      heading: '议题二：扩大的服务差距',
      table: { columns: ['差距', '上期', '本期', '变化'], rows: item.gapsWidened.map((gap) => [gap.label, gap.before, gap.now, gap.change]) },
    });
  if (item.overdueActions.length > 0)
    sections.push({
      heading: '议题三：逾期的关键行动',
      table: {
        columns: ['行动', '班组', '负责人', '期限'],
        rows: item.overdueActions.map((action) => [action.title, postName(action.post), action.ownerName ?? '未认领', action.dueOn]),
      },
    });
  if (item.newCases.length > 0)
    sections.push({
      heading: '议题四：本周案例研讨',
      table: { columns: ['案例', '状态'], rows: item.newCases.map((row) => [row.title, row.status === 'published' ? '已发布' : '草稿']) },
    });
  if (item.questions.length > 0)
    sections.push({
      heading: '议题五：员工提问',
      table: {
        columns: ['问题', '提问人', '措施与理由'],
        rows: item.questions.map((question) => [question.question, question.askedByName, question.answer ?? '待答复']),
      },
    });
  return sections;
}
