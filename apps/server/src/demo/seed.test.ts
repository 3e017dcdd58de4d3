import { householdLabel, normalisePhone, projectStages, projectTypes, staffPosts, staffRoles, ticketStatuses } from '@manyi/core';
import {
  auditLogs,
  ownerVoiceTexts,
  qaFindings,
  qaTexts,
  buildings,
  households,
  learningRecords,
  persons,
  projects,
  regions,
  staffProjects,
  staffUsers,
  tenants,
  timelineEvents,
  units,
  type Connection,
} from '@manyi/db';
import { and, count, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test';
import { verifyPassword } from '../auth/password';
import { seedDemo, type DemoLogin } from './seed';
import { baseTextConfig } from '@manyi/text';

/**
 * 23:40 in Shanghai on a Monday: the hardest hour for a story dated relative to now (twenty minutes
 * left for "due today", yesterday's evening steps close behind).
 */
const seededAt = new Date('2026-11-23T15:40:00Z');

describe('demo company', () => {
  let t: TestApp;
  let connection: Connection;
  let tenantId: string;
  let logins: DemoLogin[];
  const messages: string[] = [];
  // The PostgreSQL test database is shared by every test file, so this copy gets its own code.
  const code = `demo${uuidv7().replace(/-/g, '').slice(-10)}`;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(seededAt);
    connection = t.connection;
    logins = (await seedDemo(connection.db, { log: (message) => messages.push(message), tenantCode: code, now: seededAt })).logins;
    const [tenant] = await connection.db.select().from(tenants).where(eq(tenants.code, code));
    tenantId = tenant!.id;
  });
  afterAll(() => t.close());

  // One sign-in per login for the whole file: sign-ins from one address are rate-limited (issue 14).
  const signedIn = new Map<string, Promise<string>>();
  const cookieOf = (login: DemoLogin) => {
    if (!signedIn.has(login.login)) signedIn.set(login.login, signIn(t.app, login.login, login.password));
    return signedIn.get(login.login)!;
  };

  it('has two regions and five projects covering every type and stage', async () => {
    const regionRows = await connection.db.select().from(regions).where(eq(regions.tenantId, tenantId));
    expect(regionRows.map((region) => region.name).sort()).toEqual(['华东区域', '华南区域']);
    const projectRows = await connection.db.select().from(projects).where(eq(projects.tenantId, tenantId));
    expect(projectRows).toHaveLength(5);
    expect(new Set(projectRows.map((project) => project.type))).toEqual(new Set(projectTypes.values));
    expect(new Set(projectRows.map((project) => project.stage))).toEqual(new Set(projectStages.values));
    for (const project of projectRows) expect(project.regionId).not.toBeNull();
  });

  it('has about 3,000 households, each with exactly one owner', async () => {
    const householdRows = await connection.db
      .select({ id: households.id, status: households.status })
      .from(households)
      .where(eq(households.tenantId, tenantId));
    expect(householdRows.length).toBeGreaterThanOrEqual(2_800);
    expect(householdRows.length).toBeLessThanOrEqual(3_200);
    const occupied = householdRows.filter((household) => household.status === 'occupied').length;
    expect(occupied / householdRows.length).toBeGreaterThan(0.6);
    const owners = await connection.db
      .select({ householdId: persons.householdId, total: count() })
      .from(persons)
      .where(and(eq(persons.tenantId, tenantId), eq(persons.role, 'owner')))
      .groupBy(persons.householdId);
    expect(owners).toHaveLength(householdRows.length);
    expect(owners.every((owner) => owner.total === 1)).toBe(true);
  });

  it('gives residents valid phones, Chinese names, and some VIPs, DISC styles and tags', async () => {
    const personRows = await connection.db.select().from(persons).where(eq(persons.tenantId, tenantId));
    const phones = personRows.flatMap((person) => (person.phone ? [person.phone] : []));
    expect(phones.every((phone) => normalisePhone(phone) === phone)).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    expect(personRows.every((person) => /^[\u4e00-\u9fa5]{2,4}$/.test(person.name))).toBe(true);
    expect(new Set(personRows.map((person) => person.role))).toEqual(new Set(['owner', 'family', 'tenant']));
    const share = (predicate: (person: (typeof personRows)[number]) => boolean) => personRows.filter(predicate).length / personRows.length;
    expect(share((person) => person.isVip)).toBeGreaterThan(0.005);
    expect(share((person) => person.discStyle !== null)).toBeGreaterThan(0.2);
    const tags = new Set(personRows.flatMap((person) => person.tags));
    for (const tag of ['老人独居', '有宠物', '装修中', '孕妇', '残障', '热心业主', '投诉敏感']) expect(tags).toContain(tag);
    const [events] = await connection.db.select({ total: count() }).from(timelineEvents).where(eq(timelineEvents.tenantId, tenantId));
    expect(events!.total).toBeGreaterThanOrEqual(personRows.length);
  });

  it('addresses rooms the way stewards write them', async () => {
    const rows = await connection.db
      .select({ building: buildings.name, unit: units.name, room: households.room, project: projects.code })
      .from(households)
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .innerJoin(projects, eq(projects.id, households.projectId))
      .leftJoin(units, eq(units.id, households.unitId))
      .where(eq(households.tenantId, tenantId));
    const labels = new Set(rows.map((row) => `${row.project} ${householdLabel(row.building, row.unit, row.room)}`));
    expect(labels.size).toBe(rows.length);
    expect(labels).toContain('SH-LJY 8栋2单元1201');
    expect(labels).toContain('SH-HJZX A座2305');
    expect(labels).toContain('GZ-TLG A区商铺L2-15');
  });

  it('staffs every post and role, and the admin can sign in with the demo password', async () => {
    const staffRows = await connection.db.select().from(staffUsers).where(eq(staffUsers.tenantId, tenantId));
    expect(new Set(staffRows.flatMap((staff) => staff.roles))).toEqual(new Set(staffRoles.values));
    expect(new Set(staffRows.map((staff) => staff.post).filter((post) => post !== null))).toEqual(new Set(staffPosts.values));
    expect(staffRows.every((staff) => staff.login === staff.login.toLowerCase() && staff.login.endsWith(`@${code}`))).toBe(true);
    const assignments = await connection.db.select().from(staffProjects).where(eq(staffProjects.tenantId, tenantId));
    const assigned = new Set(assignments.map((assignment) => assignment.staffId));
    for (const staff of staffRows) expect(assigned.has(staff.id)).toBe(!staff.roles.includes('admin') && !staff.roles.includes('quality'));

    expect(logins.map((login) => login.role)).toEqual(['admin', 'quality', 'manager', 'steward', 'technician']);
    const admin = logins.find((login) => login.role === 'admin')!;
    expect(admin.login).toBe(`admin@${code}`);
    const adminRow = staffRows.find((staff) => staff.login === admin.login)!;
    expect(await verifyPassword(adminRow.passwordHash, admin.password)).toBe(true);
    expect(messages.at(-1)).toMatch(/demo ready/);
  });

  it("gives its steward a scorecard of last month's points, each with its record, and the manager a ranking of the project", async () => {
    const steward = logins.find((login) => login.role === 'steward')!;
    const cookie = await cookieOf(steward);
    const card = (await t.app.inject({ method: 'GET', url: '/api/v1/scorecards/me?month=2026-10', headers: { cookie } })).json<{
      staffId: string;
      total: number;
      bonus: number;
      deduction: number;
      trend: { month: string; deduction: number }[];
      byKind: { kind: string; events: number }[];
      ranks: { rank: number | null; n: number }[];
    }>();
    expect(card.bonus).toBeGreaterThan(0);
    // One steward's month can be thin or clean (the seeded history differs between PGlite and PostgreSQL); over the
    // half year the history has on-time and late tickets, confirmed return visits and low ratings.
    expect(card.trend.some((month) => month.deduction < 0)).toBe(true);
    const kinds = new Set<string>();
    for (const { month } of card.trend) {
      const monthCard = (await t.app.inject({ method: 'GET', url: `/api/v1/scorecards/me?month=${month}`, headers: { cookie } })).json<typeof card>();
      for (const entry of monthCard.byKind) kinds.add(entry.kind);
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['sla_met', 'sla_missed', 'visit_confirmed']));
    expect(card.ranks[0]!.n).toBeGreaterThan(1);
    const points = (await t.app.inject({ method: 'GET', url: `/api/v1/scorecards/staff/${card.staffId}/points?month=2026-10`, headers: { cookie } })).json<{
      items: { ticketId: string | null; points: number }[];
    }>();
    expect(points.items.some((point) => point.ticketId !== null)).toBe(true);
    const manager = logins.find((login) => login.role === 'manager')!;
    const managerCookie = await cookieOf(manager);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: managerCookie } })).json<{ projects: { id: string }[] }>();
    const ranking = (
      await t.app.inject({ method: 'GET', url: `/api/v1/scorecards/projects/${me.projects[0]!.id}/ranking?month=2026-10`, headers: { cookie: managerCookie } })
    ).json<{ rows: { points: number }[] }>();
    expect(ranking.rows.filter((row) => row.points !== 0).length).toBeGreaterThan(2);
  });

  it("fills the showcase manager's 5-GAP workspace: gap 5 from the SERVQUAL wave, gap 3 from inspections, gap 1 from the managers' questionnaire, and a SWOT", async () => {
    const manager = logins.find((login) => login.role === 'manager')!;
    const cookie = await cookieOf(manager);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json<{ projects: { id: string }[] }>();
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/gaps?projectId=${me.projects[0]!.id}&period=2026-Q4`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const workspace = response.json<{
      wave: { responses: number } | null;
      gaps: { gap: number; size: number | null; figures: Record<string, number | null>; evidence: unknown[]; swot: { strengths: string } | null }[];
    }>();
    expect(workspace.wave!.responses).toBeGreaterThan(20);
    const [one, two, three, four, five] = workspace.gaps;
    // The company's own tree has 社区文化活动 without a standard and weighs 有形度 and 同理度 unlike owners.
    expect(two!.size).toBeGreaterThanOrEqual(2);
    // Owners expect more than they perceive, and managers misjudge what owners expect.
    expect(five!.size).toBeLessThan(0);
    expect(five!.evidence).toHaveLength(5);
    expect(five!.swot!.strengths).toMatch(/工程维修/);
    expect(three!.size).toBeGreaterThan(0);
    expect(three!.figures.inspectionRounds).toBeGreaterThan(0);
    expect(one!.size).toBeGreaterThan(0.3);
    // Most agreed visit times were kept, a few were not.
    expect(four!.figures.kept).toBeGreaterThan(10);
    expect(four!.size).toBeGreaterThan(0);
    expect(four!.size).toBeLessThan(50);
  });

  it('runs a quarter of the management loop: targets committed and decomposed to teams, actions claimed and done, a town hall with ORID and 5-3-1', async () => {
    const manager = logins.find((login) => login.role === 'manager')!;
    const cookie = await cookieOf(manager);
    const get = async <T>(url: string) => (await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } })).json<T>();
    type Target = {
      id: string;
      parentId: string | null;
      scopeKind: string;
      basis: string | null;
      weight: number | null;
      value: number;
      committedByName: string | null;
    };
    const targets = (await get<{ items: Target[] }>('/targets')).items;
    const parents = targets.filter((target) => target.parentId === null && target.basis !== null);
    expect(parents.length).toBeGreaterThanOrEqual(2);
    for (const parent of parents) {
      const children = targets.filter((target) => target.parentId === parent.id);
      expect(children.map((child) => child.scopeKind)).toEqual(['team', 'team']);
      const total = children.reduce((sum, child) => sum + child.weight!, 0);
      // The children add up to the parent on the basis it names.
      expect(children.reduce((sum, child) => sum + child.value * child.weight!, 0) / total).toBeGreaterThanOrEqual(parent.value - 0.05);
      expect(parent.committedByName).not.toBeNull();
    }
    type Action = { id: string; state: string; ownerName: string | null; evidence: string; effect: { improved: boolean } | null };
    const actions = (await get<{ items: Action[] }>('/actions')).items;
    expect(new Set(actions.map((action) => action.state))).toEqual(new Set(['done', 'claimed', 'open', 'overdue']));
    const done = actions.filter((action) => action.state === 'done');
    expect(done.every((action) => action.ownerName !== null && action.evidence !== '' && action.effect?.improved === true)).toBe(true);
    const meetings = (
      await get<{ items: { id: string; kind: string; orid: { decisional: string }; wrapUp: { takeaways: string[]; tools: string[]; action: string } }[] }>(
        '/meetings',
      )
    ).items;
    const townHall = meetings.find((meeting) => meeting.kind === 'town_hall')!;
    expect(townHall.orid.decisional).not.toBe('');
    expect([townHall.wrapUp.takeaways.length, townHall.wrapUp.tools.length, townHall.wrapUp.action === '' ? 0 : 1]).toEqual([5, 3, 1]);
    const view = await get<{ teams: { post: string; actions: unknown[]; targets: unknown[] }[] }>(`/meetings/${townHall.id}/town-hall`);
    expect(view.teams.map((team) => team.post).sort()).toEqual(['cleaning', 'engineering', 'security', 'steward']);
    expect(view.teams.every((team) => team.targets.length === 1 && team.actions.length > 0)).toBe(true);
    const me = await get<{ projects: { id: string }[] }>('/auth/me');
    const agenda = await get<{ overdueActions: unknown[]; questions: { answer: string | null }[] }>(`/meeting-agenda?projectId=${me.projects[0]!.id}`);
    expect(agenda.overdueActions.length).toBeGreaterThan(0);
    expect(agenda.questions.some((question) => question.answer === null)).toBe(true);
  });

  it('keeps a case library: every closed complaint drafted, the latest story complaints written up and published, one on the weekly meeting', async () => {
    // The quality department edits the library (and the managers' sign-ins are spent by the tests around).
    const quality = logins.find((login) => login.role === 'quality')!;
    const cookie = await cookieOf(quality);
    type Case = { status: string; ticketNumber: string; meetingFlaggedAt: string | null; content: { cause: string; lesson: string; ownerWords: string } };
    const list = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/cases${query}`, headers: { cookie } })).json<{ items: Case[] }>().items;
    const published = await list('?status=published');
    expect(published.length).toBeGreaterThanOrEqual(1);
    // A published case carries what a reader learns from; the draft's story came from its ticket.
    expect(published.every((item) => item.content.cause !== '' && item.content.lesson !== '' && item.ticketNumber !== '')).toBe(true);
    expect((await list('?meeting=yes')).length).toBe(1);
    expect((await list('?status=draft')).length).toBeGreaterThan(published.length);
  });

  it("trains its stewards: a manager's view shows drills passed and failed and an overdue assignment, and the steward's record is real", async () => {
    const manager = logins.find((login) => login.role === 'manager')!;
    const cookie = await cookieOf(manager);
    const team = (await t.app.inject({ method: 'GET', url: '/api/v1/training/team', headers: { cookie } })).json<{
      items: { roles: string[]; assigned: number; overdue: number; drillsPassed: number; averageDrillScore: number | null; practicesPassed: number }[];
    }>();
    const stewards = team.items.filter((item) => item.roles.includes('steward'));
    expect(stewards.length).toBeGreaterThan(0);
    expect(stewards.every((item) => item.assigned === 2)).toBe(true);
    expect(stewards.some((item) => item.overdue > 0)).toBe(true);
    expect(team.items.some((item) => item.averageDrillScore !== null && item.averageDrillScore < 100)).toBe(true);
    const courses = (await t.app.inject({ method: 'GET', url: '/api/v1/training/courses', headers: { cookie } })).json<{ items: { builtIn: boolean }[] }>();
    expect(courses.items.some((course) => !course.builtIn)).toBe(true);
    // Script practice: some passed, and the steward's own record shows real practice scores, passed and not.
    expect(team.items.some((item) => item.practicesPassed > 0)).toBe(true);
    const steward = logins.find((login) => login.role === 'steward')!;
    const stewardCookie = await cookieOf(steward);
    const practices = (await t.app.inject({ method: 'GET', url: '/api/v1/training/practice', headers: { cookie: stewardCookie } })).json<{
      items: { attempts: number }[];
    }>();
    expect(practices.items.some((item) => item.attempts > 0)).toBe(true);
    const everyone = await connection.db
      .select()
      .from(learningRecords)
      .where(and(eq(learningRecords.tenantId, tenantId), eq(learningRecords.kind, 'practice')));
    expect(everyone.some((row) => row.passed === true)).toBe(true);
    expect(everyone.some((row) => row.passed === false)).toBe(true);
  });

  it('has notices with read receipts: one read by some after a reminder, one read by some without, one draft', async () => {
    const manager = logins.find((login) => login.role === 'manager')!;
    const cookie = await cookieOf(manager);
    type Notice = { id: string; kind: string; status: string; delivered: number; read: number; reminded: number };
    const notices = (await t.app.inject({ method: 'GET', url: '/api/v1/notices', headers: { cookie } })).json<{ items: Notice[] }>().items;
    expect(notices.map((notice) => notice.kind).sort()).toEqual(['fee', 'seasonal', 'works']);
    const rain = notices.find((notice) => notice.kind === 'seasonal')!;
    expect(rain).toMatchObject({ status: 'published' });
    expect(rain.read).toBeGreaterThan(0);
    expect(rain.delivered).toBeGreaterThan(rain.read);
    expect(rain.reminded).toBeGreaterThan(0);
    const works = notices.find((notice) => notice.kind === 'works')!;
    expect(works.read).toBeGreaterThan(0);
    expect(works).toMatchObject({ status: 'published', reminded: 0 });
    expect(notices.find((notice) => notice.kind === 'fee')).toMatchObject({ status: 'draft', delivered: 0 });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/notices/${rain.id}`, headers: { cookie } })).json<{
      receipts: { readAt: string | null; remindedAt: string | null }[];
    }>();
    // Read after the reminder: the reminder worked on some.
    expect(detail.receipts.some((receipt) => receipt.remindedAt !== null && receipt.readAt !== null && receipt.readAt > receipt.remindedAt)).toBe(true);
    expect(detail.receipts.some((receipt) => receipt.readAt === null)).toBe(true);
    expect(messages.some((message) => /位未读住户已提醒 reminded/.test(message))).toBe(true);
  });

  it('has a residential journey map, published with a 2.0 draft, whose repair moments show tickets and a peak-end score', async () => {
    const quality = logins.find((login) => login.role === 'quality')!;
    const cookie = await cookieOf(quality);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/journeys', headers: { cookie } })).json<{
      items: { id: string; projectType: string; publishedNumber: number | null; latestNumber: number }[];
    }>();
    const residential = list.items.find((item) => item.projectType === 'residential')!;
    expect(residential).toMatchObject({ publishedNumber: 1, latestNumber: 2 });
    const live = (await t.app.inject({ method: 'GET', url: `/api/v1/journeys/${residential.id}/versions/1/live`, headers: { cookie } })).json<{
      touchpoints: { id: string; tickets: number; peakEndScore: number | null }[];
    }>();
    const repair = live.touchpoints.find((touchpoint) => touchpoint.id === 'repair-visit')!;
    expect(repair.tickets).toBeGreaterThan(0);
    expect(repair.peakEndScore).not.toBeNull();
  });

  describe('service desk', () => {
    type Ticket = {
      id: string;
      number: string;
      type: string;
      channel: string;
      status: string;
      title: string;
      isRepeat: boolean;
      reopenCount: number;
      mergedIntoId: string | null;
      sla: { state: string }[];
    };
    type Detail = Ticket & {
      events: { kind: string; at: string }[];
      visits: { outcome: string; csat: number | null; peakMoment: string | null; endMoment: string | null; comment: string }[];
      clear: { complete: boolean } | null;
      recovery: { complete: boolean; compensation: string | null } | null;
    };
    const cookies = new Map<string, string>();
    const get = async <T>(role: 'admin' | 'manager', url: string): Promise<T> => {
      if (!cookies.has(role)) cookies.set(role, await cookieOf(logins.find((login) => login.role === role)!));
      const response = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies.get(role)! } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as T;
    };
    const allTickets = async () => {
      const items: Ticket[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Ticket[]; nextCursor: string | null } = await get('admin', `/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      // The year of closed history behind the analytics homes (demo/analytics.ts) is numbered LS-…; the story is the rest.
      return items.filter((ticket) => !ticket.number.startsWith('LS-'));
    };

    it('fills the tiles with open, overdue and due-today work for head office and the showcase manager', async () => {
      for (const role of ['admin', 'manager'] as const) {
        const stats = await get<{ open: number; overdue: number; dueToday: number; slaComplianceThisMonth: { total: number } }>(role, '/tickets/stats');
        expect(stats.open, role).toBeGreaterThan(5);
        expect(stats.overdue, role).toBeGreaterThan(0);
        expect(stats.dueToday, role).toBeGreaterThan(0);
        expect(stats.slaComplianceThisMonth.total, role).toBeGreaterThan(0);
      }
      const overdue = await get<{ items: Ticket[] }>('manager', '/tickets?overdue=true&limit=100');
      expect(overdue.items.some((ticket) => ticket.sla.some((clock) => clock.state === 'breached'))).toBe(true);
    });

    it('has a realistic handful of tickets of every type, status and the channels the desk meets', async () => {
      const tickets = await allTickets();
      expect(tickets.length).toBeGreaterThanOrEqual(25);
      expect(tickets.length).toBeLessThanOrEqual(40);
      expect(new Set(tickets.map((ticket) => ticket.type))).toEqual(new Set(['repair', 'complaint', 'inquiry', 'suggestion', 'praise', 'common_area']));
      expect(new Set(tickets.map((ticket) => ticket.status))).toEqual(new Set(ticketStatuses.values));
      for (const channel of ['hotline', 'owner_h5', 'gov_12345', 'patrol', 'supervision_hotline'])
        expect(tickets.map((ticket) => ticket.channel)).toContain(channel);
      expect(tickets.every((ticket) => /^[A-Z]+-\d{8}-\d{4}$/.test(ticket.number))).toBe(true);
      expect(tickets.filter((ticket) => ticket.status === 'reopened').every((ticket) => ticket.reopenCount === 1)).toBe(true);
      expect(tickets.filter((ticket) => ticket.status === 'merged').every((ticket) => ticket.mergedIntoId !== null)).toBe(true);
      const repeat = tickets.find((ticket) => ticket.isRepeat && ticket.reopenCount === 0 && ticket.status !== 'merged');
      const repeatDetail = await get<Detail>('admin', `/tickets/${repeat!.id}`);
      expect(repeatDetail.events.map((event) => event.kind)).toContain('repeat_detected');
    });

    it('closes a repair only after the owner rated it, with every step on its timeline and in the audit trail', async () => {
      const closed = (await get<{ items: Ticket[] }>('manager', '/tickets?status=closed&type=repair&limit=100')).items;
      expect(closed.length).toBeGreaterThan(0);
      const detail = await get<Detail>('manager', `/tickets/${closed[0]!.id}`);
      const rating = detail.visits.find((visit) => visit.outcome === 'confirmed');
      expect(rating).toMatchObject({ csat: 5 });
      expect(rating!.peakMoment).toBeTruthy();
      expect(rating!.endMoment).toBeTruthy();
      expect(rating!.comment).toBeTruthy();
      const kinds = detail.events.map((event) => event.kind);
      for (const kind of ['created', 'accept', 'assign', 'start', 'resolve', 'visit', 'close']) expect(kinds).toContain(kind);
      const times = detail.events.map((event) => Date.parse(event.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(seededAt.getTime());
      const [audit] = await connection.db
        .select({ total: count() })
        .from(auditLogs)
        .where(and(eq(auditLogs.tenantId, tenantId), eq(auditLogs.entityId, detail.id)));
      expect(audit!.total).toBeGreaterThanOrEqual(6);
    });

    it('handles complaints with CLEAR and service recovery, and holds with a reason and a resume time', async () => {
      const complaints = (await get<{ items: Ticket[] }>('admin', '/tickets?type=complaint&status=closed&limit=100')).items.filter(
        (ticket) => !ticket.number.startsWith('LS-'),
      );
      expect(complaints.length).toBeGreaterThan(0);
      for (const complaint of complaints) {
        const detail = await get<Detail>('admin', `/tickets/${complaint.id}`);
        expect(detail.clear?.complete).toBe(true);
        expect(detail.recovery?.complete).toBe(true);
        expect(detail.visits.some((visit) => visit.csat !== null)).toBe(true);
      }
      const held = (await get<{ items: (Ticket & { holdReason: string | null; holdUntil: string | null })[] }>('admin', '/tickets?status=on_hold&limit=100'))
        .items;
      expect(held.length).toBeGreaterThan(0);
      expect(held.every((ticket) => ticket.holdReason && ticket.holdUntil)).toBe(true);
    });

    it('fills the analytics homes with a year of history, two survey waves and fee collection', async () => {
      type Overview = {
        campaign: { name: string } | null;
        headline: { satisfaction: { base: number }; feeCollection: { rate: number | null }; complaints: { households: number } };
        weightedIndex: number | null;
        detractorConversion: { previousDetractors: number } | null;
        children: { id: string }[];
        trendMonths: { figures: { received: number } }[];
        trendWaves: unknown[];
      };
      const home = await get<Overview>('admin', '/analytics/overview');
      expect(home.campaign?.name).toBe('2026 年下半年满意度调查');
      expect(home.headline.satisfaction.base).toBeGreaterThan(300);
      expect(home.weightedIndex).not.toBeNull();
      expect(home.detractorConversion?.previousDetractors).toBeGreaterThan(0);
      expect(home.headline.feeCollection.rate).toBeGreaterThan(0.7);
      expect(home.children).toHaveLength(2);
      // The annual questionnaire's two waves and the SERVQUAL wave behind the 5-GAP workspace (demo/gaps.ts).
      expect(home.trendWaves).toHaveLength(3);
      expect(home.trendMonths.filter((month) => month.figures.received > 0).length).toBeGreaterThanOrEqual(11);
      const ranking = await get<{ rows: { mark: string; n: number }[] }>('admin', '/analytics/rankings?metric=satisfaction');
      expect(ranking.rows).toHaveLength(5);
      expect(ranking.rows.map((row) => row.mark)).toContain('not_significant');
      expect(ranking.rows.some((row) => row.mark === 'above' || row.mark === 'below')).toBe(true);
    });

    it('rings the bell, proposes a group incident and has announced a water outage some owners have read', async () => {
      const alerts = await get<{ items: { kind: string }[]; unreadCount: number }>('admin', '/alerts?limit=100');
      expect(alerts.unreadCount).toBeGreaterThan(0);
      for (const kind of ['breach', 'escalation', 'hold_expired']) expect(alerts.items.map((alert) => alert.kind)).toContain(kind);
      const incidents = (
        await get<{ items: { kind: string; status: string; ticketCount: number; notice: { notified: number; read: number } }[] }>('manager', '/incidents')
      ).items;
      const group = incidents.find((incident) => incident.kind === 'group');
      expect(group).toMatchObject({ status: 'proposed' });
      expect(group!.ticketCount).toBeGreaterThanOrEqual(5);
      const outage = incidents.find((incident) => incident.kind === 'planned');
      expect(outage!.notice.read).toBeGreaterThan(0);
      expect(outage!.notice.notified).toBeGreaterThan(outage!.notice.read);
      expect(messages.some((message) => /张工单 tickets/.test(message))).toBe(true);
    });
  });

  it("shows every red line in its stewards' texts and owners' words on every topic", async () => {
    const texts = await connection.db.select().from(qaTexts).where(eq(qaTexts.tenantId, tenantId));
    expect(new Set(texts.flatMap((text) => text.redLines))).toEqual(new Set(['impatient', 'refusing', 'doubting', 'casual', 'shirking']));
    expect(texts.some((text) => text.score >= 80)).toBe(true);
    const open = await connection.db
      .select()
      .from(qaFindings)
      .where(and(eq(qaFindings.tenantId, tenantId), eq(qaFindings.status, 'open')));
    expect(open.length).toBeGreaterThan(0);
    const voices = await connection.db.select().from(ownerVoiceTexts).where(eq(ownerVoiceTexts.tenantId, tenantId));
    expect(new Set(voices.flatMap((voice) => voice.topics))).toEqual(new Set(baseTextConfig.topics.map((topic) => topic.code)));
    expect(new Set(voices.map((voice) => voice.npsGroup))).toEqual(new Set(['promoter', 'passive', 'detractor']));
    // Every kind of owner-facing text, a company rule that fires, and the quoted owner left alone.
    expect([...new Set(texts.map((text) => text.sourceType))]).toEqual(
      expect.arrayContaining(['ticket_update', 'visit_remark', 'canned_reply', 'notice', 'homework']),
    );
    const ruleIds = new Set((await connection.db.select().from(qaFindings).where(eq(qaFindings.tenantId, tenantId))).map((finding) => finding.ruleId));
    expect(ruleIds.has('co.jargon')).toBe(true);
    const quoted = texts.find((text) => text.body.startsWith('回访时业主说'))!;
    expect(quoted.redLines).toEqual([]);
  });

  it('refuses to seed the same company twice', async () => {
    await expect(seedDemo(connection.db, { log: () => undefined, tenantCode: code })).rejects.toThrow(/already exists/);
  });
});
