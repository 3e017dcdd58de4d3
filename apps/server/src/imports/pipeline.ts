import { recordAudit } from '../audit/record';
import type { Context, Dependencies } from '../http/context';
import { isUniqueViolation } from '../http/db-errors';
import type { BackgroundWork } from './background';
import { maxImportRows, maxStoredErrors, progressEveryRows } from './limits';
import { fileMessages, rowMessages, type FailureCode, type StoredRowError } from './messages';
import { SheetLimitError, SheetReadError, type ImportFormat, type SheetRow } from './reader';
import { loadSnapshot, updateJob, type ImportJobRow } from './repository';
import { openSheet, type OpenedSheet } from './sheet';
import { RowValidator, type ProjectSnapshot, type ValidRow } from './validate';
import { ImportWriter } from './writer';

/** Every error is counted; the first thousand are kept for the console. */
class ErrorCollector {
  readonly stored: StoredRowError[] = [];
  count = 0;
  add(errors: StoredRowError[]): void {
    this.count += errors.length;
    for (const error of errors) if (this.stored.length < maxStoredErrors) this.stored.push(error);
  }
}

type PassResult = { rows: number; validRows: number; errors: ErrorCollector };

/**
 * One pass over the data rows: validates each against the project and the rows before it and
 * hands the valid ones to `onValid` until the first error (after which nothing more is written,
 * but errors are still collected so the report is complete). Stops early past the row limit.
 */
async function pass(
  sheet: OpenedSheet,
  snapshot: ProjectSnapshot,
  onValid: (row: ValidRow) => Promise<void>,
  onProgress: (rows: number) => Promise<void>,
): Promise<PassResult> {
  const validator = new RowValidator(snapshot, sheet.indexes);
  const errors = new ErrorCollector();
  let rows = 0;
  let validRows = 0;
  try {
    for await (const sheetRow of sheet.dataRows as AsyncIterable<SheetRow>) {
      if (rows === maxImportRows) {
        errors.add([{ row: sheetRow.row, column: null, code: 'too_many_rows', messages: rowMessages.tooManyRows() }]);
        break;
      }
      rows += 1;
      const result = validator.check(sheetRow);
      if (result.ok) {
        validRows += 1;
        if (errors.count === 0) await onValid(result.value);
      } else {
        errors.add(result.errors);
      }
      if (rows % progressEveryRows === 0) await onProgress(rows);
    }
  } catch (error) {
    if (!(error instanceof SheetReadError)) throw error;
    const messages = error instanceof SheetLimitError ? fileMessages.spreadsheet_too_large : rowMessages.unreadable(error.row);
    errors.add([{ row: error.row, column: null, code: 'unreadable', messages }]);
  } finally {
    await sheet.close();
  }
  return { rows, validRows, errors };
}

type Runtime = Pick<Dependencies, 'db' | 'clock' | 'storage'> & { log: Context['log'] };

async function fail(runtime: Runtime, job: ImportJobRow, failure: FailureCode, errors?: ErrorCollector): Promise<void> {
  await updateJob(runtime.db, job.tenantId, job.id, {
    status: 'failed',
    failure,
    finishedAt: runtime.clock.now(),
    ...(errors && { errorCount: errors.count, errors: errors.stored }),
  });
}

/** The dry run, in the background after the upload answered 202: reads the rest of the sheet the upload opened. */
export async function validateImport(runtime: Runtime, job: ImportJobRow, sheet: OpenedSheet): Promise<void> {
  const { db, clock, storage } = runtime;
  try {
    const snapshot = await loadSnapshot(db, job.tenantId, job.projectId);
    const result = await pass(
      sheet,
      snapshot,
      async () => undefined,
      async (rows) => {
        await updateJob(db, job.tenantId, job.id, { processedRows: rows }, ['validating']);
      },
    );
    const status = result.errors.count === 0 ? 'validated' : 'invalid';
    await updateJob(
      db,
      job.tenantId,
      job.id,
      {
        status,
        totalRows: result.rows,
        processedRows: result.rows,
        validRows: result.validRows,
        errorCount: result.errors.count,
        errors: result.errors.stored,
        finishedAt: clock.now(),
      },
      ['validating'],
    );
    if (status === 'invalid') await storage.remove(job.filePath);
  } catch (error) {
    runtime.log.error({ err: error, importJobId: job.id }, 'import validation failed');
    await sheet.close();
    await fail(runtime, job, 'internal');
    await storage.remove(job.filePath);
  }
}

class ChangedSinceValidation extends Error {
  constructor(readonly errors: ErrorCollector) {
    super('import rows no longer valid');
  }
}

/**
 * The commit, in the background: one transaction that re-reads the file, re-validates every row
 * against the project as it is now (rooms may have been added since the dry run), writes
 * units, households, persons and timeline events, records one audit row and marks the job
 * committed. Any problem rolls all of it back and marks the job failed.
 */
export async function commitImport(context: Context, work: BackgroundWork, job: ImportJobRow): Promise<void> {
  const { db, clock, storage, principal } = context;
  const format = job.format as ImportFormat;
  try {
    await db.transaction(async (tx) => {
      const snapshot = await loadSnapshot(tx, job.tenantId, job.projectId, true);
      const sheet = await openSheet(storage.pathOf(job.filePath), format);
      const writer = new ImportWriter(tx, job, principal.name, clock.now());
      // Progress goes through the pool, outside the transaction, and is never awaited here: with
      // PGlite's single connection it simply runs after the commit (and then changes nothing).
      const progress = async (rows: number) =>
        work.run('import progress', context.log, async () => {
          await updateJob(db, job.tenantId, job.id, { processedRows: rows }, ['committing']);
        });
      const result = await pass(sheet, snapshot, (row) => writer.add(row), progress);
      if (result.errors.count > 0) throw new ChangedSinceValidation(result.errors);
      await writer.flush();
      const { units, households, persons } = writer.counts;
      await recordAudit(tx, context, {
        action: 'import',
        entityType: 'import_job',
        entityId: job.id,
        summary: `批量导入住户(${job.fileName}):新建 ${households} 户、${persons} 位住户、${units} 个单元`,
        after: { projectId: job.projectId, fileName: job.fileName, rows: result.rows, households, persons, units },
      });
      await updateJob(tx, job.tenantId, job.id, {
        status: 'committed',
        processedRows: result.rows,
        totalRows: result.rows,
        validRows: result.rows,
        committedAt: clock.now(),
      });
    });
  } catch (error) {
    if (error instanceof ChangedSinceValidation) await fail(context, job, 'changed_since_validation', error.errors);
    else if (isUniqueViolation(error)) await fail(context, job, 'changed_since_validation');
    else {
      context.log.error({ err: error, importJobId: job.id }, 'import commit failed');
      await fail(context, job, 'internal');
    }
  } finally {
    await storage.remove(job.filePath);
  }
}
