import { ownerVoiceTexts, queryRows, tenants, type Executor } from '@manyi/db';
import { and, eq, sql } from 'drizzle-orm';

export type VoiceRow = typeof ownerVoiceTexts.$inferSelect;

/** An owner's text not analysed yet, with where it belongs. */
export type VoiceSource = {
  sourceType: 'survey_answer' | 'visit_comment' | 'ticket_description';
  sourceId: string;
  projectId: string | null;
  buildingId: string | null;
  campaignId: string | null;
  post: string | null;
  body: string;
  /** survey: the response's answers and its version's definition, to find the text answers and the NPS score. */
  answers?: Record<string, unknown>;
  definition?: { questions: { key: string; type: string }[] };
  occurredAt: Date;
};

const notAnalysed = (type: string, id: ReturnType<typeof sql>) =>
  sql`not exists (select 1 from owner_voice_texts v where v.tenant_id = ${sql.raw('x.tenant_id')} and v.source_type = ${type} and v.source_id = ${id})`;

export async function pendingTicketDescriptions(db: Executor, tenantId: string, limit: number): Promise<VoiceSource[]> {
  return queryRows(
    db,
    sql`select 'ticket_description' as "sourceType", x.id::text as "sourceId", x.project_id as "projectId", h.building_id as "buildingId",
           null as "campaignId", split_part(x.category_code, '.', 1) as post, x.description as body, x.created_at as "occurredAt"
    from tickets x left join households h on h.tenant_id = x.tenant_id and h.id = x.household_id
    where x.tenant_id = ${tenantId} and length(trim(x.description)) > 0 and ${notAnalysed('ticket_description', sql`x.id::text`)}
    limit ${limit}`,
  );
}

export async function pendingVisitComments(db: Executor, tenantId: string, limit: number): Promise<VoiceSource[]> {
  return queryRows(
    db,
    sql`select 'visit_comment' as "sourceType", x.id::text as "sourceId", t.project_id as "projectId", h.building_id as "buildingId",
           null as "campaignId", split_part(t.category_code, '.', 1) as post, x.comment as body, x.at as "occurredAt"
    from return_visits x join tickets t on t.tenant_id = x.tenant_id and t.id = x.ticket_id
    left join households h on h.tenant_id = t.tenant_id and h.id = t.household_id
    where x.tenant_id = ${tenantId} and length(trim(x.comment)) > 0 and ${notAnalysed('visit_comment', sql`x.id::text`)}
    limit ${limit}`,
  );
}

/** Complete survey responses not yet read, with the definition of their version (text answers and the NPS item are found in it). */
export async function pendingSurveyResponses(db: Executor, tenantId: string, limit: number): Promise<VoiceSource[]> {
  return queryRows(
    db,
    sql`select 'survey_answer' as "sourceType", x.id::text as "sourceId", x.project_id as "projectId", x.building_id as "buildingId",
           x.campaign_id as "campaignId", null as post, '' as body, x.answers, sv.definition, coalesce(x.submitted_at, x.updated_at) as "occurredAt"
    from survey_responses x join campaigns c on c.tenant_id = x.tenant_id and c.id = x.campaign_id
    join survey_versions sv on sv.tenant_id = c.tenant_id and sv.survey_id = c.survey_id and sv.version = x.survey_version
    where x.tenant_id = ${tenantId} and x.status = 'complete'
      and not exists (select 1 from owner_voice_texts v where v.tenant_id = x.tenant_id and v.source_type = 'survey_answer' and v.source_id like x.id::text || ':%')
    limit ${limit}`,
  );
}

export async function insertVoiceTexts(db: Executor, rows: (typeof ownerVoiceTexts.$inferInsert)[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insert(ownerVoiceTexts)
      .values(rows.slice(start, start + 500))
      .onConflictDoNothing();
}

export async function voiceTexts(
  db: Executor,
  tenantId: string,
  filter: { projectId?: string | undefined; buildingId?: string | undefined; post?: string | undefined; campaignId?: string | undefined },
): Promise<VoiceRow[]> {
  return db
    .select()
    .from(ownerVoiceTexts)
    .where(
      and(
        eq(ownerVoiceTexts.tenantId, tenantId),
        filter.projectId ? eq(ownerVoiceTexts.projectId, filter.projectId) : undefined,
        filter.buildingId ? eq(ownerVoiceTexts.buildingId, filter.buildingId) : undefined,
        filter.post ? eq(ownerVoiceTexts.post, filter.post) : undefined,
        filter.campaignId ? eq(ownerVoiceTexts.campaignId, filter.campaignId) : undefined,
      ),
    )
    .limit(50_000);
}

export async function companiesWithVoice(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: tenants.id }).from(tenants);
  return rows.map((row) => row.id);
}
