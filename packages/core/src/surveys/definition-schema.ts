/**
 * The zod schema of a questionnaire (definition.ts) for the server and the designer. Besides the
 * shape it enforces what makes a definition answerable and analysable: unique question keys, skip
 * logic that only looks back, option values and matrix rows unique within their question, at most
 * one overall question.
 */
import { z } from 'zod';
import type { SurveyDefinition } from './definition';

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'key: a-z, 0-9, _ (≤ 40)');
export const localTextSchema = z.object({ 'zh-CN': z.string().trim().min(1).max(500), 'en-US': z.string().trim().max(500).optional() });

const showIfSchema = z.discriminatedUnion('operator', [
  z.object({
    questionKey: key,
    operator: z.enum(['in', 'any_of']),
    values: z
      .array(z.union([z.string().max(60), z.number()]))
      .min(1)
      .max(20),
  }),
  z.object({ questionKey: key, operator: z.enum(['lte', 'gte']), value: z.number() }),
  z.object({ questionKey: key, operator: z.literal('answered') }),
]);

const base = {
  key,
  title: localTextSchema,
  help: localTextSchema.optional(),
  required: z.boolean(),
  showIf: showIfSchema.optional(),
  indicatorCode: z.string().max(60).optional(),
  overall: z.boolean().optional(),
};
const option = z.object({ value: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/), label: localTextSchema });
const options = z.array(option).min(2).max(30);

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('satisfaction'), allowNotExperienced: z.boolean() }),
  z.object({ ...base, type: z.literal('nps') }),
  z.object({ ...base, type: z.literal('servqual'), scalePoints: z.union([z.literal(5), z.literal(7)]) }),
  z.object({ ...base, type: z.literal('kano'), functional: localTextSchema, dysfunctional: localTextSchema }),
  z.object({ ...base, type: z.literal('single'), options }),
  z.object({ ...base, type: z.literal('multiple'), options, maxSelections: z.number().int().min(1).max(30).optional() }),
  z.object({
    ...base,
    type: z.literal('matrix'),
    allowNotExperienced: z.boolean(),
    rows: z
      .array(z.object({ key, label: localTextSchema, indicatorCode: z.string().max(60).optional() }))
      .min(1)
      .max(20),
  }),
  z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(2000) }),
]);

const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);

export const surveyDefinitionSchema = z
  .object({
    title: localTextSchema,
    intro: localTextSchema.optional(),
    questions: z.array(questionSchema).min(1).max(80),
  })
  .superRefine((definition, context) => {
    const seen = new Set<string>();
    definition.questions.forEach((question, index) => {
      const path = ['questions', index];
      if (seen.has(question.key)) context.addIssue({ code: 'custom', path: [...path, 'key'], message: `duplicate question key ${question.key}` });
      if (question.showIf && !seen.has(question.showIf.questionKey)) {
        context.addIssue({ code: 'custom', path: [...path, 'showIf', 'questionKey'], message: 'skip logic may only refer to an earlier question' });
      }
      seen.add(question.key);
      if (question.type === 'single' || question.type === 'multiple') {
        for (const value of duplicates(question.options.map((item) => item.value)))
          context.addIssue({ code: 'custom', path: [...path, 'options'], message: `duplicate option ${value}` });
      }
      if (question.type === 'matrix') {
        for (const value of duplicates(question.rows.map((row) => row.key)))
          context.addIssue({ code: 'custom', path: [...path, 'rows'], message: `duplicate row ${value}` });
      }
    });
    if (definition.questions.filter((question) => question.overall).length > 1) {
      context.addIssue({ code: 'custom', path: ['questions'], message: 'at most one overall question' });
    }
  });

// The schema and the hand-written types must describe the same thing.
type Parsed = z.infer<typeof surveyDefinitionSchema>;
const parsedIsDefinition = (parsed: Parsed): SurveyDefinition => parsed;
void parsedIsDefinition;
