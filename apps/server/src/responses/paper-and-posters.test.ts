import { auditLogs, surveyInvitations, surveyResponses } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilding, createHousehold, createPerson, createProject, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { completeAnswers, openCampaign } from './testing';

describe('paper questionnaires and building posters', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());
  const newHousehold = (room: string) => createHousehold(t.connection.db, desk.company.tenant.id, desk.company.building, room, desk.company.unit);
  const responsesOf = (campaignId: string) =>
    t.connection.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.tenantId, desk.company.tenant.id), eq(surveyResponses.campaignId, campaignId)));

  it('records a paper questionnaire as source paper with the clerk, once per household, with the same checks', async () => {
    const household = await newHousehold('301');
    const { campaign, tokens } = await openCampaign(t.connection.db, t.clock.now(), desk.company.tenant.id, [household]);
    const enter = (cookie: string, body: object) => desk.call(cookie, 'POST', `/campaigns/${campaign.id}/paper-responses`, body);

    const missing = await enter(desk.steward.cookie, { householdId: household.id, answers: { overall: 4 } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((error: { field: string }) => error.field)).toEqual(['nps', 'repair']);
    expect((await enter(desk.technician.cookie, { householdId: household.id, answers: completeAnswers })).statusCode).toBe(403);
    const stranger = await newHousehold('302');
    const notInvited = await enter(desk.steward.cookie, { householdId: stranger.id, answers: completeAnswers });
    expect(notInvited.json().errors[0]).toMatchObject({ field: 'householdId', message: '该房屋不在本次调查范围内' });

    const entered = await enter(desk.steward.cookie, { householdId: household.id, answers: completeAnswers });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json().source).toBe('paper');
    const [row] = await responsesOf(campaign.id);
    expect(row).toMatchObject({ source: 'paper', status: 'complete', enteredById: desk.steward.id, householdId: household.id });
    const [audit] = await t.connection.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, desk.company.tenant.id), eq(auditLogs.entityId, row!.id)));
    expect(audit).toMatchObject({ actorId: desk.steward.id, entityType: 'survey_response' });

    // Paper or phone, the household answers once.
    const again = await enter(desk.manager.cookie, { householdId: household.id, answers: completeAnswers });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('answer_completed');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/answer/${tokens[0]}` })).json().code).toBe('answer_completed');
  });

  it("keeps paper entry inside the clerk's projects", async () => {
    const otherProject = await createProject(t.connection.db, desk.company.tenant.id, { name: '别的小区' });
    const building = await createBuilding(t.connection.db, desk.company.tenant.id, otherProject.id, '9');
    const household = await createHousehold(t.connection.db, desk.company.tenant.id, building, '901');
    const { campaign } = await openCampaign(t.connection.db, t.clock.now(), desk.company.tenant.id, [household]);
    const response = await desk.call(desk.steward.cookie, 'POST', `/campaigns/${campaign.id}/paper-responses`, {
      householdId: household.id,
      answers: completeAnswers,
    });
    expect(response.statusCode).toBe(404);
    const quality = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'] });
    const qualityCookie = await signIn(t.app, quality.login, quality.password);
    expect(
      (await desk.call(qualityCookie, 'POST', `/campaigns/${campaign.id}/paper-responses`, { householdId: household.id, answers: completeAnswers })).statusCode,
    ).toBe(201);
  });

  it('hands a signed-in owner who scans the building poster a link for their own household', async () => {
    const { campaign, poster } = await openCampaign(t.connection.db, t.clock.now(), desk.company.tenant.id, []);
    const posterToken = await poster(desk.company.building.id);
    const described = await t.app.inject({ method: 'GET', url: `/api/v1/survey-posters/${posterToken}` });
    expect(described.json()).toEqual({ tenantCode: desk.company.tenant.code, tenantName: desk.company.tenant.name, campaignName: campaign.name });

    const claimUrl = `/api/v1/owner/survey-posters/${posterToken}/claim`;
    expect((await t.app.inject({ method: 'POST', url: claimUrl })).statusCode).toBe(401);
    const owner = await desk.ownerCookie();
    const claimed = await t.app.inject({ method: 'POST', url: claimUrl, headers: { cookie: owner } });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().householdLabel).toBe('1栋1单元101');
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/answer/${claimed.json().answerToken}` });
    expect(view.json()).toMatchObject({ household: { label: '1栋1单元101' }, status: 'opened' });
    const invitations = await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.campaignId, campaign.id));
    expect(invitations).toEqual([expect.objectContaining({ householdId: desk.company.household.id, status: 'opened' })]);

    // Scanning again gives a fresh link to the same invitation; the earlier one stops working.
    const again = (await t.app.inject({ method: 'POST', url: claimUrl, headers: { cookie: owner } })).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/answer/${claimed.json().answerToken}` })).statusCode).toBe(404);
    await t.app.inject({ method: 'POST', url: `/api/v1/answer/${again.answerToken}/submit`, payload: { answers: completeAnswers } });
    const afterSubmit = await t.app.inject({ method: 'POST', url: claimUrl, headers: { cookie: owner } });
    expect(afterSubmit.json()).toMatchObject({ status: 410, code: 'answer_completed' });
    expect(await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.campaignId, campaign.id))).toHaveLength(1);
  });

  it('refuses owners of other buildings, households outside the population and recently surveyed ones', async () => {
    const secondBuilding = await createBuilding(t.connection.db, desk.company.tenant.id, desk.company.project.id, '5');
    const { poster } = await openCampaign(t.connection.db, t.clock.now(), desk.company.tenant.id, [], { population: { householdStatuses: ['vacant'] } });
    const owner = await desk.ownerCookie();
    const claim = async (token: string) =>
      (await t.app.inject({ method: 'POST', url: `/api/v1/owner/survey-posters/${token}/claim`, headers: { cookie: owner } })).json();
    expect(await claim(await poster(secondBuilding.id))).toMatchObject({
      code: 'poster_no_household',
      title: '您登记的房屋不在这栋楼,请扫描您所在楼栋的二维码',
    });
    expect(await claim(await poster(desk.company.building.id))).toMatchObject({ code: 'poster_not_invited' });
    expect(await claim('y'.repeat(43))).toMatchObject({ status: 404, code: 'poster_unknown' });

    // Invited to another campaign a week ago: within the 90-day contact interval, so not invited again.
    const neighbour = await newHousehold('702');
    const neighbourOwner = await createPerson(t.connection.db, desk.company.tenant.id, neighbour);
    await openCampaign(t.connection.db, t.clock.now(), desk.company.tenant.id, [neighbour]);
    t.clock.advance(7 * 86_400_000);
    const fresh = await openCampaign(t.connection.db, t.clock.now(), desk.company.tenant.id, []);
    const cookie = await desk.ownerCookie(neighbourOwner.phone!);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/owner/survey-posters/${await fresh.poster(desk.company.building.id)}/claim`,
      headers: { cookie },
    });
    expect(response.json().code).toBe('poster_not_invited');
  });
});
