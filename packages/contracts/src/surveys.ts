import { localTextSchema, surveyTemplateNames } from '@manyi/core';
import { z } from 'zod';

/** draft (being designed) → published (campaigns may use it) → archived (kept for old results, no edits). */
export const surveyStatuses = ['draft', 'published', 'archived'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export const surveyParams = z.object({ id: z.uuid() });
export const surveyVersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) });
export const surveyListQuery = z.object({ status: z.enum(surveyStatuses).optional() });

// The definition is checked by the service (surveyDefinitionSchema) rather than here, so its issues
// come back as 422 field errors in both languages, next to the indicator-code checks.
const definitionInput = z.record(z.string(), z.unknown());

export const surveyCreate = z.object({
  name: z.string().trim().min(1).max(100),
  /** Start from a built-in questionnaire; otherwise `definition` is required. */
  templateName: z.enum(surveyTemplateNames).optional(),
  definition: definitionInput.optional(),
  /** Defaults, for a template, to the company's system built from the template's tree (created if missing). */
  indicatorSystemId: z.uuid().nullish(),
});
export type SurveyCreate = z.infer<typeof surveyCreate>;

export const surveyUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  definition: definitionInput,
  indicatorSystemId: z.uuid().nullish(),
  /** The updatedAt the editor loaded: when someone saved since, the save is refused (409 survey_changed) instead of overwriting their work. */
  expectedUpdatedAt: z.coerce.date().optional(),
});
export type SurveyUpdate = z.infer<typeof surveyUpdate>;

const definitionOutput = z.record(z.string(), z.unknown());
export const surveyWarning = z.enum(['too_many_items']);

export const surveySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(surveyStatuses),
  templateCode: z.string().nullable(),
  indicatorSystemId: z.uuid().nullable(),
  currentVersion: z.number().int(),
  itemCount: z.number().int(),
  updatedAt: z.date(),
});
export const surveyList = z.object({ items: z.array(surveySummary) });

export const surveyDetail = surveySummary.extend({
  /** The version shown: the current one unless a version was asked for. */
  version: z.number().int(),
  frozenAt: z.date().nullable(),
  indicatorSystemVersion: z.number().int().nullable(),
  definition: definitionOutput,
  recommendedItemLimit: z.number().int(),
  warnings: z.array(surveyWarning),
  versions: z.array(z.object({ version: z.number().int(), frozenAt: z.date().nullable(), createdAt: z.date(), updatedAt: z.date() })),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

export const surveyTemplateList = z.object({
  items: z.array(
    z.object({
      name: z.enum(surveyTemplateNames),
      indicatorTemplate: z.string(),
      description: localTextSchema,
      title: localTextSchema,
      itemCount: z.number().int(),
      definition: definitionOutput,
    }),
  ),
});
