import type { Database } from '@manyi/db';

export type DemoLogin = { login: string; password: string; role: string };

/** Placeholder until the demo company is written; see issue 2 §10. */
export async function seedDemo(_db: Database, _options: { log: (message: string) => void }): Promise<{ logins: DemoLogin[] }> {
  return { logins: [] };
}
