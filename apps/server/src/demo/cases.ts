/**
 * The demo company's case library (案例金典, issue 18 §6): the server's drafting pass turns every closed complaint
 * into a draft, as its first SLA sweep would; in the showcase project the quality department has written the cause
 * and the lesson of the three latest story complaints and published them, and put the newest on the weekly meeting.
 */
import { cases, tickets, type Transaction } from '@manyi/db';
import type { CaseContent } from '@manyi/core';
import { and, desc, eq, notLike } from 'drizzle-orm';
import { draftClosedComplaintCases } from '../cases/drafting';

/** What the editor wrote, by the complaint's category; the draft already holds what happened (core draftCase). */
const writeUps: Record<string, { cause: string; lesson: string }> = {
  'service.attitude': {
    cause: '前台在业主情绪激动时先解释制度，没有先接住情绪，业主觉得被敷衍（红线：质疑、推诿）。',
    lesson: '先倾听、再复述、后方案：CLEAR 的 C 和 L 做足，再说明能做什么、什么时候做到；不说“这不归我们管”。',
  },
  'environment.garbage': {
    cause: '垃圾清运时间与业主出行高峰重叠，保洁巡查表没有覆盖周末午后。',
    lesson: '把投诉高发时段写进保洁巡查表；整改后三天内回访业主，确认问题确实解决（峰终定律：结尾要好）。',
  },
  'renovation.noise': {
    cause: '装修备案时没有把作业时间告知同楼层住户，秩序巡查晚于投诉。',
    lesson: '装修开工前张贴告示并私信同楼层住户；超时作业立即制止，并把处理结果主动告诉投诉的业主。',
  },
  'service.broken_promise': {
    cause: '承诺的上门时间改了一次，没有在约定时间前告知业主。',
    lesson: '承诺前先确认资源，改约必须在约定时间前告知并给出新的时间（5 GAP 之差距 4：承诺与交付）。',
  },
  'fees.property_fee': {
    cause: '业主对公共收益去向不清楚，把不满转到物业费上。',
    lesson: '每季度公示公共收益和支出明细；催缴前先看这户有没有未解决的报修和投诉。',
  },
};
const generic = {
  cause: '首次接待没有给出明确的处理时限，业主反复来电才得到答复。',
  lesson: '首问负责：第一位接待的人跟到底，每次沟通都给出下一步和时间。',
};

export async function seedCases(
  tx: Transaction,
  tenantId: string,
  projectId: string,
  editorId: string,
  now: Date,
): Promise<{ drafts: number; published: number }> {
  const drafts = await draftClosedComplaintCases(tx, now, tenantId, 100_000);
  // The story complaints of the showcase project, newest closed first (the year's history is numbered LS-…).
  const latest = await tx
    .select({ id: cases.id, content: cases.content, categoryCode: cases.categoryCode })
    .from(cases)
    .innerJoin(tickets, and(eq(tickets.tenantId, cases.tenantId), eq(tickets.id, cases.ticketId)))
    .where(and(eq(cases.tenantId, tenantId), eq(cases.projectId, projectId), notLike(tickets.number, 'LS-%')))
    .orderBy(desc(tickets.closedAt))
    .limit(3);
  for (const [index, row] of latest.entries()) {
    const publishedAt = new Date(now.getTime() - (index + 1) * 86_400_000);
    await tx
      .update(cases)
      .set({
        status: 'published',
        content: { ...(row.content as CaseContent), ...(writeUps[row.categoryCode ?? ''] ?? generic) },
        publishedAt,
        publishedById: editorId,
        updatedAt: publishedAt,
        ...(index === 0 && { meetingFlaggedAt: publishedAt, meetingFlaggedById: editorId }),
      })
      .where(and(eq(cases.tenantId, tenantId), eq(cases.id, row.id)));
  }
  return { drafts, published: latest.length };
}
