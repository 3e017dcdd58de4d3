import type { Locale } from '@manyi/core';
import { z } from 'zod';
import { failureMessages, type StoredRowError } from './messages';
import type { ImportJobRow } from './repository';

export const templateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const importStatuses = ['validating', 'validated', 'invalid', 'committing', 'committed', 'failed'] as const;

export const importRowError = z.object({
  /** The row number as Excel shows it; the header is row 1. */
  row: z.number().int(),
  /** The column header, or null for a problem with the file as a whole. */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const importJob = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  status: z.enum(importStatuses),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  validRows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importRowError),
  failure: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  committedAt: z.date().nullable(),
});
export type ImportJobView = z.infer<typeof importJob>;

/** The one place a job row becomes API output; messages are stored in both languages and picked here. */
export function presentJob(row: ImportJobRow, locale: Locale): ImportJobView {
  const errors = (row.errors as StoredRowError[]).map((error) => ({
    row: error.row, column: error.column, code: error.code, message: error.messages[locale],
  }));
  const failure = row.failure === null ? null
    : Object.hasOwn(failureMessages, row.failure) ? failureMessages[row.failure as keyof typeof failureMessages][locale] : row.failure;
  return {
    id: row.id, projectId: row.projectId, fileName: row.fileName, format: row.format as 'xlsx' | 'csv',
    status: row.status as ImportJobView['status'],
    totalRows: row.totalRows, processedRows: row.processedRows, validRows: row.validRows, errorCount: row.errorCount,
    errors, failure, createdAt: row.createdAt, finishedAt: row.finishedAt, committedAt: row.committedAt,
  };
}
