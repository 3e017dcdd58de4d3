import { householdSortKey, type StaffRole } from '@manyi/core';
import { buildings, households, persons, projects, staffProjects, staffUsers, tenants, units, type Database } from '@manyi/db';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../src/auth/password';

export const testPassword = 'Passw0rd-test';
let passwordHash: Promise<string> | undefined;
const unique = () => uuidv7().replace(/-/g, '').slice(-12);

/** Each test builds its own company, so tests never see each other's rows (STYLE: factories, not cloning). */
export async function createTenant(db: Database, name = '测试物业') {
  const [tenant] = await db
    .insert(tenants)
    .values({ code: `t${unique()}`, name })
    .returning();
  return tenant!;
}

export async function createStaff(
  db: Database,
  tenantId: string,
  options: { roles: StaffRole[]; projectIds?: string[]; name?: string; active?: boolean; post?: string },
) {
  passwordHash ??= hashPassword(testPassword);
  const login = `u${unique()}`;
  const [staff] = await db
    .insert(staffUsers)
    .values({
      tenantId,
      login,
      name: options.name ?? '测试员工',
      passwordHash: await passwordHash,
      roles: options.roles,
      active: options.active ?? true,
      post: options.post ?? null,
    })
    .returning();
  for (const projectId of options.projectIds ?? []) {
    await db.insert(staffProjects).values({ tenantId, staffId: staff!.id, projectId });
  }
  return { ...staff!, password: testPassword };
}

export async function createProject(db: Database, tenantId: string, overrides: Partial<typeof projects.$inferInsert> = {}) {
  const [project] = await db
    .insert(projects)
    .values({
      tenantId,
      code: `P${unique()}`,
      name: '测试花园',
      type: 'residential',
      stage: 'mature',
      ...overrides,
    })
    .returning();
  return project!;
}

export async function createBuilding(db: Database, tenantId: string, projectId: string, name = '1') {
  const [building] = await db.insert(buildings).values({ tenantId, projectId, name }).returning();
  return building!;
}

export async function createUnit(db: Database, tenantId: string, projectId: string, buildingId: string, name = '1') {
  const [unit] = await db.insert(units).values({ tenantId, projectId, buildingId, name }).returning();
  return unit!;
}

export async function createHousehold(
  db: Database,
  tenantId: string,
  building: { id: string; projectId: string; name: string },
  room: string,
  unit?: { id: string; name: string },
) {
  const [household] = await db
    .insert(households)
    .values({
      tenantId,
      projectId: building.projectId,
      buildingId: building.id,
      unitId: unit?.id ?? null,
      room,
      sortKey: householdSortKey(building.name, unit?.name, room),
    })
    .returning();
  return household!;
}

export async function createPerson(
  db: Database,
  tenantId: string,
  household: { id: string; projectId: string },
  overrides: Partial<typeof persons.$inferInsert> = {},
) {
  const [person] = await db
    .insert(persons)
    .values({
      tenantId,
      projectId: household.projectId,
      householdId: household.id,
      name: '张三',
      role: 'owner',
      phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      ...overrides,
    })
    .returning();
  return person!;
}

/** A company with one project, one building and unit, one household with its owner, and an admin. */
export async function createCompany(db: Database, name = '测试物业') {
  const tenant = await createTenant(db, name);
  const project = await createProject(db, tenant.id);
  const building = await createBuilding(db, tenant.id, project.id, '1');
  const unit = await createUnit(db, tenant.id, project.id, building.id, '1');
  const household = await createHousehold(db, tenant.id, building, '101', unit);
  const owner = await createPerson(db, tenant.id, household);
  const admin = await createStaff(db, tenant.id, { roles: ['admin'], name: '管理员' });
  return { tenant, project, building, unit, household, owner, admin };
}
