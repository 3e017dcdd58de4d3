import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { slaPolicies, type Executor } from '@manyi/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testDatabase } from '../../test';
import { defaultPolicyRows } from './policy-store';

/** The targets the routine-repair and complaint defaults had before issue 15 §8. */
const oldRoutine = {
  first_response: { minutes: 30, calendar: 'working_hours' },
  resolution: { minutes: 480, calendar: 'working_hours' },
  return_visit: { minutes: 1440, calendar: '24x7' },
};
const oldComplaint = {
  first_response: { minutes: 30, calendar: '24x7' },
  owner_update: { minutes: 1440, calendar: '24x7' },
  resolution: { minutes: 1440, calendar: 'working_hours' },
  return_visit: { minutes: 4320, calendar: '24x7' },
};

describe('migration 0018: default SLA policies move to the round-the-clock calendar', () => {
  let connection: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    connection = await testDatabase();
  });
  afterAll(() => connection.close());

  it('moves the policies still at the old default and leaves a company-edited one alone', async () => {
    const db = connection.db;
    const untouched = await createTenant(db, '未改默认物业');
    const edited = await createTenant(db, '自定时限物业');
    const weekdayDesk = { ...oldRoutine, first_response: { minutes: 60, calendar: 'working_hours' } };
    for (const [tenantId, routine] of [
      [untouched.id, oldRoutine],
      [edited.id, weekdayDesk],
    ] as const) {
      const rows = defaultPolicyRows(tenantId).map((row) =>
        row.code === 'routine_repair' ? { ...row, targets: routine } : row.code === 'complaint' ? { ...row, targets: oldComplaint } : row,
      );
      await db.insert(slaPolicies).values(rows);
    }
    const file = fileURLToPath(new URL('../../../../packages/db/migrations/0021_front_line.sql', import.meta.url));
    const statements = (await readFile(file, 'utf8')).split('--> statement-breakpoint').filter((text) => /UPDATE/i.test(text));
    const targets = async (tx: Executor, tenantId: string, code: string) =>
      (
        await tx
          .select()
          .from(slaPolicies)
          .where(and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.code, code)))
      )[0]!.targets;
    // Inside a transaction rolled back afterwards, so other test files sharing a PostgreSQL database see nothing.
    await db
      .transaction(async (tx) => {
        for (const statement of statements) await tx.execute(sql.raw(statement));
        const current = defaultPolicyRows(untouched.id);
        expect(await targets(tx, untouched.id, 'routine_repair')).toEqual(current.find((row) => row.code === 'routine_repair')!.targets);
        expect(await targets(tx, untouched.id, 'complaint')).toEqual(current.find((row) => row.code === 'complaint')!.targets);
        expect(await targets(tx, edited.id, 'routine_repair')).toEqual(weekdayDesk);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
  });
});
