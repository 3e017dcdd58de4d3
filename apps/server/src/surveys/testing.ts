/** A company with a quality officer (who designs surveys) and a steward (who may only read), signed in. */
import { createCompany, createStaff, signIn, type TestApp } from '../../test';

export async function surveyDesigners(t: TestApp) {
  const db = t.connection.db;
  const company = await createCompany(db);
  const quality = await createStaff(db, company.tenant.id, { roles: ['quality'], name: '品质部周敏' });
  const steward = await createStaff(db, company.tenant.id, { roles: ['steward'], projectIds: [company.project.id], name: '管家王丽' });
  const cookies = { quality: await signIn(t.app, quality.login, quality.password), steward: await signIn(t.app, steward.login, steward.password) };
  const call = (who: keyof typeof cookies, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who] }, ...(payload && { payload }) });
  return { company, quality, steward, call };
}
