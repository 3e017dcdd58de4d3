import { qaScore } from '@manyi/text';
import { validateCompanyAdditions } from '@manyi/text';
import {
  rubricItems,
  type calibration,
  type checkResult,
  type findingQuery,
  type findingReview,
  type reviewBody,
  type reviewQueueItem,
  type scorecard,
  type scorecardQuery,
  type storedFinding,
} from '@manyi/contracts/text-qa';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { mergeSettingsData } from '../company-settings/repository';
import { settingsChanged } from '../company-version/cache';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { messages } from '../http/messages';
import { requirePermission } from '../policy/policy';
import { readTextAdditions } from './config';
import { readSampling } from './sampling';
import type { QaSampling } from '@manyi/contracts/text-qa';
import { presentCheck, presentFinding } from './presenter';
import { checkWithCompanyRules } from './record';
import {
  allReviews,
  findFinding,
  findQaText,
  listFindings,
  monthlyScores,
  redLineCounts,
  reviewQueue,
  reviewsOf,
  scoreGroups,
  updateFinding,
  upsertReview,
} from './repository';

/** The typing check: nothing is stored; any staff member writing to an owner may ask. */
export async function checkText(context: Context, text: string): Promise<z.output<typeof checkResult>> {
  const check = await checkWithCompanyRules(context.db, context.principal.tenantId, text);
  return presentCheck(check, qaScore(check));
}

export async function getFindings(context: Context, query: z.output<typeof findingQuery>): Promise<{ items: z.output<typeof storedFinding>[] }> {
  requirePermission(context.principal, 'text_qa.manage');
  const rows = await listFindings(context.db, context.principal.tenantId, query);
  return { items: rows.map(presentFinding) };
}

/** Accepting confirms the red line; rejecting keeps the finding as a counter-example the check then leaves alone. */
export async function reviewFinding(context: Context, id: string, input: z.output<typeof findingReview>): Promise<z.output<typeof storedFinding>> {
  requirePermission(context.principal, 'text_qa.manage');
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const before = await findFinding(tx, tenantId, id);
    if (!before) throw notFound();
    const set = { status: input.decision, reviewedById: context.principal.staffId, reviewedAt: context.clock.now(), reviewNote: input.note ?? null };
    await updateFinding(tx, tenantId, id, set);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'qa_finding',
      entityId: id,
      summary: `${input.decision === 'accepted' ? '确认' : '驳回'}质检发现「${before.excerpt}」`,
      before: { status: before.status },
      after: { status: input.decision, note: input.note ?? null },
    });
  });
  const [row] = (await listFindings(context.db, tenantId, { limit: 200 })).filter((item) => item.id === id);
  if (!row) throw notFound();
  return presentFinding(row);
}

export async function getRules(context: Context): Promise<{ additions: Record<string, unknown> }> {
  requirePermission(context.principal, 'text_qa.manage');
  return { additions: await readTextAdditions(context.db, context.principal.tenantId) };
}

/** The company's additions replace the stored ones as a whole; a broken regex or malformed rule is refused with the reason per field. */
export async function saveRules(context: Context, input: { additions: Record<string, unknown> }): Promise<{ additions: Record<string, unknown> }> {
  requirePermission(context.principal, 'text_qa.manage');
  const checked = validateCompanyAdditions(input.additions);
  if (!checked.ok)
    throw new HttpProblem(
      422,
      'validation',
      messages.validation,
      checked.issues.map((issue) => ({ field: issue.path ? `additions.${issue.path}` : 'additions', messages: issue.messages })),
    );
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const before = await readTextAdditions(tx, tenantId);
    await mergeSettingsData(tx, tenantId, { textQa: checked.value }, context.clock.now());
    await settingsChanged(tx, tenantId);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'tenant_settings',
      entityId: tenantId,
      summary: '修改沟通质检规则',
      before,
      after: checked.value,
    });
  });
  return getRules(context);
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

export async function getScorecard(context: Context, query: z.output<typeof scorecardQuery>): Promise<z.output<typeof scorecard>> {
  requirePermission(context.principal, 'text_qa.manage');
  const tenantId = context.principal.tenantId;
  const range = {
    from: query.from ? shanghaiMidnight(query.from) : undefined,
    to: query.to ? new Date(shanghaiMidnight(query.to).getTime() + 86_400_000) : undefined,
  };
  const [groups, counts, months] = await Promise.all([
    scoreGroups(context.db, tenantId, query.by, range),
    redLineCounts(context.db, tenantId, query.by, range),
    monthlyScores(context.db, tenantId),
  ]);
  return {
    rows: groups.map((group) => ({
      key: group.key ?? '',
      name: group.name ?? '—',
      texts: group.texts,
      averageScore: round1(group.average),
      autoFails: group.autoFails,
      redLines: Object.fromEntries(counts.filter((count) => count.key === group.key).map((count) => [count.redLine, count.count])),
      reviewed: group.reviewed,
      averageReview: round1(group.averageReview),
    })),
    trend: months.map((month) => ({ month: month.month, texts: month.texts, averageScore: round1(month.average), autoFails: month.autoFails })),
  };
}

export async function getReviewQueue(context: Context): Promise<{ items: z.output<typeof reviewQueueItem>[] }> {
  requirePermission(context.principal, 'text_qa.manage');
  const tenantId = context.principal.tenantId;
  const texts = await reviewQueue(context.db, tenantId, 100);
  const reviews = await reviewsOf(
    context.db,
    tenantId,
    texts.map((text) => text.id),
  );
  return {
    items: texts.map((text) => ({
      textId: text.id,
      sourceType: text.sourceType as z.output<typeof reviewQueueItem>['sourceType'],
      authorName: text.authorName,
      body: text.body,
      score: text.score,
      autoFailed: text.autoFailed,
      redLines: text.redLines,
      reviews: reviews
        .filter((review) => review.textId === text.id)
        .map((review) => ({
          reviewerName: review.reviewerName,
          total: review.total,
          rubric: review.rubric as Record<string, number>,
          comment: review.comment,
        })),
      createdAt: text.createdAt,
    })),
  };
}

/** Six items of 0–5 make 30 points, scaled to 100; a text that crossed an auto-fail red line totals 0. */
export async function submitReview(context: Context, textId: string, input: z.output<typeof reviewBody>): Promise<{ total: number }> {
  requirePermission(context.principal, 'text_qa.manage');
  const tenantId = context.principal.tenantId;
  const text = await findQaText(context.db, tenantId, textId);
  if (!text) throw notFound();
  const points = rubricItems.reduce((sum, item) => sum + input.rubric[item], 0);
  const total = text.autoFailed ? 0 : Math.round((points / (rubricItems.length * 5)) * 100);
  await context.db.transaction(async (tx) => {
    await upsertReview(tx, {
      tenantId,
      textId,
      reviewerId: context.principal.staffId,
      rubric: input.rubric,
      total,
      comment: input.comment ?? null,
      createdAt: context.clock.now(),
    });
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'qa_review',
      entityId: textId,
      summary: `质检评分 ${total} 分`,
      after: { ...input, total },
    });
  });
  return { total };
}

/**
 * Calibration between reviewers: on texts two or more reviewers scored, the spread (highest − lowest total) and
 * each reviewer's average offset from the mean of the same texts — a reviewer far from zero scores harsher or kinder.
 */
export async function getCalibration(context: Context): Promise<z.output<typeof calibration>> {
  requirePermission(context.principal, 'text_qa.manage');
  const reviews = await allReviews(context.db, context.principal.tenantId);
  const byText = new Map<string, typeof reviews>();
  for (const review of reviews) byText.set(review.textId, [...(byText.get(review.textId) ?? []), review]);
  const shared = [...byText.values()].filter((group) => group.length >= 2);
  const spreads = shared.map((group) => Math.max(...group.map((review) => review.total)) - Math.min(...group.map((review) => review.total)));
  const reviewers = new Map<string, { name: string; reviews: number; totalSum: number; offsets: number[] }>();
  for (const review of reviews) {
    const entry = reviewers.get(review.reviewerId) ?? { name: review.reviewerName, reviews: 0, totalSum: 0, offsets: [] };
    entry.reviews += 1;
    entry.totalSum += review.total;
    reviewers.set(review.reviewerId, entry);
  }
  for (const group of shared) {
    const mean = group.reduce((sum, review) => sum + review.total, 0) / group.length;
    for (const review of group) reviewers.get(review.reviewerId)!.offsets.push(review.total - mean);
  }
  return {
    texts: shared.length,
    averageSpread: spreads.length ? round1(spreads.reduce((sum, value) => sum + value, 0) / spreads.length) : null,
    reviewers: [...reviewers.values()].map((entry) => ({
      name: entry.name,
      reviews: entry.reviews,
      averageTotal: round1(entry.totalSum / entry.reviews)!,
      offset: entry.offsets.length ? round1(entry.offsets.reduce((sum, value) => sum + value, 0) / entry.offsets.length)! : 0,
    })),
  };
}

export async function getSampling(context: Context): Promise<QaSampling> {
  requirePermission(context.principal, 'text_qa.manage');
  return readSampling(context.db, context.principal.tenantId);
}

/** The review sample's rates replace the stored ones; texts saved from now on are sampled by them. */
export async function saveSampling(context: Context, input: QaSampling): Promise<QaSampling> {
  requirePermission(context.principal, 'text_qa.manage');
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const before = await readSampling(tx, tenantId);
    await mergeSettingsData(tx, tenantId, { textQaSampling: input }, context.clock.now());
    await settingsChanged(tx, tenantId);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'tenant_settings',
      entityId: tenantId,
      summary: '修改人工质检抽样比例',
      before,
      after: input,
    });
  });
  return getSampling(context);
}
