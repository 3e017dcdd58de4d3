/**
 * Questionnaires (issue 4 §2): created from a built-in template or blank, edited freely while no
 * campaign uses the current version; once a campaign pins a version (freezeSurveyVersion) that
 * version never changes again and the next edit starts a new one, so every response is read with
 * the questions it was given against.
 */
import {
  indicatorTemplate as findIndicatorTemplate,
  itemCount,
  recommendedItemLimit,
  surveyDefinitionSchema,
  surveyTemplate,
  surveyTemplates,
  type Question,
  type SurveyDefinition,
} from '@manyi/core';
import type { Executor } from '@manyi/db';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { messages } from '../http/messages';
import { fieldProblem, HttpProblem, notFound, type FieldProblem } from '../http/problem';
import { describeIssue } from '../http/zod-messages';
import { findSystemByTemplate, findSystemRow } from '../indicators/repository';
import { indicatorCodesOf, insertIndicatorSystem } from '../indicators/service';
import { requirePermission } from '../policy/policy';
import { definitionRuleMessages, surveyMessages } from './messages';
import {
  findSurveyRow,
  findSurveyVersionRow,
  insertSurveyRow,
  insertSurveyVersionRow,
  listSurveyRows,
  listSurveyVersionRows,
  markSurveyVersionFrozen,
  updateSurveyRow,
  updateSurveyVersionRow,
  type SurveyRow,
} from './repository';
import type { SurveyCreate, SurveyDetail, SurveyUpdate } from '@manyi/contracts/surveys';
import type { SurveyStatus } from '@manyi/contracts/surveys';

const validation = (fields: FieldProblem[]) => new HttpProblem(422, 'validation', messages.validation, fields);

function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), source);
}

function issueLabel(issue: z.core.$ZodIssue, raw: unknown) {
  if (issue.code === 'custom') {
    const rule = definitionRuleMessages.find(([prefix]) => issue.message.startsWith(prefix));
    if (rule) return rule[1];
  }
  return describeIssue({ code: issue.code, message: issue.message, params: issue as unknown as Record<string, unknown>, value: valueAt(raw, issue.path) });
}

/** The definition checked by the core schema; every issue becomes a field error at definition.<path>. */
export function parseDefinition(raw: unknown): SurveyDefinition {
  const parsed = surveyDefinitionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw validation(parsed.error.issues.map((issue) => ({ field: ['definition', ...issue.path.map(String)].join('.'), messages: issueLabel(issue, raw) })));
}

/** Each question's (and matrix row's) indicatorCode must be a node of the linked system's version. */
function indicatorCodeProblems(definition: SurveyDefinition, codes: Set<string> | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (code: string | undefined, field: string) => {
    if (code === undefined || codes?.has(code)) return;
    problems.push({ field, messages: codes ? surveyMessages.unknown_indicator_code : surveyMessages.no_indicator_system });
  };
  definition.questions.forEach((question: Question, index) => {
    check(question.indicatorCode, `definition.questions.${index}.indicatorCode`);
    if (question.type === 'matrix')
      question.rows.forEach((row, rowIndex) => check(row.indicatorCode, `definition.questions.${index}.rows.${rowIndex}.indicatorCode`));
  });
  return problems;
}

type LinkedSystem = { id: string; version: number } | null;

async function linkedSystem(db: Executor, tenantId: string, systemId: string | null): Promise<LinkedSystem> {
  if (!systemId) return null;
  const system = await findSystemRow(db, tenantId, systemId);
  if (!system) throw fieldProblem('indicatorSystemId', surveyMessages.unknown_indicator_system);
  return { id: system.id, version: system.currentVersion };
}

async function requireIndicatorCodes(db: Executor, tenantId: string, definition: SurveyDefinition, system: LinkedSystem): Promise<void> {
  const codes = system ? ((await indicatorCodesOf(db, tenantId, system.id, system.version)) ?? new Set<string>()) : null;
  const problems = indicatorCodeProblems(definition, codes);
  if (problems.length > 0) throw validation(problems);
}

const warningsOf = (definition: SurveyDefinition): SurveyDetail['warnings'] => (itemCount(definition) > recommendedItemLimit ? ['too_many_items'] : []);

async function detail(db: Executor, tenantId: string, survey: SurveyRow, version = survey.currentVersion): Promise<SurveyDetail> {
  const row = await findSurveyVersionRow(db, tenantId, survey.id, version);
  if (!row) throw notFound();
  const definition = row.definition as SurveyDefinition;
  return {
    id: survey.id,
    name: survey.name,
    status: survey.status as SurveyStatus,
    templateCode: survey.templateCode,
    indicatorSystemId: survey.indicatorSystemId,
    currentVersion: survey.currentVersion,
    updatedAt: survey.updatedAt,
    version,
    frozenAt: row.frozenAt,
    indicatorSystemVersion: row.indicatorSystemVersion,
    definition,
    itemCount: itemCount(definition),
    recommendedItemLimit,
    warnings: warningsOf(definition),
    versions: await listSurveyVersionRows(db, tenantId, survey.id),
  };
}

async function surveyOf(context: Context, id: string): Promise<SurveyRow> {
  const row = await findSurveyRow(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  return row;
}

export function listSurveyTemplates() {
  return {
    items: surveyTemplates.map((template) => ({
      name: template.name,
      indicatorTemplate: template.indicatorTemplate,
      description: template.description,
      title: template.definition.title,
      itemCount: itemCount(template.definition),
      definition: template.definition,
    })),
  };
}

export async function listSurveys(context: Context, status?: SurveyStatus) {
  const rows = await listSurveyRows(context.db, context.principal.tenantId, status);
  return {
    items: rows.map(({ survey, definition }) => ({
      id: survey.id,
      name: survey.name,
      status: survey.status as SurveyStatus,
      templateCode: survey.templateCode,
      indicatorSystemId: survey.indicatorSystemId,
      currentVersion: survey.currentVersion,
      itemCount: itemCount(definition as SurveyDefinition),
      updatedAt: survey.updatedAt,
    })),
  };
}

/** A version by number: the current one to edit, or the one a campaign pinned to read its results. */
export async function getSurvey(context: Context, id: string, version?: number): Promise<SurveyDetail> {
  return detail(context.db, context.principal.tenantId, await surveyOf(context, id), version);
}

/**
 * From a template without a chosen system, the survey links to the company's system built from the
 * template's tree, creating it on first use, so the template's indicator codes always resolve.
 */
async function systemForTemplate(tx: Executor, context: Context, indicatorTemplate: string): Promise<string> {
  const existing = await findSystemByTemplate(tx, context.principal.tenantId, indicatorTemplate);
  if (existing) return existing.id;
  const name = findIndicatorTemplate(indicatorTemplate)?.name['zh-CN'] ?? indicatorTemplate;
  return (await insertIndicatorSystem(tx, context, { name, templateCode: indicatorTemplate })).id;
}

export async function createSurvey(context: Context, input: SurveyCreate): Promise<SurveyDetail> {
  requirePermission(context.principal, 'survey.design');
  const template = input.templateName ? surveyTemplate(input.templateName) : undefined;
  if (input.templateName && !template) throw fieldProblem('templateName', surveyMessages.unknown_template);
  if (!template && !input.definition) throw fieldProblem('definition', surveyMessages.definition_required);
  const definition = input.definition ? parseDefinition(input.definition) : template!.definition;
  const tenantId = context.principal.tenantId;
  return context.db.transaction(async (tx) => {
    const systemId =
      input.indicatorSystemId !== undefined || !template ? (input.indicatorSystemId ?? null) : await systemForTemplate(tx, context, template.indicatorTemplate);
    const system = await linkedSystem(tx, tenantId, systemId);
    await requireIndicatorCodes(tx, tenantId, definition, system);
    const now = context.clock.now();
    const survey = await insertSurveyRow(tx, {
      tenantId,
      name: input.name,
      status: 'draft',
      currentVersion: 1,
      indicatorSystemId: system?.id ?? null,
      templateCode: input.templateName ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (!survey) throw new HttpProblem(500, 'internal');
    await insertSurveyVersionRow(tx, {
      tenantId,
      surveyId: survey.id,
      version: 1,
      definition,
      indicatorSystemVersion: system?.version ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'survey',
      entityId: survey.id,
      summary: `新建问卷「${survey.name}」`,
      after: { ...survey, definition },
    });
    return detail(tx, tenantId, survey);
  });
}

/** Saves the questionnaire: in place while the current version is unfrozen, otherwise as a new version. */
export async function updateSurvey(context: Context, id: string, input: SurveyUpdate): Promise<SurveyDetail> {
  requirePermission(context.principal, 'survey.design');
  const definition = parseDefinition(input.definition);
  const tenantId = context.principal.tenantId;
  return context.db.transaction(async (tx) => {
    const before = await findSurveyRow(tx, tenantId, id, true);
    if (!before) throw notFound();
    if (before.status === 'archived') throw new HttpProblem(409, 'conflict', surveyMessages.archived);
    // The row is locked: of two editors who loaded the same version, the second to save is told rather than silently overwriting.
    if (input.expectedUpdatedAt && input.expectedUpdatedAt.getTime() !== before.updatedAt.getTime())
      throw new HttpProblem(409, 'survey_changed', surveyMessages.changed_elsewhere);
    const system = await linkedSystem(tx, tenantId, input.indicatorSystemId !== undefined ? input.indicatorSystemId : before.indicatorSystemId);
    await requireIndicatorCodes(tx, tenantId, definition, system);
    // Locks the version row: a campaign freezing it at the same moment either goes first (and this edit becomes a new version) or waits.
    const current = await findSurveyVersionRow(tx, tenantId, id, before.currentVersion, true);
    if (!current) throw notFound();
    // updatedAt is what the next editor's expectedUpdatedAt is checked against, so every save moves it, even two in one millisecond.
    const now = new Date(Math.max(context.clock.now().getTime(), before.updatedAt.getTime() + 1));
    const columns = { definition, indicatorSystemVersion: system?.version ?? null, updatedAt: now };
    let version = current.version;
    if (current.frozenAt) {
      version += 1;
      await insertSurveyVersionRow(tx, { tenantId, surveyId: id, version, ...columns, createdAt: now });
    } else {
      await updateSurveyVersionRow(tx, tenantId, id, version, columns);
    }
    const survey = await updateSurveyRow(tx, tenantId, id, {
      currentVersion: version,
      indicatorSystemId: system?.id ?? null,
      updatedAt: now,
      ...(input.name !== undefined && { name: input.name }),
    });
    if (!survey) throw notFound();
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'survey',
      entityId: id,
      summary: `修改问卷「${survey.name}」第 ${version} 版`,
      before: { ...before, definition: current.definition },
      after: { ...survey, definition },
    });
    return detail(tx, tenantId, survey);
  });
}

async function setStatus(context: Context, id: string, status: SurveyStatus, summary: string): Promise<SurveyDetail> {
  requirePermission(context.principal, 'survey.design');
  const tenantId = context.principal.tenantId;
  return context.db.transaction(async (tx) => {
    const before = await findSurveyRow(tx, tenantId, id, true);
    if (!before) throw notFound();
    if (before.status === 'archived') throw new HttpProblem(409, 'conflict', surveyMessages.archived);
    const survey = await updateSurveyRow(tx, tenantId, id, { status, updatedAt: context.clock.now() });
    if (!survey) throw notFound();
    await recordAudit(tx, context, { action: 'update', entityType: 'survey', entityId: id, summary: `${summary}「${survey.name}」`, before, after: survey });
    return detail(tx, tenantId, survey);
  });
}

/** Campaigns may use a published survey; editing stays possible (frozen versions are never touched). */
export const publishSurvey = (context: Context, id: string) => setStatus(context, id, 'published', '发布问卷');
/** Archived surveys keep their versions for old results but take no edits or new campaigns. */
export const archiveSurvey = (context: Context, id: string) => setStatus(context, id, 'archived', '归档问卷');

/**
 * Called by the campaigns code in its own transaction when a campaign pins `version`: from then on
 * the version never changes and edits create a new one. Idempotent (the first freeze time stays).
 * Returns the frozen version, or undefined when the survey has no such version in the tenant.
 */
export async function freezeSurveyVersion(tx: Executor, tenantId: string, surveyId: string, version: number, now: Date) {
  await markSurveyVersionFrozen(tx, tenantId, surveyId, version, now);
  return findSurveyVersionRow(tx, tenantId, surveyId, version);
}
