import { z } from 'zod';

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
