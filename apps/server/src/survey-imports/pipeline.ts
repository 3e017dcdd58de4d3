import type { Answers } from '@manyi/core';
import { recordAudit } from '../audit/record';
import type { BackgroundWork } from '../imports/background';
import type { ImportFormat } from '../imports/reader';
import { maxImportRows, maxStoredErrors, progressEveryRows } from '../imports/limits';
import type { Context } from '../http/context';
import { enqueueResponses } from '../responses/queue';
import { runFollowupPass } from '../survey-followups/pass';
import { convertRow, type RowProblem } from './convert';
import type { ColumnMapping } from './mapping';
import { answeredHouseholds, householdDirectory, importCampaign, insertResponses, updateImport, type HouseholdPlace, type SurveyImportRow } from './repository';
import { openTable } from './table';
import type { Executor } from '@manyi/db';

export type ValidResponse = { row: number; answers: Answers; household: HouseholdPlace | null };
type Pass = { rows: number; valid: ValidResponse[]; problems: RowProblem[]; problemCount: number };

/**
 * Reads every row of the file with the confirmed mapping: converts and checks the answers, links
 * the household named by room or phone (a name that matches none is an error; no name at all is
 * an anonymous response), and refuses a household that already answered the campaign or appears
 * twice in the file — one response per household per campaign (issue 4 §3).
 */
async function readRows(db: Executor, job: SurveyImportRow, path: string, onProgress: (rows: number) => Promise<void>): Promise<Pass> {
  const campaign = await importCampaign(db, job.tenantId, job.campaignId);
  if (!campaign) throw new Error('campaign vanished');
  const [directory, answered] = [await householdDirectory(db, job.tenantId), await answeredHouseholds(db, job.tenantId, job.campaignId)];
  const mapping = job.mapping as ColumnMapping[];
  const table = await openTable(path, job.format as ImportFormat);
  const result: Pass = { rows: 0, valid: [], problems: [], problemCount: 0 };
  const refuse = (problems: RowProblem[]) => {
    result.problemCount += problems.length;
    for (const problem of problems) if (result.problems.length < maxStoredErrors) result.problems.push(problem);
  };
  const named = (column: 'room' | 'phone') => mapping.find((entry) => entry.target?.kind === column)?.header ?? null;
  try {
    for await (const sheetRow of table.rows) {
      if (result.rows === maxImportRows) break;
      result.rows += 1;
      const converted = convertRow(campaign.definition, mapping, sheetRow.row, sheetRow.cells);
      const problems = [...converted.problems];
      let household: HouseholdPlace | null = null;
      if (converted.room || converted.phone) {
        const found = directory.find(converted.room, converted.phone);
        const column = converted.room ? named('room') : named('phone');
        const value = converted.room ?? converted.phone ?? '';
        if (!found) problems.push({ row: sheetRow.row, column, value, code: 'unknown_household' });
        else if (answered.has(found.id)) problems.push({ row: sheetRow.row, column, value, code: 'duplicate_household' });
        else household = found;
      }
      if (problems.length > 0) refuse(problems);
      else {
        if (household) answered.add(household.id);
        result.valid.push({ row: sheetRow.row, answers: converted.answers, household });
      }
      if (result.rows % progressEveryRows === 0) await onProgress(result.rows);
    }
  } finally {
    await table.close();
  }
  return result;
}

type Runtime = Pick<Context, 'db' | 'clock' | 'log' | 'storage'>;

export async function validateImport(runtime: Runtime, job: SurveyImportRow): Promise<void> {
  try {
    const pass = await readRows(
      runtime.db,
      job,
      runtime.storage.pathOf(job.filePath),
      async (rows) => void (await updateImport(runtime.db, job.tenantId, job.id, { processedRows: rows }, ['validating'])),
    );
    await updateImport(
      runtime.db,
      job.tenantId,
      job.id,
      {
        status: 'validated',
        totalRows: pass.rows,
        processedRows: pass.rows,
        validRows: pass.valid.length,
        errorCount: pass.problemCount,
        errors: pass.problems,
        finishedAt: runtime.clock.now(),
      },
      ['validating'],
    );
  } catch (error) {
    runtime.log.error({ err: error, surveyImportId: job.id }, 'survey import validation failed');
    await updateImport(runtime.db, job.tenantId, job.id, { status: 'failed', failure: 'internal', finishedAt: runtime.clock.now() });
  }
}

/**
 * Writes the valid rows, all in one transaction with the audit row (the invalid ones stay in the
 * report), re-read against the database as it is now. Then, outside the transaction, the
 * closed-loop pass reads the new responses at once instead of at the next tick.
 */
export async function commitImport(context: Context, work: BackgroundWork, job: SurveyImportRow): Promise<void> {
  const now = context.clock.now();
  try {
    const imported = await context.db.transaction(async (tx) => {
      const pass = await readRows(tx, job, context.storage.pathOf(job.filePath), async () => undefined);
      const campaign = await importCampaign(tx, job.tenantId, job.campaignId);
      const written = await insertResponses(
        tx,
        pass.valid.map((valid) => ({
          tenantId: job.tenantId,
          campaignId: job.campaignId,
          surveyVersion: campaign!.surveyVersion,
          householdId: valid.household?.id ?? null,
          projectId: valid.household?.projectId ?? null,
          buildingId: valid.household?.buildingId ?? null,
          source: 'import',
          status: 'complete',
          answers: valid.answers,
          importId: job.id,
          enteredById: context.principal.staffId,
          startedAt: now,
          submittedAt: now,
        })),
      );
      await enqueueResponses(tx, written);
      await recordAudit(tx, context, {
        action: 'import',
        entityType: 'survey_import',
        entityId: job.id,
        summary: `导入问卷答卷(${job.fileName}):${pass.valid.length} 份有效,${pass.problemCount} 处错误未导入`,
        after: { campaignId: job.campaignId, fileName: job.fileName, rows: pass.rows, imported: pass.valid.length, errors: pass.problemCount },
      });
      await updateImport(tx, job.tenantId, job.id, {
        status: 'committed',
        importedRows: pass.valid.length,
        totalRows: pass.rows,
        processedRows: pass.rows,
        validRows: pass.valid.length,
        errorCount: pass.problemCount,
        errors: pass.problems,
        committedAt: now,
      });
      return pass.valid.length;
    });
    if (imported > 0) work.run('survey follow-ups after import', context.log, async () => void (await runFollowupPass(context, { tenantIds: [job.tenantId] })));
  } catch (error) {
    context.log.error({ err: error, surveyImportId: job.id }, 'survey import commit failed');
    await updateImport(context.db, job.tenantId, job.id, { status: 'failed', failure: 'internal', finishedAt: context.clock.now() });
  } finally {
    await context.storage.remove(job.filePath);
  }
}
