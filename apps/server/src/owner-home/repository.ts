import {
  buildings,
  campaigns,
  households,
  persons,
  projects,
  staffPraises,
  staffProjects,
  staffUsers,
  surveyInvitations,
  units,
  type Executor,
} from '@manyi/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

/** The signed-in resident's homes with their building's steward (one phone may live in several flats). */
export async function homesWithSteward(db: Executor, tenantId: string, resident: { personId: string; phone: string | null }) {
  const sameResident = resident.phone ? eq(persons.phone, resident.phone) : eq(persons.id, resident.personId);
  return db
    .selectDistinct({
      householdId: households.id,
      projectId: households.projectId,
      room: households.room,
      buildingName: buildings.name,
      unitName: units.name,
      stewardId: buildings.stewardId,
    })
    .from(persons)
    .innerJoin(households, and(eq(households.tenantId, persons.tenantId), eq(households.id, persons.householdId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(persons.tenantId, tenantId), sameResident));
}

const stewardColumns = {
  id: staffUsers.id,
  name: staffUsers.name,
  phone: staffUsers.phone,
  workingHours: staffUsers.workingHours,
  photoKey: staffUsers.photoKey,
};

export async function activeStaffByIds(db: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select(stewardColumns)
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), inArray(staffUsers.id, ids), eq(staffUsers.active, true)));
}

/** Where a building names no steward, the project's stewards (by name) stand in. */
export async function projectStewards(db: Executor, tenantId: string, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select({ ...stewardColumns, projectId: staffProjects.projectId })
    .from(staffUsers)
    .innerJoin(staffProjects, and(eq(staffProjects.tenantId, staffUsers.tenantId), eq(staffProjects.staffId, staffUsers.id)))
    .where(
      and(
        eq(staffUsers.tenantId, tenantId),
        inArray(staffProjects.projectId, projectIds),
        eq(staffUsers.active, true),
        eq(staffUsers.post, 'steward'),
        sql`'steward' = any(${staffUsers.roles})`,
      ),
    )
    .orderBy(asc(staffUsers.name));
}

export async function staffInProjects(db: Executor, tenantId: string, staffId: string, projectIds: string[]) {
  if (projectIds.length === 0) return undefined;
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, projectId: staffProjects.projectId })
    .from(staffUsers)
    .innerJoin(staffProjects, and(eq(staffProjects.tenantId, staffUsers.tenantId), eq(staffProjects.staffId, staffUsers.id)))
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId), eq(staffUsers.active, true), inArray(staffProjects.projectId, projectIds)))
    .limit(1);
  return row;
}

/** Survey invitations of the households, newest first, with their campaign. */
export async function invitationsOf(db: Executor, tenantId: string, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      invitation: surveyInvitations,
      campaignName: campaigns.name,
      campaignStatus: campaigns.status,
      opensAt: campaigns.opensAt,
      closesAt: campaigns.closesAt,
    })
    .from(surveyInvitations)
    .innerJoin(campaigns, and(eq(campaigns.tenantId, surveyInvitations.tenantId), eq(campaigns.id, surveyInvitations.campaignId)))
    .where(and(eq(surveyInvitations.tenantId, tenantId), inArray(surveyInvitations.householdId, householdIds)))
    .orderBy(desc(surveyInvitations.invitedAt))
    .limit(20);
}

export async function insertPraise(db: Executor, row: typeof staffPraises.$inferInsert) {
  const [inserted] = await db.insert(staffPraises).values(row).returning();
  return inserted!;
}

export async function projectNames(db: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), inArray(projects.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
