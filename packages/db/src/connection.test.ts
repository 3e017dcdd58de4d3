import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, IdleInTransactionError, type Connection } from './connection';
import { queryRows } from './sql-helpers';

/** Issue 14 §7 on the embedded database: what PGlite does with the timeouts PostgreSQL enforces. */
describe('PGlite timeouts', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connect({ idleInTransactionTimeoutMs: 300 });
  });
  afterAll(() => connection.close());

  it('does not act on statement_timeout (no timer signals in its WebAssembly build), as connection.ts documents', async () => {
    const started = Date.now();
    const rows = await connection.db.transaction(async (tx) => {
      await tx.execute(sql`set local statement_timeout = 100`);
      return queryRows<{ slept: string }>(tx, sql`select pg_sleep(0.6)::text as slept`);
    });
    // On PostgreSQL this is "canceling statement due to statement timeout"; if PGlite ever cancels it,
    // pass statementTimeoutMs to PGlite too and turn this test round.
    expect(rows).toEqual([{ slept: '' }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });

  it('rolls back a transaction left idle, freeing the one connection for everyone else', async () => {
    await connection.db.execute(sql`create table if not exists idle_probe (n int)`);
    let abandoned: Promise<unknown> | undefined;
    const stuck = connection.db.transaction(async (tx) => {
      await tx.execute(sql`insert into idle_probe values (1)`);
      // A request that waits on something that never answers, inside its transaction.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      abandoned = tx.execute(sql`insert into idle_probe values (2)`);
      await abandoned.catch(() => undefined);
    });
    const started = Date.now();
    await expect(stuck).rejects.toBeInstanceOf(IdleInTransactionError);
    expect(Date.now() - started).toBeLessThan(1_200);
    // Others get the connection at once, and nothing of the abandoned transaction was kept.
    expect(await queryRows(connection.db, sql`select count(*)::int as n from idle_probe`)).toEqual([{ n: 0 }]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await expect(abandoned).rejects.toMatchObject({ cause: { message: expect.stringMatching(/transaction is closed/i) } });
    expect(await queryRows(connection.db, sql`select count(*)::int as n from idle_probe`)).toEqual([{ n: 0 }]);
  });

  it('never cuts a transaction that keeps running statements, however long it takes', async () => {
    const total = await connection.db.transaction(async (tx) => {
      let sum = 0;
      for (let i = 0; i < 8; i += 1) {
        const [row] = await queryRows<{ n: number }>(tx, sql`select ${i}::int as n, pg_sleep(0.1)`);
        sum += row!.n;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return sum;
    });
    expect(total).toBe(28);
  });
});

/** The planner settings every app connection to PostgreSQL carries (connection.ts), whatever the server's defaults. */
describe.runIf(process.env.DATABASE_URL)('PostgreSQL connection settings', () => {
  it('sets random_page_cost, jit and the timeouts on each pooled connection', async () => {
    const connection = await connect({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
    try {
      const [row] = await queryRows<{ cost: string; jit: string; timeout: string }>(
        connection.db,
        sql`select current_setting('random_page_cost') as cost, current_setting('jit') as jit, current_setting('statement_timeout') as timeout`,
      );
      expect(row).toEqual({ cost: '1.1', jit: 'off', timeout: '30s' });
    } finally {
      await connection.close();
    }
  });
});
