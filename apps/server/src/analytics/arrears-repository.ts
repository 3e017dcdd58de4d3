/** One household's arrears, as the console's entry form writes them (the sheet import's statements are in repository.ts). */
import { householdArrears, queryRows, type Executor } from '@manyi/db';
import { and, eq, sql } from 'drizzle-orm';

export type ArrearsRow = typeof householdArrears.$inferSelect;

/** The household's project and its label as the arrears list shows it (building, unit, room); undefined when the company has no such household. */
export async function arrearsHouseholdPlace(db: Executor, tenantId: string, householdId: string): Promise<{ projectId: string; label: string } | undefined> {
  const [row] = await queryRows<{ projectId: string; label: string }>(
    db,
    sql`select h.project_id as "projectId", coalesce(b.name, '') || coalesce(u.name, '') || ' ' || h.room as label
      from households h
      left join buildings b on b.tenant_id = h.tenant_id and b.id = h.building_id
      left join units u on u.tenant_id = h.tenant_id and u.id = h.unit_id
      where h.tenant_id = ${tenantId} and h.id = ${householdId}`,
  );
  return row;
}

export async function findArrears(db: Executor, tenantId: string, householdId: string): Promise<ArrearsRow | undefined> {
  const [row] = await db
    .select()
    .from(householdArrears)
    .where(and(eq(householdArrears.tenantId, tenantId), eq(householdArrears.householdId, householdId)));
  return row;
}

export async function upsertArrears(
  tx: Executor,
  row: { tenantId: string; householdId: string; projectId: string; amount: number; months: number; reason: string; updatedAt: Date },
): Promise<ArrearsRow> {
  const [saved] = await tx
    .insert(householdArrears)
    .values(row)
    .onConflictDoUpdate({
      target: [householdArrears.tenantId, householdArrears.householdId],
      set: { projectId: row.projectId, amount: row.amount, months: row.months, reason: row.reason, updatedAt: row.updatedAt },
    })
    .returning();
  return saved!;
}

export async function deleteArrears(tx: Executor, tenantId: string, householdId: string): Promise<ArrearsRow | undefined> {
  const [removed] = await tx
    .delete(householdArrears)
    .where(and(eq(householdArrears.tenantId, tenantId), eq(householdArrears.householdId, householdId)))
    .returning();
  return removed;
}
