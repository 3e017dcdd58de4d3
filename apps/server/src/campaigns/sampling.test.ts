import { allocateProportionally, sampleSizeForProportion } from '@manyi/core';
import { surveyInvitations } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilding, createHousehold, createPerson, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { campaignInput, draftSurvey, fillBuilding } from './testing';

/** One project of 2,972 households in two buildings (1,972 + 1,000), the worked example of the brief. */
describe('campaign sampling plans', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  let quality: string;
  let qualityStaff: { login: string; password: string };
  let surveyId: string;
  let buildingA: { id: string; name: string };
  let buildingB: { id: string; name: string };
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    qualityStaff = await createStaff(db, tenantId, { roles: ['quality'] });
    quality = await signIn(t.app, qualityStaff.login, qualityStaff.password);
    // createCompany's building 1 has one household already: 1,971 more make 1,972.
    buildingA = desk.company.building;
    await fillBuilding(db, tenantId, desk.company.building, 1971);
    const second = await createBuilding(db, tenantId, desk.company.project.id, '2');
    buildingB = second;
    await fillBuilding(db, tenantId, second, 990);
    // Ten households, four with an owner tagged 老人, for the household and tag filters.
    for (let index = 0; index < 10; index += 1) {
      const household = await createHousehold(db, tenantId, second, `R${index}`);
      await createPerson(db, tenantId, household, { tags: index < 4 ? ['老人'] : [] });
    }
    surveyId = (await draftSurvey(db, tenantId)).id;
  });
  afterAll(() => t.close());
  const call = (method: 'GET' | 'POST', url: string, payload?: object) => desk.call(quality, method, url, payload);
  const invitedHouseholds = async (campaignId: string) =>
    (
      await t.connection.db
        .select({ id: surveyInvitations.householdId })
        .from(surveyInvitations)
        .where(and(eq(surveyInvitations.tenantId, desk.company.tenant.id), eq(surveyInvitations.campaignId, campaignId)))
    )
      .map((row) => row.id)
      .sort();

  it('computes n with the finite population correction for N = 2,972 at ±5 % and 95 %', async () => {
    const response = await call('POST', '/campaigns/preview', { sampling: { kind: 'simple', marginOfError: 0.05, confidence: 0.95 }, contactIntervalDays: 0 });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json();
    const expected = sampleSizeForProportion({ marginOfError: 0.05, confidence: 0.95, population: 2972 });
    expect(plan).toMatchObject({
      kind: 'simple',
      population: 2972,
      matched: 2972,
      excludedByContact: 0,
      sampleSize: expected.required,
      invitations: expected.required,
    });
    expect(plan.sampleSize).toBe(341);
    expect(plan.sampleWithoutCorrection).toBeCloseTo(384.15, 1);
  });

  it('allocates a stratified sample by building in proportion, summing to n, and inflates invitations for the expected response rate', async () => {
    const response = await call('POST', '/campaigns/preview', {
      sampling: { kind: 'stratified', by: 'building', marginOfError: 0.05, confidence: 0.95, expectedResponseRate: 0.6 },
      contactIntervalDays: 0,
    });
    const plan = response.json();
    expect(plan.sampleSize).toBe(341);
    const expected = allocateProportionally(341, [
      { id: buildingA.id, population: 1972 },
      { id: buildingB.id, population: 1000 },
    ]);
    expect(plan.strata.map((stratum: { id: string; sample: number }) => [stratum.id, stratum.sample])).toEqual(
      expected.map((stratum) => [stratum.id, stratum.sample]),
    );
    expect(plan.strata.reduce((sum: number, stratum: { sample: number }) => sum + stratum.sample, 0)).toBe(341);
    expect(plan.strata[0]).toMatchObject({ name: `${desk.company.project.name} · 1`, population: 1972, invite: Math.ceil(expected[0]!.sample / 0.6) });
  });

  it('filters the population by building, household status and owner tags', async () => {
    const plan = async (population: object) =>
      (await call('POST', '/campaigns/preview', { population, sampling: { kind: 'census' }, contactIntervalDays: 0 })).json();
    expect((await plan({ buildingIds: [buildingB.id] })).population).toBe(1000);
    expect((await plan({ householdStatuses: ['occupied'], ownerTags: ['老人'] })).population).toBe(4);
    expect((await plan({ householdStatuses: ['vacant'] })).population).toBe(0);
  });

  it('draws the same households with the same seed, and excludes households contacted within the interval', async () => {
    const sampling = { kind: 'stratified', by: 'building', marginOfError: 0.05, confidence: 0.95, seed: 20261123 };
    const first = (await call('POST', '/campaigns', campaignInput(surveyId, t.clock.now(), { name: '第一轮', sampling }))).json();
    expect(first.plan.seed).toBe(20261123);
    expect((await call('POST', `/campaigns/${first.id}/launch`)).statusCode).toBe(200);
    const firstDraw = await invitedHouseholds(first.id);
    expect(firstDraw).toHaveLength(341);
    // Ignoring the contact rule (interval 0), the same seed over the same population draws the same households.
    const again = (await call('POST', '/campaigns', campaignInput(surveyId, t.clock.now(), { name: '复核', sampling }))).json();
    await call('POST', `/campaigns/${again.id}/launch`);
    expect(await invitedHouseholds(again.id)).toEqual(firstDraw);
    const otherSeed = (
      await call('POST', '/campaigns', campaignInput(surveyId, t.clock.now(), { name: '另一种子', sampling: { ...sampling, seed: 7 } }))
    ).json();
    await call('POST', `/campaigns/${otherSeed.id}/launch`);
    const otherDraw = await invitedHouseholds(otherSeed.id);
    expect(otherDraw).not.toEqual(firstDraw);
    const contacted = new Set([...firstDraw, ...otherDraw]);

    // A month later, a census with a 90-day interval leaves out every household invited above.
    t.clock.advance(30 * 86_400_000);
    quality = await signIn(t.app, qualityStaff.login, qualityStaff.password);
    const preview = (await call('POST', '/campaigns/preview', { sampling: { kind: 'census' }, contactIntervalDays: 90 })).json();
    expect(preview).toMatchObject({ matched: 2972, excludedByContact: contacted.size, population: 2972 - contacted.size });
    // With a 20-day interval nobody is excluded any more.
    expect((await call('POST', '/campaigns/preview', { sampling: { kind: 'census' }, contactIntervalDays: 20 })).json().excludedByContact).toBe(0);
  });
});
