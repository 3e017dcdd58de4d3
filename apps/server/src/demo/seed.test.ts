import { householdLabel, normalisePhone, projectStages, projectTypes, staffPosts, staffRoles } from '@manyi/core';
import { buildings, households, persons, projects, regions, staffProjects, staffUsers, tenants, timelineEvents, units, type Connection } from '@manyi/db';
import { and, count, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test';
import { verifyPassword } from '../auth/password';
import { seedDemo, type DemoLogin } from './seed';

describe('demo company', () => {
  let connection: Connection;
  let tenantId: string;
  let logins: DemoLogin[];
  const messages: string[] = [];
  // The PostgreSQL test database is shared by every test file, so this copy gets its own code.
  const code = `demo${uuidv7().replace(/-/g, '').slice(-10)}`;

  beforeAll(async () => {
    connection = await testDatabase();
    logins = (await seedDemo(connection.db, { log: (message) => messages.push(message), tenantCode: code })).logins;
    const [tenant] = await connection.db.select().from(tenants).where(eq(tenants.code, code));
    tenantId = tenant!.id;
  });
  afterAll(() => connection.close());

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
    const householdRows = await connection.db.select({ id: households.id, status: households.status }).from(households).where(eq(households.tenantId, tenantId));
    expect(householdRows.length).toBeGreaterThanOrEqual(2_800);
    expect(householdRows.length).toBeLessThanOrEqual(3_200);
    const occupied = householdRows.filter((household) => household.status === 'occupied').length;
    expect(occupied / householdRows.length).toBeGreaterThan(0.6);
    const owners = await connection.db.select({ householdId: persons.householdId, total: count() }).from(persons)
      .where(and(eq(persons.tenantId, tenantId), eq(persons.role, 'owner'))).groupBy(persons.householdId);
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
    const rows = await connection.db.select({ building: buildings.name, unit: units.name, room: households.room, project: projects.code })
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

  it('refuses to seed the same company twice', async () => {
    await expect(seedDemo(connection.db, { log: () => undefined, tenantCode: code })).rejects.toThrow(/already exists/);
  });
});
