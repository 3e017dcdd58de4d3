/**
 * The demo company's quality inspections (品质巡检, issue 18 §1): a quarter of monthly rounds by the
 * quality department in every project for cleaning, security and engineering, scored from the
 * SERVQUAL checklists (core checklistForPost); a deducted item has its rectification — closed after
 * 复查 for older rounds, open for the last month, one of them already overdue.
 */
import { checklistForPost, indicatorTemplate, inspectionScore } from '@manyi/core';
import { inspectionItems, inspectionRounds, rectifications, type Transaction } from '@manyi/db';
import { uuidv7 } from 'uuidv7';
import { seededRandom } from './random';
import type { StaffRows } from './staff';

const day = 24 * 3600 * 1000;
const findings: { [post: string]: string[] } = {
  cleaning: ['大堂地面有水渍未及时清理', '垃圾桶周边有散落垃圾', '楼梯扶手有积尘'],
  security: ['岗亭人员未按规范着装', '夜间巡逻记录缺漏', '访客登记不完整'],
  engineering: ['地库照明有两处灯具不亮', '消防通道指示灯损坏', '水泵房设备台账未更新'],
};

export async function seedInspections(tx: Transaction, tenantId: string, projectIds: string[], staff: StaffRows, now: Date) {
  const random = seededRandom(18);
  const roots = indicatorTemplate('servqual-property')!.roots;
  const inspector = staff.staff.find((row) => (row.roles as string[]).includes('quality'))!;
  const servedBy = (post: string, projectId: string) =>
    staff.staff.find((row) => row.post === post && staff.assignments.some((item) => item.staffId === row.id && item.projectId === projectId))?.id ?? null;
  const rounds: (typeof inspectionRounds.$inferInsert)[] = [];
  const items: (typeof inspectionItems.$inferInsert)[] = [];
  const fixes: (typeof rectifications.$inferInsert)[] = [];
  for (const [projectIndex, projectId] of projectIds.entries()) {
    for (const post of ['cleaning', 'security', 'engineering']) {
      const checklist = checklistForPost(roots, post);
      for (const monthsAgo of [2, 1, 0]) {
        const submittedAt = new Date(now.getTime() - (monthsAgo * 30 + random.int(3, 12)) * day);
        const id = uuidv7();
        // Later projects in the list do a little worse, so rankings have something to show.
        const failShare = 0.15 + projectIndex * 0.05;
        const checked = checklist.map((item, position) => {
          const failed = random.chance(failShare);
          const deduction = failed ? Math.min(item.points, Math.max(1, Math.round((item.points * random.int(10, 40)) / 10) / 10)) : 0;
          return { item, position, failed, deduction, itemId: uuidv7() };
        });
        const score = inspectionScore(
          checked.map((entry) => ({ points: entry.item.points, result: entry.failed ? 'deduct' : 'pass', deduction: entry.deduction })),
        );
        rounds.push({
          id,
          tenantId,
          projectId,
          post,
          kind: monthsAgo === 1 ? 'ad_hoc' : 'scheduled',
          status: 'submitted',
          scheduledFor: monthsAgo === 1 ? null : new Date(submittedAt.getTime() - day),
          inspectorId: inspector.id,
          location: post === 'engineering' ? '地下车库及设备房' : post === 'security' ? '南门岗亭' : '1栋大堂',
          score,
          startedAt: new Date(submittedAt.getTime() - 3600 * 1000),
          submittedAt,
          createdById: inspector.id,
          createdAt: new Date(submittedAt.getTime() - 2 * day),
          updatedAt: submittedAt,
        });
        for (const entry of checked) {
          items.push({
            id: entry.itemId,
            tenantId,
            roundId: id,
            projectId,
            position: entry.position,
            indicatorCode: entry.item.indicatorCode,
            dimensionCode: entry.item.dimensionCode,
            nameZh: entry.item.name['zh-CN'],
            nameEn: entry.item.name['en-US'] ?? '',
            dimensionZh: entry.item.dimensionName['zh-CN'],
            dimensionEn: entry.item.dimensionName['en-US'] ?? '',
            points: entry.item.points,
            result: entry.failed ? 'deduct' : 'pass',
            deduction: entry.deduction,
            bonus: !entry.failed && random.chance(0.05) ? 2 : 0,
            note: entry.failed ? random.pick(findings[post]!) : '',
            responsibleStaffId: entry.failed ? servedBy(post, projectId) : null,
            updatedAt: submittedAt,
          });
          if (!entry.failed) continue;
          const dueAt = new Date(submittedAt.getTime() + 3 * day);
          const closed = monthsAgo > 0;
          const fixed = !closed && random.chance(0.5);
          fixes.push({
            tenantId,
            projectId,
            post,
            roundId: id,
            itemId: entry.itemId,
            status: closed ? 'closed' : fixed ? 'fixed' : 'open',
            dueAt,
            fixNote: closed || fixed ? '已整改完毕并拍照留存' : '',
            fixedAt: closed || fixed ? new Date(Math.min(dueAt.getTime() - day, now.getTime())) : null,
            reInspectionCount: closed ? 1 : 0,
            reInspectedAt: closed ? dueAt : null,
            reInspectedById: closed ? inspector.id : null,
            reInspectionNote: closed ? '复查合格' : '',
            closedAt: closed ? dueAt : null,
            createdAt: submittedAt,
            updatedAt: closed ? dueAt : submittedAt,
          });
        }
      }
    }
  }
  await tx.insert(inspectionRounds).values(rounds);
  for (let start = 0; start < items.length; start += 500) await tx.insert(inspectionItems).values(items.slice(start, start + 500));
  if (fixes.length > 0) await tx.insert(rectifications).values(fixes);
  return { rounds: rounds.length, rectifications: fixes.length };
}
