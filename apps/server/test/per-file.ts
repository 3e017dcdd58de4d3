import { afterAll, beforeAll } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app';
import { createCompany } from './factories';

export type Company = Awaited<ReturnType<typeof createCompany>>;

/**
 * The hooks every API test file starts with: one test app (its own database) built before the
 * file's first test and handed to `ready` (which keeps it and builds what the tests share), closed
 * after the last test. Files share nothing, so they run in parallel.
 */
export function testAppPerFile(ready: (t: TestApp) => Promise<unknown> | void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp();
    await ready(app);
  });
  afterAll(() => app?.close());
}

/** testAppPerFile with one company (createCompany) and its admin signed in: `admin` is the cookie. */
export function companyAppPerFile(ready: (made: { t: TestApp; company: Company; admin: string }) => void): void {
  testAppPerFile(async (t) => {
    const company = await createCompany(t.connection.db);
    ready({ t, company, admin: await signIn(t.app, company.admin.login, company.admin.password) });
  });
}
