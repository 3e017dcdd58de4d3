import type { Locale } from '@manyi/core';
import type { ImportJobView } from '@manyi/contracts/imports';
import { failureMessages, type StoredRowError } from './messages';
import type { ImportJobRow } from './repository';

/** The one place a job row becomes API output; messages are stored in both languages and picked here. */
export function presentJob(row: ImportJobRow, locale: Locale): ImportJobView {
  const errors = (row.errors as StoredRowError[]).map((error) => ({
    row: error.row,
    column: error.column,
    code: error.code,
    message: error.messages[locale],
  }));
  const failure =
    row.failure === null
      ? null
      : Object.hasOwn(failureMessages, row.failure)
        ? failureMessages[row.failure as keyof typeof failureMessages][locale]
        : row.failure;
  return {
    id: row.id,
    projectId: row.projectId,
    fileName: row.fileName,
    format: row.format as 'xlsx' | 'csv',
    status: row.status as ImportJobView['status'],
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    validRows: row.validRows,
    errorCount: row.errorCount,
    errors,
    failure,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    committedAt: row.committedAt,
  };
}
