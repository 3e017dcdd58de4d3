import { importJobs, surveyImports } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, testDatabase } from '../../test';
import { sweepInterruptedImports } from '../server';
import { createCampaign } from '../survey-followups/testing';
import { insertImport } from '../survey-imports/repository';
import { insertJob, type ImportStatus } from './repository';

/** Issue 14 §12: import jobs a stopped process left half-way are swept at start-up. */
describe('interrupted import jobs', () => {
  let connection: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => void (connection = await testDatabase()));
  afterAll(async () => connection.close());

  it('fail as interrupted at start-up; finished jobs, and on PostgreSQL recent ones of other instances, are left alone', async () => {
    const db = connection.db;
    const company = await createCompany(db);
    const tenantId = company.tenant.id;
    const now = new Date();
    const longAgo = new Date(now.getTime() - 60 * 60_000);
    const job = (status: ImportStatus, createdAt: Date) =>
      insertJob(db, {
        id: uuidv7(),
        tenantId,
        projectId: company.project.id,
        createdBy: company.admin.id,
        fileName: 'a.xlsx',
        filePath: 'x',
        format: 'xlsx',
        status,
        createdAt,
      });
    const validating = await job('validating', longAgo);
    const committing = await job('committing', longAgo);
    const validated = await job('validated', longAgo);
    const recent = await job('validating', new Date(now.getTime() - 60_000));
    const campaign = await createCampaign(db, tenantId);
    const responses = await insertImport(db, {
      id: uuidv7(),
      tenantId,
      campaignId: campaign.id,
      createdBy: company.admin.id,
      fileName: 'b.csv',
      filePath: 'y',
      format: 'csv',
      status: 'committing',
      headers: [],
      mapping: [],
      createdAt: longAgo,
    });

    const swept = await sweepInterruptedImports(connection, now);
    const statusOf = async (id: string) => (await db.select().from(importJobs).where(eq(importJobs.id, id)))[0]!;
    expect(await statusOf(validating.id)).toMatchObject({ status: 'failed', failure: 'interrupted' });
    expect(await statusOf(committing.id)).toMatchObject({ status: 'failed', failure: 'interrupted' });
    expect((await statusOf(validated.id)).status).toBe('validated');
    const [survey] = await db.select().from(surveyImports).where(eq(surveyImports.id, responses.id));
    expect(survey).toMatchObject({ status: 'failed', failure: 'interrupted' });
    // PGlite is one process: everything in flight is dead. PostgreSQL may have other instances at work.
    const recentStatus = (await statusOf(recent.id)).status;
    if (connection.kind === 'pglite') {
      expect(recentStatus).toBe('failed');
      expect(swept).toBe(4);
    } else {
      expect(recentStatus).toBe('validating');
      expect(swept).toBe(3);
    }
  });
});
