import { periodOf } from '@manyi/core';
import ExcelJS from 'exceljs';
import {
  actionPlans,
  campaigns,
  gapExpectationAnswers,
  gapSwotNotes,
  importJobs,
  incidentEvents,
  indicatorSystems,
  indicatorSystemVersions,
  incidents,
  meetingQuestions,
  noticeReceipts,
  ownerInvites,
  planMeetings,
  schema,
  surveyFollowups,
  surveyImports,
  surveyInvitations,
  surveyPosters,
  surveyResponses,
  surveyResultCells,
  surveyResultCounts,
  surveys,
  surveyVersions,
  ticketAlerts,
  tickets,
  webhooks,
  type Database,
} from '@manyi/db';
import { eq, getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  createBuilding,
  createCompany,
  createHousehold,
  createPerson,
  createProject,
  createStaff,
  createTestApp,
  createUnit,
  signIn,
  type TestApp,
} from '../../test';
import { sampleRequest } from '../../test/sample-request';
import type { RouteEntry } from '../app';

/**
 * Isolation proof (issue 2 §6). Every registered API route is called as a user of another
 * company and as staff of another project, with every id in path, query and body pointing at
 * the victim's records. Afterwards the victim's rows are unchanged, no response carries a
 * victim id or name, and no row outside the victim's scope references a victim id. Routes are
 * enumerated from the app, so a route added later is covered without touching this file.
 */

/** companyWide: ids of company-wide records (questionnaires, indicator systems) that staff of every project of the company may read. */
type Victim = { ids: Record<string, string>; markers: string[]; companyWide: string[] };

const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, Table));

async function rows(db: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const result: Record<string, Record<string, unknown>[]> = {};
  for (const table of tables) {
    const name = getTableName(table);
    const all = (await db.select().from(table)) as Record<string, unknown>[];
    result[name] = all.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return result;
}

/** Tables that record attempts rather than data (sessions of the attackers, their idempotency keys). */
// Rollups are bookkeeping too: background passes recount them from each company's own records, and on PostgreSQL the
// test files share one database, so another file's analytics timer recounts this file's companies while it walks.
const bookkeeping = new Set(['sessions', 'idempotency_keys', 'otp_codes', 'analytics_place_now', 'analytics_ticket_months']);

function inScope(row: Record<string, unknown>, scope: { tenantId: string; projectId?: string; staffIds?: string[] }): boolean {
  if (row.tenantId !== scope.tenantId) return false;
  if (!scope.projectId) return true;
  if (row.projectId === scope.projectId || row.id === scope.projectId) return true;
  return scope.staffIds?.includes(String(row.id ?? row.staffId)) ?? false;
}

function snapshot(all: Record<string, Record<string, unknown>[]>, scope: Parameters<typeof inScope>[1]) {
  return Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => !bookkeeping.has(name))
      .map(([name, list]) => [name, list.filter((row) => inScope(row, scope))]),
  );
}

async function responseText(response: LightMyRequestResponse): Promise<string> {
  if (String(response.headers['content-type'] ?? '').includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        }),
      ),
    );
    return cells.join('\n');
  }
  return response.body;
}

const entityOfPrefix: Record<string, string> = {
  regions: 'region',
  projects: 'project',
  buildings: 'building',
  units: 'unit',
  households: 'household',
  persons: 'person',
  staff: 'staff',
  'household-imports': 'importJob',
  'audit-logs': 'audit',
  tickets: 'ticket',
  incidents: 'incident',
  alerts: 'alert',
  webhooks: 'webhook',
  campaigns: 'campaign',
  surveys: 'survey',
  'indicator-systems': 'indicatorSystem',
  'survey-followups': 'surveyFollowup',
  'survey-imports': 'surveyImport',
  actions: 'actionPlan',
  meetings: 'meeting',
  'meeting-questions': 'meetingQuestion',
};

function order(route: RouteEntry): number {
  if (route.url.endsWith('/logout')) return 4;
  return { GET: 0, POST: 1, PATCH: 2, PUT: 2, DELETE: 3 }[route.method] ?? 1;
}

describe('tenant and project isolation over every route', () => {
  let t: TestApp;
  let victim: Victim;
  let victimCompany: Awaited<ReturnType<typeof createCompany>>;
  let victimStaffIds: string[];
  let otherProjectId: string;
  let attackers: { name: string; access: string; cookie: () => Promise<string | undefined>; scope: Parameters<typeof inScope>[1] }[];

  beforeAll(async () => {
    // The walk signs the owner attacker in again after every route that ends owner sessions, many times a real
    // minute on a fast machine; per-address limits have tests of their own and are not what this walk is about.
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    const db = t.connection.db;
    // Company A, with a project P2 holding the "victim" records and P1 served by a scoped steward.
    victimCompany = await createCompany(db, '受害物业');
    const a = victimCompany;
    const p2 = await createProject(db, a.tenant.id, { name: 'VICTIM-项目', code: 'VICTIMP2' });
    const building = await createBuilding(db, a.tenant.id, p2.id, 'VICTIM-楼');
    const unit = await createUnit(db, a.tenant.id, p2.id, building.id, 'VICTIM-单元');
    const household = await createHousehold(db, a.tenant.id, building, 'VICTIM-房', unit);
    const person = await createPerson(db, a.tenant.id, household, { name: 'VICTIM-业主', phone: '13711112222' });
    const p2Staff = await createStaff(db, a.tenant.id, { roles: ['steward'], projectIds: [p2.id], name: 'VICTIM-员工' });
    const [job] = await db
      .insert(importJobs)
      .values({
        tenantId: a.tenant.id,
        projectId: p2.id,
        createdBy: a.admin.id,
        fileName: 'VICTIM.xlsx',
        filePath: 'imports/none.xlsx',
        format: 'xlsx',
        status: 'validated',
      })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({
        tenantId: a.tenant.id,
        projectId: p2.id,
        number: 'TS-20261123-9999',
        type: 'complaint',
        channel: 'hotline',
        priority: 'normal',
        complaintScope: 'individual',
        status: 'accepted',
        title: 'VICTIM-工单',
        description: 'VICTIM-描述',
        householdId: household.id,
        reporterPersonId: person.id,
        reporterName: 'VICTIM-业主',
        reportedAt: new Date(),
        firstReceiverId: p2Staff.id,
        accountableId: p2Staff.id,
      })
      .returning();
    await db.insert(ownerInvites).values({
      tenantId: a.tenant.id,
      personId: person.id,
      tokenHash: 'victim-token-hash',
      createdBy: a.admin.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const [alert] = await db
      .insert(ticketAlerts)
      .values({
        tenantId: a.tenant.id,
        ticketId: ticket!.id,
        projectId: p2.id,
        kind: 'breach',
        target: 'response',
        level: 0,
        dueAt: new Date(),
        recipientRole: 'steward',
      })
      .returning();
    const [webhook] = await db
      .insert(webhooks)
      .values({
        tenantId: a.tenant.id,
        projectId: p2.id,
        format: 'wecom',
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=VICTIM-WEBHOOK-KEY',
        minimumLevel: 0,
      })
      .returning();
    // A published outage in P2 with its notice to the victim owner, and a linked ticket.
    const [incident] = await db
      .insert(incidents)
      .values({
        tenantId: a.tenant.id,
        projectId: p2.id,
        kind: 'planned',
        status: 'published',
        title: 'VICTIM-事件',
        categoryCode: 'engineering.water_electric',
        callScript: 'VICTIM-话术',
        noticeText: 'VICTIM-通知',
        buildingIds: [building.id],
        startsAt: new Date(),
        publishedAt: new Date(),
      })
      .returning();
    await db
      .insert(noticeReceipts)
      .values({ tenantId: a.tenant.id, incidentId: incident!.id, projectId: p2.id, personId: person.id, householdId: household.id, deliveredAt: new Date() });
    await db.insert(incidentEvents).values({
      tenantId: a.tenant.id,
      incidentId: incident!.id,
      projectId: p2.id,
      kind: 'created',
      actorKind: 'staff',
      note: 'VICTIM-事件记录',
      at: new Date(),
    });
    await db.update(tickets).set({ incidentId: incident!.id }).where(eq(tickets.id, ticket!.id));
    // An open survey campaign with the victim household's invitation, its half-answered response and the building's poster.
    const [survey] = await db.insert(surveys).values({ tenantId: a.tenant.id, name: 'VICTIM-问卷', status: 'published' }).returning();
    await db.insert(surveyVersions).values({
      tenantId: a.tenant.id,
      surveyId: survey!.id,
      version: 1,
      frozenAt: new Date(),
      definition: {
        title: { 'zh-CN': 'VICTIM-问卷' },
        questions: [{ key: 'note', type: 'text', required: false, maxLength: 100, title: { 'zh-CN': '意见' } }],
      },
    });
    const [campaign] = await db
      .insert(campaigns)
      .values({
        tenantId: a.tenant.id,
        surveyId: survey!.id,
        surveyVersion: 1,
        name: 'VICTIM-调查',
        status: 'open',
        opensAt: new Date(),
        population: { projectIds: [p2.id] },
        sampling: { kind: 'census' },
      })
      .returning();
    const [invitation] = await db
      .insert(surveyInvitations)
      .values({
        tenantId: a.tenant.id,
        campaignId: campaign!.id,
        projectId: p2.id,
        buildingId: building.id,
        householdId: household.id,
        tokenDigest: 'victim-answer-digest',
        invitedAt: new Date(),
      })
      .returning();
    await db.insert(surveyResponses).values({
      tenantId: a.tenant.id,
      campaignId: campaign!.id,
      surveyVersion: 1,
      invitationId: invitation!.id,
      projectId: p2.id,
      buildingId: building.id,
      householdId: household.id,
      source: 'h5',
      status: 'partial',
      answers: { note: 'VICTIM-答案' },
      startedAt: new Date(),
    });
    const [indicatorSystem] = await db.insert(indicatorSystems).values({ tenantId: a.tenant.id, name: 'VICTIM-指标体系' }).returning();
    await db.insert(indicatorSystemVersions).values({ tenantId: a.tenant.id, systemId: indicatorSystem!.id, version: 1, tree: [] });
    await db.insert(surveyPosters).values({ tenantId: a.tenant.id, campaignId: campaign!.id, buildingId: building.id, tokenDigest: 'victim-poster-digest' });
    // The victim's detractor follow-up (linked to the victim ticket) and a survey import into the victim campaign.
    const [victimResponse] = await db
      .insert(surveyResponses)
      .values({
        tenantId: a.tenant.id,
        campaignId: campaign!.id,
        surveyVersion: 1,
        projectId: p2.id,
        buildingId: building.id,
        householdId: null,
        source: 'import',
        status: 'complete',
        answers: { note: 'VICTIM-答案' },
        startedAt: new Date(),
        submittedAt: new Date(),
      })
      .returning();
    const [followup] = await db
      .insert(surveyFollowups)
      .values({
        tenantId: a.tenant.id,
        campaignId: campaign!.id,
        responseId: victimResponse!.id,
        householdId: household.id,
        ticketId: ticket!.id,
        reasons: [],
        dueAt: new Date(),
      })
      .returning();
    const [surveyImport] = await db
      .insert(surveyImports)
      .values({
        tenantId: a.tenant.id,
        campaignId: campaign!.id,
        createdBy: a.admin.id,
        fileName: 'VICTIM.xlsx',
        filePath: 'survey-imports/none.csv',
        format: 'csv',
        status: 'validated',
        headers: ['VICTIM-表头'],
        mapping: [],
      })
      .returning();
    // The victim campaign's results rollup cell (results/aggregator.ts), so results and export routes have numbers to leak.
    const victimCell = { tenantId: a.tenant.id, campaignId: campaign!.id, projectId: p2.id, buildingId: building.id };
    await db.insert(surveyResultCells).values({ ...victimCell, responses: 1, moments: { overallPairs: {}, drivers: null, driversExcluded: 0 } });
    await db.insert(surveyResultCounts).values({ ...victimCell, questionKey: 'note', item: '#answered', value: 0, count: 1 });
    // The victim project's SWOT beside a gap and its manager's questionnaire (the 5-GAP workspace).
    const quarter = periodOf(new Date());
    await db.insert(gapSwotNotes).values({
      tenantId: a.tenant.id,
      projectId: p2.id,
      period: quarter,
      gap: 3,
      strengths: 'VICTIM-SWOT',
      createdById: p2Staff.id,
      updatedById: p2Staff.id,
      updatedAt: new Date(),
    });
    await db
      .insert(gapExpectationAnswers)
      .values({ tenantId: a.tenant.id, projectId: p2.id, period: quarter, staffId: p2Staff.id, answers: { tangibles: 6 }, updatedAt: new Date() });
    // P2's action plan (claimed by its staff, with a photo key), its town hall with ORID and 5-3-1, and a staff question.
    const [actionPlan] = await db
      .insert(actionPlans)
      .values({
        tenantId: a.tenant.id,
        projectId: p2.id,
        post: 'cleaning',
        title: 'VICTIM-行动',
        status: 'claimed',
        ownerId: p2Staff.id,
        dueOn: '2031-01-01',
        evidence: 'VICTIM-证据',
        photoKeys: ['actions/victim.png'],
      })
      .returning();
    const [meeting] = await db
      .insert(planMeetings)
      .values({
        tenantId: a.tenant.id,
        projectId: p2.id,
        kind: 'town_hall',
        title: 'VICTIM-会议',
        heldOn: '2030-12-01',
        orid: { objective: 'VICTIM-ORID', reflective: '', interpretive: '', decisional: '' },
        wrapUp: { takeaways: [], tools: [], action: '' },
      })
      .returning();
    const [meetingQuestion] = await db
      .insert(meetingQuestions)
      .values({ tenantId: a.tenant.id, projectId: p2.id, askedById: p2Staff.id, question: 'VICTIM-问题' })
      .returning();
    victimStaffIds = [p2Staff.id];
    otherProjectId = a.project.id;
    victim = {
      ids: {
        project: p2.id,
        building: building.id,
        unit: unit.id,
        household: household.id,
        person: person.id,
        staff: p2Staff.id,
        importJob: job!.id,
        ticket: ticket!.id,
        incident: incident!.id,
        alert: alert!.id,
        webhook: webhook!.id,
        campaign: campaign!.id,
        invitation: invitation!.id,
        surveyFollowup: followup!.id,
        surveyImport: surveyImport!.id,
        survey: survey!.id,
        indicatorSystem: indicatorSystem!.id,
        actionPlan: actionPlan!.id,
        meeting: meeting!.id,
        meetingQuestion: meetingQuestion!.id,
      },
      markers: [
        'VICTIM-事件',
        'VICTIM-话术',
        'VICTIM-通知',
        'VICTIM-事件记录',
        'TS-20261123-9999',
        'VICTIM-工单',
        'VICTIM-描述',
        'VICTIM-项目',
        'VICTIMP2',
        'VICTIM-楼',
        'VICTIM-单元',
        'VICTIM-房',
        'VICTIM-业主',
        'VICTIM-员工',
        '13711112222',
        'VICTIM.xlsx',
        'VICTIM-WEBHOOK-KEY',
        'VICTIM-调查',
        'VICTIM-答案',
        'VICTIM-表头',
        'VICTIM-SWOT',
        'VICTIM-行动',
        'VICTIM-证据',
        'VICTIM-会议',
        'VICTIM-ORID',
        'VICTIM-问题',
      ],
      companyWide: [survey!.id, indicatorSystem!.id],
    };

    const steward = await createStaff(db, a.tenant.id, { roles: ['steward', 'manager'], projectIds: [a.project.id] });
    const b = await createCompany(db, '攻击物业');
    // Owners of the attacking company, taken in turn: a phone is sent at most five codes an hour, and the walk signs in again after each sign-out.
    const bOwnerPhones = [b.owner.phone!];
    for (let index = 0; index < 12; index += 1) bOwnerPhones.push((await createPerson(db, b.tenant.id, b.household, { name: `攻击业主${index}` })).phone!);
    let signIns = 0;
    let ownerCookie: string | undefined;
    attackers = [
      {
        name: 'admin of another company',
        access: 'staff',
        cookie: () => signIn(t.app, b.admin.login, b.admin.password),
        scope: { tenantId: a.tenant.id },
      },
      {
        name: 'staff of another project in the same company',
        access: 'staff',
        cookie: () => signIn(t.app, steward.login, steward.password),
        scope: { tenantId: a.tenant.id, projectId: p2.id, staffIds: victimStaffIds },
      },
      {
        name: 'owner in another company',
        access: 'owner',
        // One session while it lasts (a walked sign-out ends it).
        cookie: async () => {
          if (ownerCookie && (await t.app.inject({ method: 'GET', url: '/api/v1/owner/me', headers: { cookie: ownerCookie } })).statusCode === 200)
            return ownerCookie;
          t.clock.advance(120_000);
          const bOwnerPhone = bOwnerPhones[signIns++ % bOwnerPhones.length]!;
          await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: b.tenant.code, phone: bOwnerPhone } });
          const code = t.sms.sent
            .filter((item) => item.phone === bOwnerPhone)
            .at(-1)
            ?.text.match(/(\d{6})/)?.[1];
          const response = await t.app.inject({
            method: 'POST',
            url: '/api/v1/owner-auth/otp/verify',
            payload: { tenantCode: b.tenant.code, phone: bOwnerPhone, code },
          });
          ownerCookie = cookieFrom(response);
          return ownerCookie;
        },
        scope: { tenantId: a.tenant.id },
      },
      { name: 'anonymous caller', access: 'public', cookie: async () => undefined, scope: { tenantId: a.tenant.id } },
    ];
  });
  afterAll(() => t.close());

  // Hundreds of routes × four attackers: minutes on a loaded CI machine, not the default minute.
  it('walks every API route as each attacker and nothing crosses over', { timeout: 900_000 }, async () => {
    const db = t.connection.db;
    const routes = t.app.routeCatalogue.filter((route) => route.url.startsWith('/api/v1/')).sort((x, y) => order(x) - order(y));
    expect(routes.length).toBeGreaterThan(30);
    const walked = new Set<string>();
    const victimIds = Object.values(victim.ids);

    for (const attacker of attackers) {
      const before = snapshot(await rows(db), attacker.scope);
      let cookie = await attacker.cookie();
      for (const route of routes) {
        // Every route is attacked by staff of both kinds; owner and public callers also try every route.
        const prefix = route.url.split('/')[3] ?? '';
        const entity = entityOfPrefix[prefix];
        const candidates = entity && victim.ids[entity] ? [victim.ids[entity]!] : victimIds;
        for (const targetId of candidates) {
          const pickId = (field: string) => {
            if (field === 'id') return targetId;
            const named = victim.ids[field.replace(/Ids?$/, '')];
            return named ?? targetId;
          };
          const sample = sampleRequest(route.schema, pickId);
          const url = route.url.replace(/:(\w+)/g, (_match, name: string) => sample.params[name] ?? targetId);
          const query = new URLSearchParams(sample.query).toString();
          const headers: Record<string, string> = cookie ? { cookie } : {};
          // A documentation address per attacker, so the walk's own sign-in attempts do not exhaust the rate limit of the real sign-ins.
          const remoteAddress = `192.0.2.${attackers.indexOf(attacker) + 1}`;
          let response = await t.app.inject({
            method: route.method as 'GET',
            url: query ? `${url}?${query}` : url,
            headers,
            remoteAddress,
            ...(sample.body !== undefined && { payload: sample.body as object }),
          });
          if (route.method === 'POST' && (response.statusCode === 406 || response.statusCode === 415)) {
            // Upload routes: try a multipart body naming the victim's project.
            const boundary = '----isolation';
            const payload = [
              `--${boundary}`,
              'Content-Disposition: form-data; name="projectId"',
              '',
              victim.ids.project,
              `--${boundary}`,
              'Content-Disposition: form-data; name="file"; filename="a.csv"',
              'Content-Type: text/csv',
              '',
              '楼栋,房号,姓名',
              'VICTIM-楼,1,x',
              `--${boundary}--`,
              '',
            ].join('\r\n');
            response = await t.app.inject({
              method: 'POST',
              url,
              remoteAddress,
              headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
              payload,
            });
          }
          const label = `${attacker.name}: ${route.method} ${route.url} → ${response.statusCode}`;
          expect(response.statusCode, label).toBeLessThan(500);
          // The problem's `instance` echoes the path the attacker sent; that is not a leak.
          const text = (await responseText(response)).replaceAll(url, '');
          for (const marker of [...victimIds, ...victim.markers]) {
            if (attacker.scope.projectId === undefined || (marker !== otherProjectId && !victim.companyWide.includes(marker))) {
              expect(text.includes(marker), `${label} leaked ${marker}`).toBe(false);
            }
          }
          walked.add(`${route.method} ${route.url}`);
          if (response.statusCode === 401 && cookie) {
            // Only a sign-out or a password change ends the attacker's own session; then sign in again.
            const me = await t.app.inject({ method: 'GET', url: attacker.access === 'owner' ? '/api/v1/owner/me' : '/api/v1/auth/me', headers: { cookie } });
            if (me.statusCode === 401) cookie = await attacker.cookie();
          }
        }
      }
      // Background work started by a call (an import) must not write into the victim's scope either.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await rows(db);
      expect(snapshot(after, attacker.scope), `${attacker.name} changed the victim's data`).toEqual(before);
      for (const [name, list] of Object.entries(after)) {
        if (bookkeeping.has(name) || name === 'audit_logs') continue;
        for (const row of list.filter((item) => !inScope(item, attacker.scope) && item.tenantId !== attacker.scope.tenantId)) {
          const text = JSON.stringify(row);
          for (const id of victimIds) expect(text.includes(id), `${attacker.name}: ${name} row references victim ${id}`).toBe(false);
        }
      }
    }
    expect([...walked].sort()).toEqual([...new Set(routes.map((route) => `${route.method} ${route.url}`))].sort());
  });

  it('gives every business table a tenant_id that leads each of its indexes', () => {
    // tenants is the root; staff_users.login (unique per company, looked up across them) and owner_invites.token are looked up before the tenant is known (sign-in);
    // sessions are found by token digest; idempotency keys by their scope, which starts with the tenant;
    // survey invitation and poster tokens arrive in a link that names no company.
    const globalLookups = new Set(['staff_users_login_idx', 'owner_invites_token_uq', 'survey_invitations_token_uq', 'survey_posters_token_uq']);
    for (const table of tables) {
      const config = getTableConfig(table);
      // attempt_counters: sign-in and code limits per login or phone number, deliberately across companies.
      if (['tenants', 'idempotency_keys', 'attempt_counters'].includes(config.name)) continue;
      expect(Object.keys(getTableColumns(table)), config.name).toContain('tenantId');
      for (const index of config.indexes) {
        if (globalLookups.has(index.config.name ?? '')) continue;
        const first = index.config.columns[0] as { name?: string } | undefined;
        expect(first?.name, `${config.name}.${index.config.name}`).toBe('tenant_id');
      }
      for (const constraint of [...config.uniqueConstraints, ...config.primaryKeys]) {
        const first = constraint.columns[0]?.name;
        if (config.name === 'sessions') continue;
        expect(first, `${config.name} unique/primary key`).toBe('tenant_id');
      }
    }
  });
});
