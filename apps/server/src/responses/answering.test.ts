import { campaigns, surveyInvitations, surveyResponses } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHousehold, createTestApp, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { completeAnswers, openCampaign } from './testing';

describe('owner answer links: open, save a draft, resume, submit once', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  const answer = (method: 'GET' | 'PUT' | 'POST', token: string, path = '', payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1/answer/${token}${path}`, headers, ...(payload && { payload }) });
  /** A fresh household with its own invitation, so each test starts from an unanswered link. */
  const invite = async (options: Parameters<typeof openCampaign>[4] = {}) => {
    const { company } = desk;
    const household = await createHousehold(t.connection.db, company.tenant.id, company.building, `${Math.floor(Math.random() * 9000) + 1000}`, company.unit);
    const opened = await openCampaign(t.connection.db, t.clock.now(), company.tenant.id, [household], options);
    return { ...opened, household, token: opened.tokens[0]! };
  };
  const responsesOf = (campaignId: string) =>
    t.connection.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.tenantId, desk.company.tenant.id), eq(surveyResponses.campaignId, campaignId)));

  it('opens the link with the questionnaire and the household, and marks the invitation opened', async () => {
    const { token, household, campaign } = await invite();
    const response = await answer('GET', token);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({
      campaign: { name: campaign.name },
      household: { label: `1栋1单元${household.room}`, projectName: desk.company.project.name },
      status: 'opened',
      answers: {},
      savedAt: null,
    });
    expect(view.definition.questions.map((question: { key: string }) => question.key)).toEqual(['overall', 'nps', 'why_low', 'repair', 'posts', 'channel']);
    const [invitation] = await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.campaignId, campaign.id));
    expect(invitation).toMatchObject({ status: 'opened' });
  });

  it('tells an unknown, a not yet open and a closed link apart', async () => {
    const unknown = await answer('GET', 'x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'answer_link_unknown', title: '问卷链接无效,请核对链接或联系物业客服' });
    const english = await t.app.inject({ method: 'GET', url: `/api/v1/answer/${'x'.repeat(43)}`, headers: { 'accept-language': 'en-US' } });
    expect(english.json().title).toMatch(/not valid/);

    const later = await invite();
    await t.connection.db.update(surveyInvitations).set({ status: 'invited' }).where(eq(surveyInvitations.campaignId, later.campaign.id));
    await t.connection.db
      .update(campaigns)
      .set({ opensAt: new Date(t.clock.now().getTime() + 3_600_000) })
      .where(eq(campaigns.id, later.campaign.id));
    expect((await answer('GET', later.token)).json()).toMatchObject({ status: 409, code: 'answer_not_open' });

    const closing = await invite({ closesInHours: 1 });
    await answer('PUT', closing.token, '/draft', { answers: { overall: 5 } });
    t.clock.advance(2 * 3_600_000);
    for (const response of [
      await answer('GET', closing.token),
      await answer('PUT', closing.token, '/draft', { answers: { overall: 4 } }),
      await answer('POST', closing.token, '/submit', { answers: completeAnswers }),
    ]) {
      expect(response.statusCode).toBe(410);
      expect(response.json().code).toBe('answer_closed');
    }
  });

  it('saves a partial draft, refuses bad answers with the question key as the field, and resumes it', async () => {
    const { token, campaign } = await invite();
    const saved = await answer('PUT', token, '/draft', { answers: { overall: 2, nps: 3, why_low: '电梯常坏' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().savedAt).toBe(t.clock.now().toISOString());

    const outOfRange = await answer('PUT', token, '/draft', { answers: { overall: 6, nps: 11 } });
    expect(outOfRange.statusCode).toBe(422);
    expect(outOfRange.json().errors.map((error: { field: string }) => error.field)).toEqual(['overall', 'nps']);
    expect(outOfRange.json().errors[0].message).toBe('分值超出范围');
    const unknownQuestion = await answer('PUT', token, '/draft', { answers: { overall: 3, favourite_colour: 'blue' } });
    expect(unknownQuestion.json().errors).toEqual([expect.objectContaining({ field: 'favourite_colour', message: '问卷中没有这道题' })]);
    const notExperienced = await answer('PUT', token, '/draft', { answers: { overall: 'not_experienced' } });
    expect(notExperienced.json().errors[0]).toMatchObject({ field: 'overall', message: '此题不能选择"未体验"' });
    const wrongOption = await answer('PUT', token, '/draft', { answers: { channel: 'pigeon', posts: { security: 0 } } });
    expect(wrongOption.json().errors.map((error: { field: string }) => error.field)).toEqual(['posts', 'channel']);
    const notAnObject = await answer('PUT', token, '/draft', { answers: [1, 2] });
    expect(notAnObject.statusCode).toBe(400);

    // The rejected saves changed nothing: reopening the link resumes the first draft.
    t.clock.advance(60_000);
    const resumed = (await answer('GET', token)).json();
    expect(resumed).toMatchObject({ status: 'partial', answers: { overall: 2, nps: 3, why_low: '电梯常坏' } });
    const rows = await responsesOf(campaign.id);
    expect(rows).toEqual([expect.objectContaining({ status: 'partial', source: 'h5', submittedAt: null })]);
    const [invitation] = await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.campaignId, campaign.id));
    expect(invitation!.status).toBe('partial');

    // Answers to a question the skip logic now hides are dropped rather than stored.
    await answer('PUT', token, '/draft', { answers: { overall: 2, nps: 9, why_low: '电梯常坏' } });
    expect((await answer('GET', token)).json().answers).toEqual({ overall: 2, nps: 9 });
  });

  it('submits once: required answers checked, source h5, invitation completed, the link then says so', async () => {
    const { token, campaign } = await invite();
    await answer('PUT', token, '/draft', { answers: { overall: 5 } });
    const missing = await answer('POST', token, '/submit', { answers: { overall: 5 } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ field: 'nps', message: '此题必答' }),
      expect.objectContaining({ field: 'repair', message: '此题必答' }),
    ]);
    const startedAt = new Date(t.clock.now().getTime() - 120_000).toISOString();
    const submitted = await answer('POST', token, '/submit', { answers: completeAnswers, startedAt });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({ source: 'h5', submittedAt: t.clock.now().toISOString() });
    const [row] = await responsesOf(campaign.id);
    expect(row).toMatchObject({ id: submitted.json().responseId, status: 'complete', source: 'h5', answers: completeAnswers, enteredById: null });
    const [invitation] = await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.campaignId, campaign.id));
    expect(invitation).toMatchObject({ status: 'completed', completedAt: t.clock.now() });

    for (const response of [
      await answer('GET', token),
      await answer('PUT', token, '/draft', { answers: { overall: 1 } }),
      await answer('POST', token, '/submit', { answers: completeAnswers }),
    ]) {
      expect(response.statusCode).toBe(410);
      expect(response.json()).toMatchObject({ code: 'answer_completed', title: '您家已提交过本次问卷,感谢您的参与' });
    }
    expect(await responsesOf(campaign.id)).toHaveLength(1);
  });

  it('replays the first receipt for a retry with the same Idempotency-Key', async () => {
    const { token, campaign } = await invite();
    const headers = { 'idempotency-key': 'submit-attempt-1' };
    const first = await answer('POST', token, '/submit', { answers: completeAnswers }, headers);
    const retry = await answer('POST', token, '/submit', { answers: completeAnswers }, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await responsesOf(campaign.id)).toHaveLength(1);
  });

  it('replays for the same key sent twice at once, refuses the key with other answers, and replays after the campaign closed', async () => {
    const { token, campaign } = await invite();
    const headers = { 'idempotency-key': 'submit-attempt-2' };
    const both = await Promise.all([1, 2].map(() => answer('POST', token, '/submit', { answers: completeAnswers }, headers)));
    expect(both.map((result) => result.statusCode)).toEqual([201, 201]);
    expect(both[0]!.json()).toEqual(both[1]!.json());
    expect(both.filter((result) => result.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    const reused = await answer('POST', token, '/submit', { answers: { ...completeAnswers, overall: 1 } }, headers);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    const other = await answer('POST', token, '/submit', { answers: completeAnswers }, { 'idempotency-key': 'another-attempt' });
    expect(other.statusCode).toBe(410);
    await t.connection.db.update(campaigns).set({ status: 'closed' }).where(eq(campaigns.id, campaign.id));
    const late = await answer('POST', token, '/submit', { answers: completeAnswers }, headers);
    expect(late.statusCode).toBe(201);
    expect(late.json()).toEqual(both[0]!.json());
    expect(await responsesOf(campaign.id)).toHaveLength(1);
  });

  it('keeps one response when two submissions race without a key, and answers both cleanly', async () => {
    const { token, campaign } = await invite();
    await answer('PUT', token, '/draft', { answers: { overall: 3 } });
    const results = await Promise.all([
      answer('POST', token, '/submit', { answers: completeAnswers }),
      answer('POST', token, '/submit', { answers: { ...completeAnswers, overall: 1 } }),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([201, 410]);
    expect(results.find((result) => result.statusCode === 410)!.json().code).toBe('answer_completed');
    const rows = await responsesOf(campaign.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'complete', id: results.find((result) => result.statusCode === 201)!.json().responseId });
  });

  it("refuses a submission once the building's quota is full, and keeps the draft", async () => {
    const { company } = desk;
    const first = await createHousehold(t.connection.db, company.tenant.id, company.building, 'Q1', company.unit);
    const second = await createHousehold(t.connection.db, company.tenant.id, company.building, 'Q2', company.unit);
    const { tokens, campaign } = await openCampaign(t.connection.db, t.clock.now(), company.tenant.id, [first, second], {
      quotas: [{ level: 'building', id: company.building.id, maxCompleted: 1 }],
    });
    expect((await answer('POST', tokens[0]!, '/submit', { answers: completeAnswers })).statusCode).toBe(201);
    await answer('PUT', tokens[1]!, '/draft', { answers: { overall: 5 } });
    const full = await answer('POST', tokens[1]!, '/submit', { answers: completeAnswers });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('quota_full');
    expect((await responsesOf(campaign.id)).map((row) => row.status).sort()).toEqual(['complete', 'partial']);
  });
});
