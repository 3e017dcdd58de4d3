/**
 * A year of history for the analytics homes (issue 16): closed tickets with SLA outcomes and
 * return-visit ratings, two survey waves of the annual satisfaction questionnaire (counted by the
 * results aggregator after the seed), monthly fee collection and project targets.
 *
 * Projects differ on purpose — the flagship does well, the early-stage project struggles, the small
 * office building has too few answers for its difference to be significant — so the rankings and
 * their significance marks have something to show.
 */
import { indicatorTemplate, surveyTemplate, type Answers, type Question } from '@manyi/core';
import {
  campaigns,
  feeCollections,
  indicatorSystems,
  indicatorSystemVersions,
  projectTargets,
  queryRows,
  surveyInvitations,
  surveyResponses,
  surveys,
  surveyVersions,
  type Executor,
} from '@manyi/db';
import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Random } from './random';

type Place = { id: string; projectId: string; buildingId: string };

/**
 * A UUIDv7 stamped with a past instant (the column `at`) instead of now: ids order lists, so
 * the year's history sorts before the service desk story of the last week, as it happened.
 */
const uuidv7At = (at: string) =>
  sql.raw(
    `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from ${at}) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`,
  );

/** How well each project does, in project order (0 poor … 1 excellent); its share of households surveyed. */
const moods = [0.79, 0.75, 0.71, 0.66, 0.73];
const surveyedShare = [0.35, 0.3, 0.3, 0.3, 0.06];

function answersFor(random: Random, questions: readonly Question[], mood: number): Answers {
  const rating = (points: number) => Math.max(1, Math.min(points, Math.round(1 + (points - 1) * (mood + (random.next() - 0.5) * 0.9))));
  const answers: Answers = {};
  let sum = 0;
  let count = 0;
  for (const question of questions) {
    if (question.type === 'matrix') {
      const rows: Record<string, number | 'not_experienced'> = {};
      for (const row of question.rows) {
        if (random.chance(0.1)) rows[row.key] = 'not_experienced';
        else {
          const value = rating(5);
          rows[row.key] = value;
          sum += value;
          count += 1;
        }
      }
      answers[question.key] = rows;
    }
  }
  answers['overall'] = Math.max(1, Math.min(5, Math.round(count ? sum / count + (random.next() - 0.5) * 1.6 : rating(5))));
  answers['nps'] = Math.max(0, Math.min(10, Math.round(mood * 10 + 1 + (random.next() - 0.5) * 5)));
  return answers;
}

/**
 * A demo wave's invitations and answers, in batches, each answer queued for the results aggregator only: the closed
 * loop would open follow-up tickets for answers already reviewed (or months old).
 */
export async function writeWaveAnswers(
  tx: Executor,
  tenantId: string,
  campaignId: string,
  invitations: (typeof surveyInvitations.$inferInsert)[],
  responses: (typeof surveyResponses.$inferInsert)[],
): Promise<void> {
  for (let start = 0; start < invitations.length; start += 500) await tx.insert(surveyInvitations).values(invitations.slice(start, start + 500));
  for (let start = 0; start < responses.length; start += 500) {
    const written = await tx
      .insert(surveyResponses)
      .values(responses.slice(start, start + 500))
      .returning({ id: surveyResponses.id });
    await tx.execute(sql`
      insert into survey_response_queue (consumer, tenant_id, campaign_id, response_id)
      select 'results', ${tenantId}, ${campaignId}, id from unnest(${`{${written.map((row) => row.id).join(',')}}`}::uuid[]) as id`);
  }
}

export async function seedAnalyticsHistory(
  tx: Executor,
  tenantId: string,
  projectIds: readonly string[],
  now: Date,
  random: Random,
): Promise<{ tickets: number; responses: number }> {
  const tickets = await seedTicketHistory(tx, tenantId, projectIds, now);
  const responses = await seedSurveyWaves(tx, tenantId, projectIds, now, random);
  await seedFeesAndTargets(tx, tenantId, projectIds, now, random);
  await seedArrears(tx, tenantId, now);
  return { tickets, responses };
}

/**
 * About one household in twenty owes fees, one to twelve months of 200–500 yuan; most of those with
 * a complaint about the building itself (工程) give 施工遗留 as the reason, the rest a spread of reasons,
 * so the arrears view has its construction share and its open complaints to show.
 */
async function seedArrears(tx: Executor, tenantId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    insert into household_arrears (tenant_id, household_id, project_id, amount, months, reason, updated_at)
    select h.tenant_id, h.id, h.project_id, (1 + h.r % 12) * (200 + h.r % 300), 1 + h.r % 12,
      case when h.r % 3 <> 0 and exists (select 1 from tickets t where t.tenant_id = h.tenant_id and t.household_id = h.id
          and t.type = 'complaint' and t.category_code like 'engineering%') then 'construction'
        else (array['service', 'hardship', 'other', 'unknown', 'construction'])[1 + h.r % 5] end,
      ${now}
    from (select tenant_id, id, project_id, abs(hashtext(id::text)) as r from households where tenant_id = ${tenantId}) h
    where h.r % 20 = 0 or exists (select 1 from tickets t where t.tenant_id = h.tenant_id and t.household_id = h.id
      and t.type = 'complaint' and t.category_code like 'engineering%' and h.r % 4 = 0)`);
}

/**
 * Closed tickets from a year ago up to a week ago (the week before now is the service desk story's):
 * 1–3 a project a day, more in the rainy summer; about one in eight a complaint, a few 12345
 * referrals; resolution on time with the project's mood; a return visit rated on six in ten.
 */
async function seedTicketHistory(tx: Executor, tenantId: string, projectIds: readonly string[], now: Date): Promise<number> {
  const projectMood = sql.join(
    projectIds.map((id, index) => sql`(${id}::uuid, ${moods[index] ?? 0.6}::float8)`),
    sql`, `,
  );
  await tx.execute(sql`select setseed(0.16)`);
  const [row] = await queryRows<{ count: number }>(
    tx,
    sql`
    with mood(project_id, mood) as (values ${projectMood}),
    hh as (
      select h.id, h.project_id, row_number() over (partition by h.project_id order by h.id) as rn, count(*) over (partition by h.project_id) as cnt
      from households h where h.tenant_id = ${tenantId}
    ),
    sizes as (select project_id, max(cnt) as cnt from hh group by project_id),
    days as (select d::date as day from generate_series((${now}::timestamptz at time zone 'Asia/Shanghai')::date - 365, (${now}::timestamptz at time zone 'Asia/Shanghai')::date - 8, interval '1 day') d),
    gen as (
      select m.project_id, m.mood, days.day, g.n, 1 + floor(random() * s.cnt)::int as pick,
        random() as r_type, random() as r_category, random() as r_repeat, random() as r_channel, random() as r_met, random() as r_time, random() as r_hours
      from mood m join sizes s on s.project_id = m.project_id cross join days
      cross join lateral generate_series(1, 1 + (extract(month from days.day) in (6, 7, 8))::int + floor(random() * (1 + s.cnt / 400.0))::int) as g(n)
    ),
    shaped as (
      select gen.*, hh.id as household_id,
        case when r_type < 0.13 then 'complaint' when r_type < 0.78 then 'repair' when r_type < 0.92 then 'inquiry' when r_type < 0.97 then 'suggestion' else 'praise' end as type,
        ((day::timestamp + interval '8 hours' + r_time * interval '12 hours') at time zone 'Asia/Shanghai') as reported_at
      from gen join hh on hh.project_id = gen.project_id and hh.rn = gen.pick
    ),
    inserted as (
      insert into tickets (id, tenant_id, project_id, number, type, channel, category_code, priority, complaint_scope, status, title, household_id,
        reporter_name, is_repeat, reported_at, first_response_at, resolved_at, visited_at, closed_at, resolution_met, created_at, updated_at)
      select ${uuidv7At('reported_at')}, ${tenantId}, project_id, 'LS-' || to_char(day, 'YYYYMMDD') || '-' || lpad(n::text, 4, '0'), type,
        case when type = 'complaint' and r_channel < 0.12 then 'gov_12345' when r_channel < 0.55 then 'hotline' when r_channel < 0.85 then 'owner_h5' else 'front_desk' end,
        case type
          when 'complaint' then (array['service.attitude', 'service.efficiency', 'environment.cleaning', 'order.noise', 'order.parking', 'renovation.noise', 'engineering.elevator'])[1 + floor(r_category * 7)::int]
          when 'repair' then (array['engineering.leak', 'engineering.water_electric', 'engineering.drain', 'engineering.elevator.fault', 'engineering.access_control', 'engineering.public_lighting'])[1 + floor(r_category * 6)::int]
          else (array['fees.property_fee', 'service.information', 'environment.greening', 'order.pets'])[1 + floor(r_category * 4)::int]
        end,
        case when type = 'complaint' then 'high' else 'normal' end,
        case when type = 'complaint' then 'individual' end,
        'closed',
        -- What an owner reported, by the same draw as the category above: a complaint becomes a case draft under this title.
        case type
          when 'complaint' then (array['前台接待态度生硬', '报修处理太慢，反复催促', '楼道卫生打扫不及时', '夜间噪音扰民', '车位被占无人处理', '邻居装修噪音', '电梯频繁故障'])[1 + floor(r_category * 7)::int]
          when 'repair' then (array['卫生间漏水', '插座没电', '下水道堵塞', '电梯故障', '门禁刷不开', '楼道灯不亮'])[1 + floor(r_category * 6)::int]
          when 'inquiry' then '咨询（历史）' when 'suggestion' then '建议（历史）' else '表扬（历史）'
        end,
        household_id, '业主', type = 'complaint' and r_repeat < 0.1,
        reported_at, reported_at + interval '20 minutes', reported_at + (2 + r_hours * 46) * interval '1 hour',
        reported_at + (26 + r_hours * 46) * interval '1 hour', reported_at + (30 + r_hours * 46) * interval '1 hour',
        r_met < 0.72 + mood * 0.26, reported_at, reported_at + (30 + r_hours * 46) * interval '1 hour'
      from shaped
      returning id, project_id, visited_at
    ),
    visited as (
      insert into return_visits (id, tenant_id, ticket_id, method, outcome, csat, visitor_kind, at)
      select ${uuidv7At('v.visited_at')}, ${tenantId}, v.id, 'phone', 'confirmed',
        case when v.r < 0.45 + v.mood * 0.5 then 5 when v.r < 0.7 + v.mood * 0.28 then 4 when v.r < 0.9 then 3 when v.r < 0.97 then 2 else 1 end,
        'staff', v.visited_at
      -- The draws sit in the select list, one per row: an uncorrelated LATERAL (select random()) is evaluated once
      -- on PostgreSQL, which rated every ticket alike and kept either all visits or none.
      from (select i.id, i.visited_at, m.mood, random() as r, random() as keep from inserted i join mood m on m.project_id = i.project_id) v
      where v.keep < 0.6
      returning 1
    )
    select (select count(*) from inserted)::int as count, (select count(*) from visited)::int as visits`,
  );
  return row?.count ?? 0;
}

/** Two waves of the annual questionnaire (June and November), the second following the first. */
async function seedSurveyWaves(tx: Executor, tenantId: string, projectIds: readonly string[], now: Date, random: Random): Promise<number> {
  const template = surveyTemplate('satisfaction-annual')!;
  const tree = indicatorTemplate(template.indicatorTemplate)!.roots;
  const systemId = uuidv7();
  await tx.insert(indicatorSystems).values({ id: systemId, tenantId, name: '岗位满意度指标体系' });
  await tx.insert(indicatorSystemVersions).values({ tenantId, systemId, version: 1, tree });
  const surveyId = uuidv7();
  await tx.insert(surveys).values({ id: surveyId, tenantId, name: '年度业主满意度调查', status: 'published', indicatorSystemId: systemId });
  await tx.insert(surveyVersions).values({ tenantId, surveyId, version: 1, definition: template.definition, indicatorSystemVersion: 1, frozenAt: now });
  const places = await queryRows<Place>(
    tx,
    sql`select id, project_id as "projectId", building_id as "buildingId" from households where tenant_id = ${tenantId} and status = 'occupied' order by id`,
  );
  const day = 86_400_000;
  const waves = [
    { name: '2026 年上半年满意度调查', opensAt: new Date(now.getTime() - 170 * day), lift: 0 },
    { name: '2026 年下半年满意度调查', opensAt: new Date(now.getTime() - 20 * day), lift: 0.04 },
  ];
  let previousCampaignId: string | null = null;
  let total = 0;
  for (const wave of waves) {
    const campaignId = uuidv7();
    await tx.insert(campaigns).values({
      id: campaignId,
      tenantId,
      surveyId,
      surveyVersion: 1,
      name: wave.name,
      status: 'closed',
      opensAt: wave.opensAt,
      closesAt: new Date(wave.opensAt.getTime() + 14 * day),
      population: {},
      sampling: { kind: 'simple' },
      quotas: [],
      previousCampaignId,
      createdAt: wave.opensAt,
    });
    const invitations: (typeof surveyInvitations.$inferInsert)[] = [];
    const responses: (typeof surveyResponses.$inferInsert)[] = [];
    for (const place of places) {
      const index = projectIds.indexOf(place.projectId);
      if (!random.chance(surveyedShare[index] ?? 0.3)) continue;
      const invitationId = uuidv7();
      const answered = random.chance(0.75);
      const at = new Date(wave.opensAt.getTime() + random.int(0, 13) * day + random.int(8, 21) * 3_600_000);
      invitations.push({
        id: invitationId,
        tenantId,
        campaignId,
        projectId: place.projectId,
        buildingId: place.buildingId,
        householdId: place.id,
        tokenDigest: createHash('sha256').update(`${campaignId}/${place.id}`).digest('hex'),
        status: answered ? 'completed' : 'expired',
        invitedAt: wave.opensAt,
        completedAt: answered ? at : null,
      });
      if (!answered) continue;
      responses.push({
        tenantId,
        campaignId,
        surveyVersion: 1,
        invitationId,
        projectId: place.projectId,
        buildingId: place.buildingId,
        householdId: place.id,
        source: random.chance(0.2) ? 'paper' : 'h5',
        status: 'complete',
        answers: answersFor(random, template.definition.questions, Math.min(1, (moods[index] ?? 0.6) + wave.lift)),
        startedAt: at,
        submittedAt: at,
      });
    }
    await writeWaveAnswers(tx, tenantId, campaignId, invitations, responses);
    total += responses.length;
    previousCampaignId = campaignId;
  }
  return total;
}

/** 收缴率 per project and month: receivable from the households, collection with the project's mood. */
async function seedFeesAndTargets(tx: Executor, tenantId: string, projectIds: readonly string[], now: Date, random: Random): Promise<void> {
  const counts = await queryRows<{ projectId: string; households: number }>(
    tx,
    sql`select project_id as "projectId", count(*)::int as households from households where tenant_id = ${tenantId} group by 1`,
  );
  const rows: (typeof feeCollections.$inferInsert)[] = [];
  const current = new Date(now);
  for (let back = 11; back >= 0; back -= 1) {
    const month = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
    for (const [index, projectId] of projectIds.entries()) {
      const households = counts.find((row) => row.projectId === projectId)?.households ?? 0;
      const receivable = Math.round(households * (index === 4 ? 2600 : 320) * 100) / 100;
      const rate = Math.min(1, 0.7 + (moods[index] ?? 0.6) * 0.28 + (random.next() - 0.5) * 0.06);
      rows.push({
        tenantId,
        projectId,
        month,
        receivable,
        received: Math.round(receivable * rate * 100) / 100,
        householdsInArrears: Math.round(households * (1 - rate)),
      });
    }
  }
  await tx.insert(feeCollections).values(rows);
  await tx.insert(projectTargets).values(
    projectIds.map((projectId) => ({
      tenantId,
      projectId,
      satisfactionRate: 0.85,
      nps: 30,
      slaCompliance: 0.9,
      feeCollectionRate: 0.92,
      // A year's receivable of the last month, as the contract's value.
      contractValue: Math.round(rows.filter((row) => row.projectId === projectId).reduce((sum, row) => sum + Number(row.receivable), 0)),
    })),
  );
}
