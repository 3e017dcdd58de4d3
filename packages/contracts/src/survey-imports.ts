import { z } from 'zod';

export const columnTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('question'), questionKey: z.string().min(1).max(100), item: z.string().min(1).max(100).optional() }),
  z.object({ kind: z.literal('room') }),
  z.object({ kind: z.literal('phone') }),
]);
export const columnMapping = z.object({ column: z.number().int().min(0), header: z.string(), target: columnTarget.nullable() });
export const mappingBody = z.object({ mapping: z.array(columnMapping).max(1000) });

const localised = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const surveyImportJob = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  fileName: z.string(),
  /** mapping → validating → validated → committing → committed, or failed. */
  status: z.enum(['mapping', 'validating', 'validated', 'committing', 'committed', 'failed']),
  headers: z.array(z.string()),
  mapping: z.array(columnMapping),
  /** Numbered columns whose title names another question (keys), left unmapped for staff to decide. */
  conflicts: z.array(z.object({ column: z.number().int(), header: z.string(), byNumber: z.string().nullable(), byTitle: z.string() })),
  /** The questionnaire's questions and parts, for the mapping step's choices. */
  questions: z.array(z.object({ key: z.string(), type: z.string(), title: z.string(), items: z.array(z.object({ key: z.string(), label: z.string() })) })),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  validRows: z.number().int(),
  importedRows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string().nullable(), value: z.string(), code: z.string(), message: z.string(), messages: localised }),
  ),
  createdAt: z.date(),
  committedAt: z.date().nullable(),
});
export type SurveyImportJob = z.infer<typeof surveyImportJob>;
