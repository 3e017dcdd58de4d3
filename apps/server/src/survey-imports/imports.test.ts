import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { surveyFollowups, surveyResponses, campaigns } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createHousehold, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { multipart } from '../imports/testing';
import { createCampaign } from '../survey-followups/testing';

const fixture = (name: string) => readFile(join(import.meta.dirname, 'fixtures', name));
const resting = new Set(['mapping', 'validated', 'committed', 'failed']);

describe('importing responses collected elsewhere', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let cookie: string;
  const upload = async (fields: Record<string, string>, name: string, content: Buffer, as = cookie) => {
    const body = multipart(fields, { name, content });
    return t.app.inject({ method: 'POST', url: '/api/v1/survey-imports', headers: { cookie: as, ...body.headers }, payload: body.payload });
  };
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });
  const settle = async (id: string) => {
    for (;;) {
      const job = (await call('GET', `/survey-imports/${id}`)).json();
      if (resting.has(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    company = await createCompany(t.connection.db);
    await createHousehold(t.connection.db, company.tenant.id, company.building, '102', company.unit);
    const quality = await createStaff(t.connection.db, company.tenant.id, { roles: ['quality'] });
    cookie = await signIn(t.app, quality.login, quality.password);
  });
  afterAll(() => t.close());

  it.each(['wjx-utf8.csv', 'wjx-gbk.csv'])('maps a 问卷星 export (%s), reports bad rows and imports the valid ones', async (name) => {
    const campaign = await createCampaign(t.connection.db, company.tenant.id);
    const uploaded = await upload({ campaignId: campaign.id }, name, await fixture(name));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const proposed = uploaded.json();
    expect(proposed.status).toBe('mapping');
    expect(proposed.headers[4]).toBe('1、您对物业服务的总体满意度');
    expect(proposed.mapping.map((entry: { target: unknown }) => entry.target)).toEqual([
      null,
      null,
      null,
      { kind: 'room' },
      { kind: 'question', questionKey: 'overall' },
      { kind: 'question', questionKey: 'nps' },
      { kind: 'question', questionKey: 'posts', item: 'cleaning' },
      { kind: 'question', questionKey: 'posts', item: 'security' },
      { kind: 'question', questionKey: 'comment' },
    ]);

    expect((await call('POST', `/survey-imports/${proposed.id}/mapping`, { mapping: proposed.mapping })).statusCode).toBe(202);
    const validated = await settle(proposed.id);
    expect(validated).toMatchObject({ status: 'validated', totalRows: 6, validRows: 3, errorCount: 3 });
    expect(
      validated.errors.map((error: { row: number; column: string; value: string; code: string }) => [error.row, error.column, error.value, error.code]),
    ).toEqual([
      [5, '房号', '1栋1单元999', 'unknown_household'],
      [6, '1、您对物业服务的总体满意度', '很棒', 'unknown_label'],
      [7, '2、您向亲友推荐本小区物业的可能性有多大', '11', 'out_of_range'],
    ]);
    expect(validated.errors[0].messages['zh-CN']).toContain('房号');

    expect((await call('POST', `/survey-imports/${proposed.id}/commit`)).statusCode).toBe(202);
    expect(await settle(proposed.id)).toMatchObject({ status: 'committed', importedRows: 3 });
    const responses = await t.connection.db.select().from(surveyResponses).where(eq(surveyResponses.campaignId, campaign.id));
    expect(responses).toHaveLength(3);
    expect(responses.every((response) => response.source === 'import' && response.importId === proposed.id && response.status === 'complete')).toBe(true);
    const linked = responses.filter((response) => response.householdId !== null);
    expect(linked).toHaveLength(2);
    expect(responses.find((response) => response.householdId === null)!.answers).toEqual({ overall: 4, nps: 8, posts: { cleaning: 4, security: 4 } });
    // The detractor in room 102 gets its follow-up right after the import, without waiting for the timer.
    let followups: (typeof surveyFollowups.$inferSelect)[] = [];
    for (let attempt = 0; attempt < 100 && followups.length === 0; attempt += 1) {
      followups = await t.connection.db.select().from(surveyFollowups).where(eq(surveyFollowups.campaignId, campaign.id));
      if (followups.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(followups).toHaveLength(1);
    expect(followups[0]!.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ questionKey: 'nps', item: '', value: 3, reason: 'detractor' })]));
  });

  it('reads an .xlsx with Q-numbered headers and keeps 未体验 as not experienced', async () => {
    const campaign = await createCampaign(t.connection.db, company.tenant.id);
    const job = (await upload({ campaignId: campaign.id }, 'q.xlsx', await fixture('q-numbered.xlsx'))).json();
    expect(job.mapping.map((entry: { target: unknown }) => entry.target)).toEqual([
      null,
      { kind: 'question', questionKey: 'overall' },
      { kind: 'question', questionKey: 'nps' },
      { kind: 'question', questionKey: 'posts', item: 'cleaning' },
      { kind: 'question', questionKey: 'posts', item: 'security' },
      { kind: 'question', questionKey: 'comment' },
    ]);
    await call('POST', `/survey-imports/${job.id}/mapping`, { mapping: job.mapping });
    // Row 5 rates overall 7 on the 5-point scale.
    expect(await settle(job.id)).toMatchObject({
      status: 'validated',
      totalRows: 4,
      validRows: 3,
      errors: [expect.objectContaining({ row: 5, column: 'Q1', value: '7', code: 'out_of_range' })],
    });
    await call('POST', `/survey-imports/${job.id}/commit`);
    await settle(job.id);
    const responses = await t.connection.db.select().from(surveyResponses).where(eq(surveyResponses.campaignId, campaign.id));
    expect(responses.map((response) => response.answers)).toContainEqual({
      overall: 2,
      nps: 4,
      posts: { cleaning: 1, security: 'not_experienced' },
      comment: '保洁不到位',
    });
  });

  it('creates an imported campaign for a survey, and refuses a second import of the same households', async () => {
    const existing = await createCampaign(t.connection.db, company.tenant.id);
    const uploaded = await upload({ surveyId: existing.surveyId, campaignName: '2025年问卷星调查' }, 'wjx.csv', await fixture('wjx-utf8.csv'));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const job = uploaded.json();
    const [campaign] = await t.connection.db.select().from(campaigns).where(eq(campaigns.id, job.campaignId));
    expect(campaign).toMatchObject({ name: '2025年问卷星调查', status: 'closed', surveyId: existing.surveyId });
    await call('POST', `/survey-imports/${job.id}/mapping`, { mapping: job.mapping });
    await settle(job.id);
    await call('POST', `/survey-imports/${job.id}/commit`);
    await settle(job.id);
    const again = (await upload({ campaignId: job.campaignId }, 'wjx.csv', await fixture('wjx-utf8.csv'))).json();
    await call('POST', `/survey-imports/${again.id}/mapping`, { mapping: again.mapping });
    const second = await settle(again.id);
    expect(second.errors.filter((error: { code: string }) => error.code === 'duplicate_household')).toHaveLength(2);
  });

  it('refuses a mapping to unknown questions, a file that is not a spreadsheet, and staff without the permission', async () => {
    const campaign = await createCampaign(t.connection.db, company.tenant.id);
    const job = (await upload({ campaignId: campaign.id }, 'wjx.csv', await fixture('wjx-utf8.csv'))).json();
    const bad = await call('POST', `/survey-imports/${job.id}/mapping`, {
      mapping: [{ column: 4, header: 'x', target: { kind: 'question', questionKey: 'nope' } }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('mapping.4');
    // Binary content is refused whatever the name; text would be read as CSV.
    expect((await upload({ campaignId: campaign.id }, 'x.xlsx', Buffer.from('not\u0000a zip'))).statusCode).toBe(415);
    // A refused file creates no campaign.
    const before = (await t.connection.db.select().from(campaigns).where(eq(campaigns.surveyId, campaign.surveyId))).length;
    expect((await upload({ surveyId: campaign.surveyId, campaignName: '不会创建' }, 'x.csv', Buffer.from(''))).statusCode).toBe(400);
    expect(await t.connection.db.select().from(campaigns).where(eq(campaigns.surveyId, campaign.surveyId))).toHaveLength(before);
    const steward = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [company.project.id] });
    const stewardCookie = await signIn(t.app, steward.login, steward.password);
    expect((await upload({ campaignId: campaign.id }, 'wjx.csv', await fixture('wjx-utf8.csv'), stewardCookie)).statusCode).toBe(403);
  });

  it('leaves a column whose number and title point at different questions unmapped and reports it (issue 14 §9)', async () => {
    const campaign = await createCampaign(t.connection.db, company.tenant.id);
    // Question 1 is 总体满意度 and 2 is 推荐意愿: the numbers are swapped, as after a question was moved in the other tool.
    const csv = Buffer.from('房号,1、推荐意愿,2、总体满意度\r\n1-1-101,9,满意\r\n', 'utf8');
    const response = await upload({ campaignId: campaign.id }, 'swapped.csv', csv);
    expect(response.statusCode).toBe(201);
    const job = response.json();
    expect(job.mapping[1].target).toBeNull();
    expect(job.mapping[2].target).toBeNull();
    expect(job.conflicts).toEqual([
      { column: 1, header: '1、推荐意愿', byNumber: 'overall', byTitle: 'nps' },
      { column: 2, header: '2、总体满意度', byNumber: 'nps', byTitle: 'overall' },
    ]);
  });
});
