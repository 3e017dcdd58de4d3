import { localText, type SurveyDefinition } from '@manyi/core';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import type { BackgroundWork } from '../imports/background';
import { SheetLimitError, SheetReadError } from '../imports/reader';
import { fieldValue, receiveFile, type UploadSource } from '../imports/service';
import { fileMessages } from '../imports/messages';
import { storeUpload } from '../imports/upload';
import { requirePermission } from '../policy/policy';
import { recordAudit } from '../audit/record';
import { checkMapping, proposeMapping, type ColumnMapping } from './mapping';
import { importMessages, mappingProblemMessages } from './messages';
import { commitImport, validateImport } from './pipeline';
import { createImportedCampaign, findImport, importCampaign, insertImport, updateImport, type SurveyImportRow } from './repository';
import type { SurveyImportJob } from '@manyi/contracts/survey-imports';
import { EmptyTableError, openTable } from './table';

const uuid = z.uuid();

/** The questions and their parts, as the console's mapping step offers them. */
export function questionChoices(definition: SurveyDefinition): SurveyImportJob['questions'] {
  return definition.questions.map((question) => ({
    key: question.key,
    type: question.type,
    title: localText(question.title, 'zh-CN'),
    items:
      question.type === 'matrix'
        ? question.rows.map((row) => ({ key: row.key, label: localText(row.label, 'zh-CN') }))
        : question.type === 'servqual'
          ? [
              { key: 'expectation', label: '期望' },
              { key: 'perception', label: '感知' },
            ]
          : question.type === 'kano'
            ? [
                { key: 'functional', label: '具备时' },
                { key: 'dysfunctional', label: '不具备时' },
              ]
            : [],
  }));
}

function idField(file: { fields: object }, name: string): string | undefined {
  const text = fieldValue(file as Parameters<typeof fieldValue>[0], name);
  if (text === undefined || text === '') return undefined;
  if (!uuid.safeParse(text).success) throw fieldProblem(name, { 'zh-CN': 'ID 格式不正确', 'en-US': 'Not a valid id' }, 400);
  return text;
}

/**
 * Upload (multipart: campaignId — or surveyId and campaignName for a new 'imported' campaign —
 * then file): stores the file, reads its header and proposes the column mapping. Nothing is
 * validated until staff confirm the mapping.
 */
export async function startSurveyImport(context: Context, source: UploadSource): Promise<{ job: SurveyImportRow; definition: SurveyDefinition }> {
  requirePermission(context.principal, 'survey.import');
  const tenantId = context.principal.tenantId;
  const file = await receiveFile(source);
  try {
    const campaignField = idField(file, 'campaignId');
    const surveyField = idField(file, 'surveyId');
    if (!campaignField && !surveyField) throw fieldProblem('campaignId', importMessages.unknown_campaign, 400);
    const now = context.clock.now();
    if (campaignField && !(await importCampaign(context.db, tenantId, campaignField))) throw fieldProblem('campaignId', importMessages.unknown_campaign);
    const id = uuidv7();
    // The name does not tell the format (the content does), so the stored file has no extension.
    const filePath = `survey-imports/${tenantId}/${id}`;
    const { format } = await storeUpload(context.storage, filePath, file.file);
    let headers: string[];
    let campaign;
    try {
      const table = await openTable(context.storage.pathOf(filePath), format);
      headers = table.headers;
      await table.close();
      // A new campaign only once the file is known to be a readable table, so a refused upload leaves nothing behind.
      const campaignId =
        campaignField ??
        (await context.db.transaction(async (tx) => {
          const name = fieldValue(file, 'campaignName')?.slice(0, 100) || `导入:${file.filename.slice(0, 80)}`;
          const created = await createImportedCampaign(tx, { tenantId, surveyId: surveyField!, name, createdById: context.principal.staffId, now });
          if (!created) throw fieldProblem('surveyId', importMessages.unknown_survey);
          await recordAudit(tx, context, {
            action: 'create',
            entityType: 'campaign',
            entityId: created,
            summary: `新建导入调查活动 ${name}`,
            after: { surveyId: surveyField, name },
          });
          return created;
        }));
      campaign = await importCampaign(context.db, tenantId, campaignId);
      if (!campaign) throw fieldProblem('campaignId', importMessages.unknown_campaign);
    } catch (error) {
      await context.storage.remove(filePath);
      if (error instanceof SheetLimitError) throw new HttpProblem(413, 'spreadsheet_too_large', fileMessages.spreadsheet_too_large);
      if (error instanceof SheetReadError) throw new HttpProblem(400, 'not_a_spreadsheet', fileMessages.not_a_spreadsheet);
      if (error instanceof EmptyTableError) throw new HttpProblem(400, 'empty_import', importMessages.no_header);
      throw error;
    }
    const job = await insertImport(context.db, {
      id,
      tenantId,
      campaignId: campaign.id,
      createdBy: context.principal.staffId,
      fileName: file.filename.slice(0, 200),
      filePath,
      format,
      status: 'mapping',
      headers,
      mapping: proposeMapping(headers, campaign.definition),
      createdAt: now,
    });
    return { job, definition: campaign.definition };
  } finally {
    // A refused upload must still be drained, or the request never ends.
    file.file.resume();
  }
}

async function importInScope(context: Context, id: string) {
  requirePermission(context.principal, 'survey.import');
  const job = await findImport(context.db, context.principal.tenantId, id);
  if (!job) throw notFound();
  const campaign = await importCampaign(context.db, job.tenantId, job.campaignId);
  if (!campaign) throw notFound();
  return { job, definition: campaign.definition };
}

export const getSurveyImport = importInScope;

/** Staff confirm (or correct) the mapping; validation of every row runs in the background. May be repeated until the import is committed. */
export async function confirmMapping(context: Context, work: BackgroundWork, id: string, mapping: ColumnMapping[]) {
  const { job, definition } = await importInScope(context, id);
  const headers = job.headers as string[];
  const problems = checkMapping(mapping, headers, definition);
  if (problems.length > 0) {
    throw new HttpProblem(
      422,
      'validation',
      undefined,
      problems.map((problem) => ({ field: `mapping.${problem.column}`, messages: mappingProblemMessages[problem.code] })),
    );
  }
  const claimed = await updateImport(
    context.db,
    job.tenantId,
    job.id,
    {
      status: 'validating',
      mapping,
      processedRows: 0,
      validRows: 0,
      errorCount: 0,
      errors: [],
      finishedAt: null,
    },
    ['mapping', 'validated'],
  );
  if (!claimed) throw new HttpProblem(409, 'import_not_mapping', importMessages.not_mapping);
  work.run('survey import validation', context.log, () => validateImport(context, claimed));
  return { job: claimed, definition };
}

/** Imports the valid rows (issue 4 §9: the valid data kept); the invalid ones stay in the report. */
export async function commitSurveyImport(context: Context, work: BackgroundWork, id: string) {
  const { job, definition } = await importInScope(context, id);
  if (job.status === 'validated' && job.validRows === 0) throw new HttpProblem(409, 'no_valid_rows', importMessages.no_valid_rows);
  const claimed = await updateImport(context.db, job.tenantId, job.id, { status: 'committing' }, ['validated']);
  if (!claimed) throw new HttpProblem(409, 'import_not_validated', importMessages.not_validated);
  work.run('survey import commit', context.log, () => commitImport(context, work, claimed));
  return { job: claimed, definition };
}
