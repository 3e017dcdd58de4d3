/**
 * The demo company's owner journeys: the residential map published as 1.0 (the starter map with the demo's
 * own standards), a 2.0 draft that adds a rainy-day delight at the gate, and an office map. Return visits
 * that were rated get the owner's own peak and end ratings, so each touchpoint shows its peak-end score
 * beside the average: near the CSAT, a point lower where the visit came late.
 */
import { starterJourney } from '@manyi/core';
import { delightMoments, journeys, journeyVersions, returnVisits, type Transaction } from '@manyi/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';

export type DelightCast = { projectId: string; managerId: string; technicianId: string; stewardId: string; securityId: string };

export async function seedJourneys(
  tx: Transaction,
  tenantId: string,
  publisherId: string,
  now: Date,
  cast: DelightCast,
): Promise<{ journeys: number; moments: number }> {
  const residential = uuidv7();
  const office = uuidv7();
  await tx.insert(journeys).values([
    { id: residential, tenantId, name: '住宅业主旅程', projectType: 'residential', createdAt: now },
    { id: office, tenantId, name: '写字楼客户旅程', projectType: 'office', createdAt: now },
  ]);
  const first = starterJourney('residential');
  const second = {
    touchpoints: first.touchpoints.map((touchpoint) =>
      touchpoint.id === 'cleaning-daily' ? { ...touchpoint, standard: '楼道每日清洁两次，垃圾日产日清，雨天入口铺防滑垫' } : touchpoint,
    ),
  };
  await tx.insert(journeyVersions).values([
    {
      tenantId,
      journeyId: residential,
      number: 1,
      content: first,
      status: 'published',
      changeNote: '1.0',
      publishedAt: now,
      publishedById: publisherId,
      createdAt: now,
      updatedAt: now,
    },
    {
      tenantId,
      journeyId: residential,
      number: 2,
      content: second,
      status: 'draft',
      changeNote: '雨天入口铺防滑垫，保洁频次提高到每日两次',
      createdAt: now,
      updatedAt: now,
    },
    {
      tenantId,
      journeyId: office,
      number: 1,
      content: starterJourney('office'),
      status: 'published',
      changeNote: '1.0',
      publishedAt: now,
      publishedById: publisherId,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  // The end is the CSAT the owner gave; the peak is a point lower on visits whose comment or moment mentions waiting.
  await tx
    .update(returnVisits)
    .set({
      endRating: sql`${returnVisits.csat}`,
      peakRating: sql`greatest(1, ${returnVisits.csat} - case when coalesce(${returnVisits.peakMoment}, '') || ${returnVisits.comment} ~ '(等|慢|晚|拖)' then 1 else 0 end)`,
    })
    .where(and(eq(returnVisits.tenantId, tenantId), isNotNull(returnVisits.csat)));
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);
  const moment = (staffId: string, description: string, days: number, points: number | null) => ({
    tenantId,
    projectId: cast.projectId,
    staffId,
    recordedById: cast.stewardId,
    journeyId: residential,
    description,
    source: 'staff',
    occurredAt: daysAgo(days),
    rewardPoints: points,
    rewardNote: points ? '自作主张，值得大家学习' : null,
    rewardedById: points ? cast.managerId : null,
    rewardedAt: points ? daysAgo(days - 1) : null,
  });
  await tx.insert(delightMoments).values([
    { ...moment(cast.technicianId, '雨天修完水管后，顺手帮独居老人把阳台的花搬进屋', 12, 5), touchpointId: 'repair-visit' },
    { ...moment(cast.securityId, '暴雨时给带小孩的业主撑伞送到单元门口', 6, 3), touchpointId: 'gate-guidance' },
    { ...moment(cast.technicianId, '高考期间主动把维修安排在考生出门之后', 3, null), touchpointId: 'repair-visit' },
  ]);
  return { journeys: 2, moments: 3 };
}
