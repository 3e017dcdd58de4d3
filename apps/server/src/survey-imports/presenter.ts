import type { Label } from '@manyi/core';
import type { SurveyImportJob } from '@manyi/contracts/survey-imports';
import type { RowProblem } from './convert';
import type { ColumnMapping } from './mapping';
import { cellProblemMessages } from './messages';
import type { SurveyImportRow } from './repository';

export function presentImport(
  job: SurveyImportRow,
  questions: SurveyImportJob['questions'],
  locale: keyof Label,
  conflicts: SurveyImportJob['conflicts'] = [],
): SurveyImportJob {
  return {
    id: job.id,
    campaignId: job.campaignId,
    fileName: job.fileName,
    status: job.status as SurveyImportJob['status'],
    headers: job.headers as string[],
    mapping: job.mapping as ColumnMapping[],
    conflicts,
    questions,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    validRows: job.validRows,
    importedRows: job.importedRows,
    errorCount: job.errorCount,
    errors: (job.errors as RowProblem[]).map((problem) => {
      const messages = cellProblemMessages[problem.code];
      return { ...problem, message: messages[locale], messages: { 'zh-CN': messages['zh-CN'], 'en-US': messages['en-US'] } };
    }),
    createdAt: job.createdAt,
    committedAt: job.committedAt,
  };
}
