import { qaFindings, qaReviews, qaTexts, queryRows, staffUsers, type Executor } from '@manyi/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';

export type QaTextRow = typeof qaTexts.$inferSelect;
export type FindingRow = typeof qaFindings.$inferSelect;
export type ReviewRow = typeof qaReviews.$inferSelect;

export async function insertQaText(db: Executor, row: typeof qaTexts.$inferInsert): Promise<QaTextRow> {
  const [inserted] = await db.insert(qaTexts).values(row).returning();
  return inserted!;
}

export async function insertFindings(db: Executor, rows: (typeof qaFindings.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(qaFindings).values(rows);
}

/** Rejected findings are the company's counter-examples: the same rule on the same words is not flagged again. */
export async function counterExamples(db: Executor, tenantId: string): Promise<{ ruleId: string; excerpt: string }[]> {
  return db
    .selectDistinct({ ruleId: qaFindings.ruleId, excerpt: qaFindings.excerpt })
    .from(qaFindings)
    .where(and(eq(qaFindings.tenantId, tenantId), eq(qaFindings.status, 'rejected')));
}

export async function listFindings(
  db: Executor,
  tenantId: string,
  filter: { status?: string | undefined; redLine?: string | undefined; limit: number },
): Promise<(FindingRow & { text: QaTextRow; authorName: string | null })[]> {
  const rows = await db
    .select({ finding: qaFindings, text: qaTexts, authorName: staffUsers.name })
    .from(qaFindings)
    .innerJoin(qaTexts, and(eq(qaTexts.tenantId, qaFindings.tenantId), eq(qaTexts.id, qaFindings.textId)))
    .leftJoin(staffUsers, and(eq(staffUsers.tenantId, qaTexts.tenantId), eq(staffUsers.id, qaTexts.authorId)))
    .where(
      and(
        eq(qaFindings.tenantId, tenantId),
        filter.status ? eq(qaFindings.status, filter.status) : undefined,
        filter.redLine ? eq(qaFindings.redLine, filter.redLine) : undefined,
      ),
    )
    .orderBy(desc(qaFindings.createdAt), desc(qaFindings.id))
    .limit(filter.limit);
  return rows.map((row) => ({ ...row.finding, text: row.text, authorName: row.authorName }));
}

export async function findFinding(db: Executor, tenantId: string, id: string): Promise<FindingRow | undefined> {
  const [row] = await db
    .select()
    .from(qaFindings)
    .where(and(eq(qaFindings.tenantId, tenantId), eq(qaFindings.id, id)));
  return row;
}

export async function updateFinding(
  db: Executor,
  tenantId: string,
  id: string,
  set: Pick<FindingRow, 'status' | 'reviewedById' | 'reviewedAt' | 'reviewNote'>,
): Promise<void> {
  await db
    .update(qaFindings)
    .set(set)
    .where(and(eq(qaFindings.tenantId, tenantId), eq(qaFindings.id, id)));
}

type GroupBy = 'staff' | 'team' | 'project';
type Range = { from?: Date | undefined; to?: Date | undefined };
export type ScoreGroup = {
  key: string | null;
  name: string | null;
  texts: number;
  average: number | null;
  autoFails: number;
  reviewed: number;
  averageReview: number | null;
};

const groupKey = (by: GroupBy) => (by === 'staff' ? sql`t.author_id::text` : by === 'team' ? sql`s.post` : sql`t.project_id::text`);
const rangeOf = (range: Range) => sql`${range.from ? sql`and t.created_at >= ${range.from}` : sql``} ${range.to ? sql`and t.created_at < ${range.to}` : sql``}`;

/** Scores grouped by author, by the author's post (the team) or by project, with the reviewers' average. */
export async function scoreGroups(db: Executor, tenantId: string, by: GroupBy, range: Range): Promise<ScoreGroup[]> {
  const key = groupKey(by);
  const name = by === 'staff' ? sql`max(s.name)` : by === 'team' ? sql`max(s.post)` : sql`max(p.name)`;
  return queryRows<ScoreGroup>(
    db,
    sql`select ${key} as key, ${name} as name, count(*)::int as texts, avg(t.score)::float8 as average,
           count(*) filter (where t.auto_failed)::int as "autoFails",
           count(r.text_id)::int as reviewed, avg(r.total)::float8 as "averageReview"
    from qa_texts t
    left join staff_users s on s.tenant_id = t.tenant_id and s.id = t.author_id
    left join projects p on p.tenant_id = t.tenant_id and p.id = t.project_id
    left join (select text_id, avg(total) as total from qa_reviews where tenant_id = ${tenantId} group by text_id) r on r.text_id = t.id
    where t.tenant_id = ${tenantId} ${rangeOf(range)}
    group by ${key}
    order by average asc nulls last`,
  );
}

export async function redLineCounts(
  db: Executor,
  tenantId: string,
  by: GroupBy,
  range: Range,
): Promise<{ key: string | null; redLine: string; count: number }[]> {
  return queryRows(
    db,
    sql`select ${groupKey(by)} as key, rl as "redLine", count(*)::int as count
    from qa_texts t
    left join staff_users s on s.tenant_id = t.tenant_id and s.id = t.author_id
    cross join lateral unnest(t.red_lines) rl
    where t.tenant_id = ${tenantId} ${rangeOf(range)}
    group by 1, 2`,
  );
}

export async function monthlyScores(db: Executor, tenantId: string): Promise<{ month: string; texts: number; average: number | null; autoFails: number }[]> {
  return queryRows(
    db,
    sql`select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as texts,
           avg(score)::float8 as average, count(*) filter (where auto_failed)::int as "autoFails"
    from qa_texts where tenant_id = ${tenantId} group by 1 order by 1`,
  );
}

export async function reviewQueue(db: Executor, tenantId: string, limit: number): Promise<(QaTextRow & { authorName: string | null })[]> {
  const rows = await db
    .select({ text: qaTexts, authorName: staffUsers.name })
    .from(qaTexts)
    .leftJoin(staffUsers, and(eq(staffUsers.tenantId, qaTexts.tenantId), eq(staffUsers.id, qaTexts.authorId)))
    .where(and(eq(qaTexts.tenantId, tenantId), eq(qaTexts.sampled, true)))
    .orderBy(desc(qaTexts.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row.text, authorName: row.authorName }));
}

export async function findQaText(db: Executor, tenantId: string, id: string): Promise<QaTextRow | undefined> {
  const [row] = await db
    .select()
    .from(qaTexts)
    .where(and(eq(qaTexts.tenantId, tenantId), eq(qaTexts.id, id)));
  return row;
}

export async function reviewsOf(db: Executor, tenantId: string, textIds: string[]): Promise<(ReviewRow & { reviewerName: string })[]> {
  if (textIds.length === 0) return [];
  const rows = await db
    .select({ review: qaReviews, reviewerName: staffUsers.name })
    .from(qaReviews)
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, qaReviews.tenantId), eq(staffUsers.id, qaReviews.reviewerId)))
    .where(and(eq(qaReviews.tenantId, tenantId), inArray(qaReviews.textId, textIds)))
    .orderBy(qaReviews.createdAt);
  return rows.map((row) => ({ ...row.review, reviewerName: row.reviewerName }));
}

export async function allReviews(db: Executor, tenantId: string): Promise<(ReviewRow & { reviewerName: string })[]> {
  const rows = await db
    .select({ review: qaReviews, reviewerName: staffUsers.name })
    .from(qaReviews)
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, qaReviews.tenantId), eq(staffUsers.id, qaReviews.reviewerId)))
    .where(eq(qaReviews.tenantId, tenantId));
  return rows.map((row) => ({ ...row.review, reviewerName: row.reviewerName }));
}

/** One review per reviewer and text: a second one replaces the first. */
export async function upsertReview(db: Executor, row: typeof qaReviews.$inferInsert): Promise<void> {
  await db
    .insert(qaReviews)
    .values(row)
    .onConflictDoUpdate({
      target: [qaReviews.tenantId, qaReviews.textId, qaReviews.reviewerId],
      set: { rubric: row.rubric, total: row.total, comment: row.comment ?? null },
    });
}

/** Homework texts (话术作业), newest first; of one author, or of everyone when `authorId` is null. */
export async function homeworkTexts(db: Executor, tenantId: string, authorId: string | null): Promise<(QaTextRow & { authorName: string | null })[]> {
  const rows = await db
    .select({ text: qaTexts, authorName: staffUsers.name })
    .from(qaTexts)
    .leftJoin(staffUsers, and(eq(staffUsers.tenantId, qaTexts.tenantId), eq(staffUsers.id, qaTexts.authorId)))
    .where(and(eq(qaTexts.tenantId, tenantId), eq(qaTexts.sourceType, 'homework'), authorId ? eq(qaTexts.authorId, authorId) : undefined))
    .orderBy(desc(qaTexts.createdAt))
    .limit(200);
  return rows.map((row) => ({ ...row.text, authorName: row.authorName }));
}

/** The author's post (their team on the scorecards and in the review sample). */
export async function authorPost(db: Executor, tenantId: string, staffId: string): Promise<string | null> {
  const [row] = await db
    .select({ post: staffUsers.post })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)));
  return row?.post ?? null;
}
