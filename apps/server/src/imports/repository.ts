import { buildings, households, importJobs, persons, projects, timelineEvents, units, type Executor } from '@manyi/db';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ProjectSnapshot } from './validate';
import { nameInitials } from '../persons/initials';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportStatus = 'validating' | 'validated' | 'invalid' | 'committing' | 'committed' | 'failed';
type JobPatch = Partial<Omit<typeof importJobs.$inferInsert, 'id' | 'tenantId' | 'status'>> & { status?: ImportStatus };

export async function insertJob(db: Executor, job: typeof importJobs.$inferInsert & { status: ImportStatus }): Promise<ImportJobRow> {
  const [created] = await db.insert(importJobs).values(job).returning();
  return created!;
}

export async function findJob(db: Executor, tenantId: string, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, id)));
  return row;
}

/** Updates a job, optionally only while it is still in one of `from` (a compare-and-set on status). */
export async function updateJob(db: Executor, tenantId: string, id: string, patch: JobPatch, from?: ImportStatus[]): Promise<ImportJobRow | undefined> {
  const [row] = await db
    .update(importJobs)
    .set(patch)
    .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, id), from ? inArray(importJobs.status, from) : undefined))
    .returning();
  return row;
}

/**
 * Jobs a stopped process left half-way ('validating' or 'committing', created before `before`),
 * across every company: failed as interrupted. A commit runs in one transaction, so an interrupted
 * one wrote nothing. Returns how many were swept.
 */
export async function failInterruptedJobs(db: Executor, before: Date, now: Date): Promise<number> {
  const rows = await db
    .update(importJobs)
    .set({ status: 'failed', failure: 'interrupted', finishedAt: now })
    .where(and(inArray(importJobs.status, ['validating', 'committing']), lt(importJobs.createdAt, before)))
    .returning({ id: importJobs.id });
  return rows.length;
}

export async function projectExists(db: Executor, tenantId: string, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, projectId)));
  return row !== undefined;
}

/**
 * Buildings, units and occupied rooms of the project. Inside the commit transaction the
 * buildings are read FOR SHARE, so none can be renamed or deleted until the import is in.
 */
export async function loadSnapshot(db: Executor, tenantId: string, projectId: string, lock = false): Promise<ProjectSnapshot> {
  const buildingQuery = db
    .select({ id: buildings.id, name: buildings.name })
    .from(buildings)
    .where(and(eq(buildings.tenantId, tenantId), eq(buildings.projectId, projectId)));
  const buildingRows = lock ? await buildingQuery.for('share') : await buildingQuery;
  const unitRows = await db
    .select({ id: units.id, buildingId: units.buildingId, name: units.name })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.projectId, projectId)));
  const rooms = await db
    .select({ buildingId: households.buildingId, unitId: households.unitId, room: households.room })
    .from(households)
    .where(and(eq(households.tenantId, tenantId), eq(households.projectId, projectId)));
  return { buildings: buildingRows, units: unitRows, rooms };
}

type UnnestColumn = { column: AnyPgColumn; type: string; values: unknown[]; cast?: string };

/**
 * INSERT … SELECT FROM unnest(array per column): one parameter per column however many rows,
 * which PostgreSQL and PGlite both take far faster than a thousand-row VALUES list (building
 * that in drizzle alone costs ~60 ms per thousand rows).
 */
async function insertByUnnest(db: Executor, table: PgTable, columns: UnnestColumn[]): Promise<void> {
  const names = sql.join(
    columns.map((column) => sql.identifier(column.column.name)),
    sql.raw(', '),
  );
  const selected = sql.join(
    columns.map((column) => (column.cast ? sql`${sql.identifier(column.column.name)}::${sql.raw(column.cast)}` : sql.identifier(column.column.name))),
    sql.raw(', '),
  );
  const arrays = sql.join(
    columns.map((column) => sql`${sql.param(column.values)}::${sql.raw(column.type)}[]`),
    sql.raw(', '),
  );
  await db.execute(sql`insert into ${table} (${names}) select ${selected} from unnest(${arrays}) as u(${names})`);
}

/** A text[] literal, so that rows of different tag counts fit in one text[] parameter. */
function textArrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

export type NewUnit = { id: string; tenantId: string; projectId: string; buildingId: string; name: string };
export type NewHousehold = {
  id: string;
  tenantId: string;
  projectId: string;
  buildingId: string;
  unitId: string | null;
  room: string;
  area: number | null;
  status: string;
  sortKey: string;
};
export type NewPerson = {
  id: string;
  tenantId: string;
  projectId: string;
  householdId: string;
  name: string;
  role: string;
  phone: string | null;
  isVip: boolean;
  tags: string[];
  note: string;
};
export type NewTimelineEvent = {
  id: string;
  tenantId: string;
  personId: string;
  householdId: string;
  kind: string;
  title: string;
  detail: unknown;
  actorName: string;
  occurredAt: Date;
};

export async function insertUnits(db: Executor, rows: NewUnit[]): Promise<void> {
  if (rows.length > 0) await db.insert(units).values(rows);
}

export async function insertHouseholds(db: Executor, rows: NewHousehold[]): Promise<void> {
  if (rows.length === 0) return;
  await insertByUnnest(db, households, [
    { column: households.id, type: 'uuid', values: rows.map((row) => row.id) },
    { column: households.tenantId, type: 'uuid', values: rows.map((row) => row.tenantId) },
    { column: households.projectId, type: 'uuid', values: rows.map((row) => row.projectId) },
    { column: households.buildingId, type: 'uuid', values: rows.map((row) => row.buildingId) },
    { column: households.unitId, type: 'uuid', values: rows.map((row) => row.unitId) },
    { column: households.room, type: 'text', values: rows.map((row) => row.room) },
    { column: households.area, type: 'numeric', values: rows.map((row) => row.area) },
    { column: households.status, type: 'text', values: rows.map((row) => row.status) },
    { column: households.sortKey, type: 'text', values: rows.map((row) => row.sortKey) },
  ]);
}

export async function insertPersons(db: Executor, rows: NewPerson[]): Promise<void> {
  if (rows.length === 0) return;
  await insertByUnnest(db, persons, [
    { column: persons.id, type: 'uuid', values: rows.map((row) => row.id) },
    { column: persons.tenantId, type: 'uuid', values: rows.map((row) => row.tenantId) },
    { column: persons.projectId, type: 'uuid', values: rows.map((row) => row.projectId) },
    { column: persons.householdId, type: 'uuid', values: rows.map((row) => row.householdId) },
    { column: persons.name, type: 'text', values: rows.map((row) => row.name) },
    { column: persons.nameInitials, type: 'text', values: rows.map((row) => nameInitials(row.name)) },
    { column: persons.role, type: 'text', values: rows.map((row) => row.role) },
    { column: persons.phone, type: 'text', values: rows.map((row) => row.phone) },
    { column: persons.isVip, type: 'boolean', values: rows.map((row) => row.isVip) },
    { column: persons.tags, type: 'text', cast: 'text[]', values: rows.map((row) => textArrayLiteral(row.tags)) },
    { column: persons.note, type: 'text', values: rows.map((row) => row.note) },
  ]);
}

export async function insertTimelineEvents(db: Executor, rows: NewTimelineEvent[]): Promise<void> {
  if (rows.length === 0) return;
  await insertByUnnest(db, timelineEvents, [
    { column: timelineEvents.id, type: 'uuid', values: rows.map((row) => row.id) },
    { column: timelineEvents.tenantId, type: 'uuid', values: rows.map((row) => row.tenantId) },
    { column: timelineEvents.personId, type: 'uuid', values: rows.map((row) => row.personId) },
    { column: timelineEvents.householdId, type: 'uuid', values: rows.map((row) => row.householdId) },
    { column: timelineEvents.kind, type: 'text', values: rows.map((row) => row.kind) },
    { column: timelineEvents.title, type: 'text', values: rows.map((row) => row.title) },
    { column: timelineEvents.detail, type: 'text', cast: 'jsonb', values: rows.map((row) => JSON.stringify(row.detail)) },
    { column: timelineEvents.actorName, type: 'text', values: rows.map((row) => row.actorName) },
    { column: timelineEvents.occurredAt, type: 'timestamptz', values: rows.map((row) => row.occurredAt.toISOString()) },
  ]);
}
