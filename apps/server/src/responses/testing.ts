import type { SurveyDefinition } from '@manyi/core';
import { campaigns, households, persons, surveyInvitations, surveyPosters, surveys, surveyVersions, tenants, type Database } from '@manyi/db';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { newToken, tokenDigest } from '../auth/session-repository';
import { sampleDefinition } from '../../test/survey-definition';

/**
 * A published survey (or the given one, for a next wave), an open campaign pinning its version 1,
 * and one invitation per given household with its raw token. Written directly: the campaign module
 * is not under test where this is used.
 */
export async function openCampaign(
  db: Database,
  now: Date,
  tenantId: string,
  invited: { id: string; projectId: string; buildingId: string | null }[],
  options: {
    definition?: SurveyDefinition;
    closesInHours?: number;
    population?: object;
    name?: string;
    quotas?: object[];
    surveyId?: string;
    previousCampaignId?: string;
  } = {},
) {
  const survey = options.surveyId
    ? { id: options.surveyId }
    : (await db.insert(surveys).values({ tenantId, name: '满意度调查', status: 'published' }).returning())[0]!;
  if (!options.surveyId)
    await db.insert(surveyVersions).values({ tenantId, surveyId: survey.id, version: 1, definition: options.definition ?? sampleDefinition, frozenAt: now });
  const [campaign] = await db
    .insert(campaigns)
    .values({
      tenantId,
      surveyId: survey.id,
      surveyVersion: 1,
      name: options.name ?? '2026 年第四季度满意度调查',
      status: 'open',
      opensAt: now,
      closesAt: new Date(now.getTime() + (options.closesInHours ?? 24 * 14) * 3_600_000),
      population: options.population ?? {},
      sampling: { kind: 'census' },
      quotas: options.quotas ?? [],
      previousCampaignId: options.previousCampaignId ?? null,
    })
    .returning();
  const tokens: string[] = [];
  for (const household of invited) {
    const token = newToken();
    await db.insert(surveyInvitations).values({
      tenantId,
      campaignId: campaign!.id,
      projectId: household.projectId,
      buildingId: household.buildingId,
      householdId: household.id,
      tokenDigest: tokenDigest(token),
      invitedAt: now,
    });
    tokens.push(token);
  }
  const poster = async (buildingId: string) => {
    const token = newToken();
    await db.insert(surveyPosters).values({ tenantId, campaignId: campaign!.id, buildingId, tokenDigest: tokenDigest(token) });
    return token;
  };
  return { survey, campaign: campaign!, tokens, poster };
}

/** Answers that complete sampleDefinition. */
export const completeAnswers = { overall: 4, nps: 9, repair: 'not_experienced', posts: { security: 5, cleaning: 3 } };

/**
 * For the browser test server (e2e/global-setup.ts): a new open campaign in the demo company that
 * invites the last household (by address) with an owner's phone, the link's token, that building's
 * poster and the owner's phone. Each call is its own campaign, so tests never share a link; the
 * last household, because other browser flows sign in the first owners, and a phone gets one SMS
 * code a minute.
 */
export async function demoAnswerLink(db: Database, now: Date) {
  const [row] = await db
    .select({ household: households, phone: persons.phone })
    .from(persons)
    .innerJoin(tenants, and(eq(tenants.id, persons.tenantId), eq(tenants.code, 'demo')))
    .innerJoin(households, and(eq(households.tenantId, persons.tenantId), eq(households.id, persons.householdId)))
    .where(and(eq(persons.role, 'owner'), isNotNull(persons.phone)))
    .orderBy(desc(households.sortKey))
    .limit(1);
  if (!row) throw new Error('no demo owner with a phone');
  const { tokens, poster } = await openCampaign(db, now, row.household.tenantId, [row.household]);
  return { token: tokens[0]!, posterToken: await poster(row.household.buildingId), ownerPhone: row.phone! };
}
