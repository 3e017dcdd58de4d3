import { auditLogs, surveyInvitations, surveyPosters, surveyResponses, surveyVersions } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, createBuilding, createCompany, createHousehold, createPerson, createProject, createStaff, createTestApp, type TestApp } from '../../test';
import { tokenDigest } from '../auth/session-repository';
import { serviceDesk } from '../tickets/testing';
import { closeEndedCampaigns } from './closing';
import { quotaOpen } from './service';
import { campaignInput, draftSurvey } from './testing';

describe('campaigns: lifecycle, links, posters, reminders, quotas', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  let quality: string;
  let qualityStaff: { login: string; password: string };
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
    qualityStaff = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'] });
    quality = await signInFrom(qualityStaff, 1);
  });
  afterAll(() => t.close());

  /** Sign-ins from their own documentation address, so the tests stay clear of the sign-in rate limit. */
  async function signInFrom(staff: { login: string; password: string }, host: number) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: staff, remoteAddress: `198.51.100.${host}` });
    expect(response.statusCode, response.body).toBe(200);
    return cookieFrom(response);
  }

  /**
   * Each test's own project (the desk's, where its steward and manager work, when asked) with two
   * buildings of two households with owners, and a draft survey; campaigns reach that project only.
   */
  async function area(options: { deskProject?: boolean } = {}) {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const suffix = Math.random().toString(36).slice(2, 6);
    const project = options.deskProject ? desk.company.project : await createProject(db, tenantId, { name: `小区${suffix}` });
    const building1 = await createBuilding(db, tenantId, project.id, `A${suffix}`);
    const building2 = await createBuilding(db, tenantId, project.id, `B${suffix}`);
    const homes = [];
    for (const [building, room] of [
      [building1, '101'],
      [building1, '102'],
      [building2, '201'],
      [building2, '202'],
    ] as const) {
      const household = await createHousehold(db, tenantId, building, room);
      await createPerson(db, tenantId, household);
      homes.push(household);
    }
    const survey = await draftSurvey(db, tenantId);
    const call = (method: 'GET' | 'POST', url: string, payload?: object) => desk.call(quality, method, url, payload);
    const population = { projectIds: [project.id], buildingIds: [building1.id, building2.id] };
    const create = async (extra: object = {}) => {
      const response = await call('POST', '/campaigns', campaignInput(survey.id, t.clock.now(), { population, ...extra }));
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; status: string; plan: { sampleSize: number } };
    };
    const invitations = (campaignId: string) =>
      db
        .select()
        .from(surveyInvitations)
        .where(and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.campaignId, campaignId)));
    return { desk, db, tenantId, project, building1, building2, homes, survey, call, create, invitations };
  }

  it('creates a draft (freezing the survey version), launches with hashed tokens only, and closes expiring unanswered invitations', async () => {
    const c = await area();
    const [before] = await c.db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, c.survey.id));
    expect(before!.frozenAt).toBeNull();
    const campaign = await c.create();
    expect(campaign).toMatchObject({ status: 'draft', plan: { kind: 'census', population: 4, sampleSize: 4 } });
    const [after] = await c.db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, c.survey.id));
    expect(after!.frozenAt).not.toBeNull();

    expect((await c.call('POST', `/campaigns/${campaign.id}/close`)).json().code).toBe('campaign_transition');
    const launched = await c.call('POST', `/campaigns/${campaign.id}/launch`);
    expect(launched.statusCode, launched.body).toBe(200);
    expect(launched.json().status).toBe('open');
    expect(launched.body).not.toMatch(/token/i);
    const rows = await c.invitations(campaign.id);
    expect(rows).toHaveLength(4);
    // Only SHA-256 digests are stored; the plain tokens were never kept.
    for (const row of rows) expect(row.tokenDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(rows.map((row) => row.tokenDigest)).size).toBe(4);
    expect((await c.call('POST', `/campaigns/${campaign.id}/launch`)).statusCode).toBe(409);

    const progress = (await c.call('GET', `/campaigns/${campaign.id}/progress`)).json();
    expect(progress.total).toMatchObject({ invited: 4, completed: 0, responseRate: 0, target: 4 });
    expect(progress.buildings).toHaveLength(2);

    // One household has answered, one is half-way: closing expires only the two nobody started.
    await c.db.update(surveyInvitations).set({ status: 'completed' }).where(eq(surveyInvitations.id, rows[0]!.id));
    await c.db.update(surveyInvitations).set({ status: 'partial' }).where(eq(surveyInvitations.id, rows[1]!.id));
    const closed = await c.call('POST', `/campaigns/${campaign.id}/close`);
    expect(closed.json().status).toBe('closed');
    expect((await c.invitations(campaign.id)).map((row) => row.status).sort()).toEqual(['completed', 'expired', 'expired', 'partial']);
    expect((await c.call('POST', `/campaigns/${campaign.id}/launch`)).json().code).toBe('campaign_transition');
    const audits = await c.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, c.tenantId), eq(auditLogs.entityId, campaign.id)));
    expect(audits.map((audit) => audit.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('发布调查'), expect.stringContaining('2 份邀请过期')]),
    );
  });

  it('hands out per-household links as .xlsx once; a regenerated link replaces the old one', async () => {
    const c = await area({ deskProject: true });
    const campaign = await c.create();
    await c.call('POST', `/campaigns/${campaign.id}/launch`);
    const download = await c.desk.call(c.desk.steward.cookie, 'POST', `/campaigns/${campaign.id}/links`);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const links = workbook.worksheets[0]!.getColumn(4).values.slice(2).map(String);
    expect(links).toHaveLength(4);
    expect(links[0]).toMatch(/^http:\/\/manyi\.test\/s\/[\w-]{20,}$/);
    const digests = (await c.invitations(campaign.id)).map((row) => row.tokenDigest).sort();
    expect(links.map((link) => tokenDigest(link.split('/s/')[1]!)).sort()).toEqual(digests);

    const [first] = await c.invitations(campaign.id);
    const oldToken = links.find((link) => tokenDigest(link.split('/s/')[1]!) === first!.tokenDigest)!.split('/s/')[1]!;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/answer/${oldToken}` })).statusCode).toBe(200);
    const fresh = await c.desk.call(c.desk.steward.cookie, 'POST', `/campaigns/${campaign.id}/invitations/${first!.id}/link`);
    expect(fresh.statusCode, fresh.body).toBe(200);
    const newToken = (fresh.json().link as string).split('/s/')[1]!;
    const [row] = (await c.invitations(campaign.id)).filter((item) => item.id === first!.id);
    expect(row!.tokenDigest).toBe(tokenDigest(newToken));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/answer/${oldToken}` })).json().code).toBe('answer_link_unknown');
    const [audit] = await c.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, c.tenantId), eq(auditLogs.entityId, first!.id)));
    expect(audit!.summary).toContain('旧链接失效');
    // Technicians do not hand out links.
    expect((await c.desk.call(c.desk.technician.cookie, 'POST', `/campaigns/${campaign.id}/links`)).statusCode).toBe(403);
  });

  it('prints QR posters per building for a census, and refuses them for a sample', async () => {
    const c = await area();
    const census = await c.create();
    const page = await c.call('POST', `/campaigns/${census.id}/posters`, {});
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body.match(/<svg/g)).toHaveLength(2);
    expect(await c.db.select().from(surveyPosters).where(eq(surveyPosters.campaignId, census.id))).toHaveLength(2);
    const sample = await c.create({ sampling: { kind: 'simple', marginOfError: 0.1, seed: 1 } });
    expect((await c.call('POST', `/campaigns/${sample.id}/posters`, {})).json().code).toBe('posters_census_only');
  });

  it('sends reminders to owners who have not completed, at most once per interval per household', async () => {
    const c = await area();
    const campaign = await c.create({ reminderIntervalHours: 24 });
    await c.call('POST', `/campaigns/${campaign.id}/launch`);
    const rows = await c.invitations(campaign.id);
    await c.db.update(surveyInvitations).set({ status: 'completed' }).where(eq(surveyInvitations.id, rows[0]!.id));
    const sentBefore = t.sms.sent.length;
    const first = await c.call('POST', `/campaigns/${campaign.id}/reminders`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ households: 3, messages: 3, skippedRecent: 0, withoutPhone: 0 });
    expect(t.sms.sent.slice(sentBefore).every((message) => message.text.includes('2026 年度满意度调查'))).toBe(true);
    // Stewards may hand out links but reminders are the quality department's.
    expect((await c.desk.call(c.desk.steward.cookie, 'POST', `/campaigns/${campaign.id}/reminders`, {})).statusCode).toBe(403);
    const soon = await c.call('POST', `/campaigns/${campaign.id}/reminders`, {});
    expect(soon.statusCode).toBe(429);
    expect(soon.json().detail).toContain('提醒间隔');
    t.clock.advance(25 * 3_600_000);
    // The 25 hours outlived the session: sign in again.
    quality = await signInFrom(qualityStaff, 2);
    const later = await c.desk.call(quality, 'POST', `/campaigns/${campaign.id}/reminders`, { buildingId: c.building2.id });
    expect(later.json()).toMatchObject({ households: 2, messages: 2 });
    const counts = (await c.invitations(campaign.id)).map((row) => row.reminderCount).sort();
    expect(counts).toEqual([0, 1, 2, 2]);
  });

  it('ends a campaign at its closing time: reminders refused at once, then closed by 系统 with unanswered invitations expired', async () => {
    const c = await area();
    const campaign = await c.create({ closesAt: new Date(t.clock.now().getTime() + 2 * 3_600_000).toISOString() });
    await c.call('POST', `/campaigns/${campaign.id}/launch`);
    const rows = await c.invitations(campaign.id);
    await c.db.update(surveyInvitations).set({ status: 'partial' }).where(eq(surveyInvitations.id, rows[0]!.id));
    await closeEndedCampaigns(c.db, t.clock.now());
    expect((await c.call('GET', `/campaigns/${campaign.id}`)).json()).toMatchObject({ status: 'open' });
    t.clock.advance(3 * 3_600_000);
    quality = await signInFrom(qualityStaff, 3);
    const late = await c.call('POST', `/campaigns/${campaign.id}/reminders`, {});
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'campaign_closed', title: '调查已结束' });
    expect(await closeEndedCampaigns(c.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await closeEndedCampaigns(c.db, t.clock.now())).toBe(0);
    expect((await c.call('GET', `/campaigns/${campaign.id}`)).json()).toMatchObject({ status: 'closed' });
    expect((await c.invitations(campaign.id)).map((row) => row.status).sort()).toEqual(['expired', 'expired', 'expired', 'partial']);
    const [audit] = await c.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, c.tenantId), eq(auditLogs.entityId, campaign.id), eq(auditLogs.actorKind, 'system')));
    expect(audit).toMatchObject({ actorName: '系统', action: 'update', summary: expect.stringContaining('自动结束') });
  });

  it('closes a quota once its project or building has enough complete responses', async () => {
    const c = await area();
    const campaign = await c.create({ quotas: [{ level: 'building', id: c.building2.id, maxCompleted: 1 }] });
    await c.call('POST', `/campaigns/${campaign.id}/launch`);
    expect(await quotaOpen(c.db, c.tenantId, campaign.id, c.project.id, c.building2.id)).toBe(true);
    await c.db.insert(surveyResponses).values({
      tenantId: c.tenantId,
      campaignId: campaign.id,
      surveyVersion: 1,
      projectId: c.project.id,
      buildingId: c.building2.id,
      householdId: c.homes[2]!.id,
      source: 'h5',
      status: 'complete',
      answers: {},
      startedAt: t.clock.now(),
      submittedAt: t.clock.now(),
    });
    expect(await quotaOpen(c.db, c.tenantId, campaign.id, c.project.id, c.building2.id)).toBe(false);
    expect(await quotaOpen(c.db, c.tenantId, campaign.id, c.project.id, c.building1.id)).toBe(true);
    const progress = (await c.call('GET', `/campaigns/${campaign.id}/progress`)).json();
    expect(progress.buildings.find((row: { id: string }) => row.id === c.building2.id).quota).toBe(1);
  });

  it('refuses bad input with a clear message and keeps other companies and projects out', async () => {
    const c = await area({ deskProject: true });
    const margin = await c.call('POST', '/campaigns/preview', { sampling: { kind: 'simple', marginOfError: 0.5 } });
    expect(margin.statusCode).toBe(400);
    expect(margin.json().errors[0].field).toBe('sampling.marginOfError');
    const other = await createCompany(t.connection.db, '别家物业');
    const foreign = await c.call('POST', '/campaigns/preview', { population: { projectIds: [other.project.id] }, sampling: { kind: 'census' } });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'population.projectIds', message: '所选项目不存在' });
    const foreignBuilding = await c.call('POST', '/campaigns', campaignInput(c.survey.id, t.clock.now(), { population: { buildingIds: [other.building.id] } }));
    expect(foreignBuilding.json().errors[0].field).toBe('population.buildingIds');
    const backwards = await c.call(
      'POST',
      '/campaigns',
      campaignInput(c.survey.id, t.clock.now(), { closesAt: new Date(t.clock.now().getTime() - 1000).toISOString() }),
    );
    expect(backwards.json().errors[0].field).toBe('closesAt');
    const otherSurvey = await draftSurvey(c.db, c.tenantId, { name: '另一份问卷' });
    const earlier = await c.create();
    const wrongWave = await c.call('POST', '/campaigns', { ...campaignInput(otherSurvey.id, t.clock.now()), previousCampaignId: earlier.id });
    expect(wrongWave.json().errors[0].field).toBe('previousCampaignId');
    const rightWave = await c.call('POST', '/campaigns', { ...campaignInput(c.survey.id, t.clock.now()), previousCampaignId: earlier.id });
    expect(rightWave.json().previousCampaignId).toBe(earlier.id);

    // Another company's admin, and staff of another project, see nothing.
    const otherAdmin = await signInFrom(other.admin, 3);
    expect((await c.desk.call(otherAdmin, 'GET', `/campaigns/${earlier.id}`)).statusCode).toBe(404);
    const manager = await signInFrom(desk.manager, 4);
    const elsewhere = await createProject(c.db, c.tenantId, { name: '别的小区' });
    const projectOnly = await c.create({ population: { projectIds: [elsewhere.id], buildingIds: [] } });
    expect((await c.desk.call(manager, 'GET', `/campaigns/${projectOnly.id}`)).statusCode).toBe(404);
    expect((await c.desk.call(manager, 'GET', `/campaigns/${earlier.id}`)).statusCode).toBe(200);
    const list = (await c.desk.call(manager, 'GET', '/campaigns')).json();
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(projectOnly.id);
    // An empty population cannot be launched.
    expect((await c.call('POST', `/campaigns/${projectOnly.id}/launch`)).json().code).toBe('population_empty');
    // Managers read results but do not run campaigns.
    expect((await c.desk.call(manager, 'POST', `/campaigns/${earlier.id}/launch`)).statusCode).toBe(403);
  });
});
