/**
 * The demo company's owner journeys: the residential map published as 1.0 (the starter map with the demo's
 * own standards), a 2.0 draft that adds a rainy-day delight at the gate, and an office map. Return visits
 * that were rated get the owner's own peak and end ratings, so each touchpoint shows its peak-end score
 * beside the average: near the CSAT, a point lower where the visit came late.
 */
import { starterJourney } from '@manyi/core';
import { journeys, journeyVersions, returnVisits, type Transaction } from '@manyi/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';

export async function seedJourneys(tx: Transaction, tenantId: string, publisherId: string, now: Date): Promise<{ journeys: number }> {
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
  return { journeys: 2 };
}
