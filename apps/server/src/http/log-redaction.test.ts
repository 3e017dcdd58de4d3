import { persons } from '@manyi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createTestApp, type TestApp } from '../../test';
import { serializeError } from './log-redaction';

describe('error logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keep the failed statement but not its parameters: no resident names or phone numbers', async () => {
    const company = await createCompany(t.connection.db);
    // A duplicate primary key: the driver's error names the statement, the database's detail quotes the key.
    const error = await t.connection.db
      .insert(persons)
      .values({ ...company.owner, name: '隐私姓名', phone: '13912340000' })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(Error);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).message)).toContain('13912340000');
    const serialized = serializeError(error as Error) as { query: string };
    expect(serialized.query).toContain('insert into "persons"');
    const logged = JSON.stringify(serialized);
    expect(logged).not.toContain('隐私姓名');
    expect(logged).not.toContain('13912340000');
    expect(logged).not.toContain(company.owner.id);
  });
});
