import { localTextSchema } from '@manyi/core';
import { z } from 'zod';

/**
 * The 5-GAP workspace (issue 18 §2; seed 001 第四讲 服务质量5大差距分析): per project and quarter, the five gaps
 * measured from records (@manyi/core management/gaps.ts has every formula), the records behind them, the
 * managers' SWOT beside each gap and gap 1's questionnaire. A gap's stable key is
 * `${projectId}:${period}:${gap}` (core gapKey), e.g. '0192…:2026-Q4:3'.
 */
export const gapPeriod = z.string().regex(/^\d{4}-Q[1-4]$/, { message: '季度格式为 2026-Q4' });
export const gapNumber = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const gapUnits = ['points', 'count', 'percent'] as const;
export const gapEvidenceKinds = [
  'dimension',
  'indicator_standard',
  'dimension_weight',
  'inspection_item',
  'sla_breach',
  'red_line',
  'appointment',
  'clear_promise',
  'outage',
  'notice',
] as const;

export const gapQuery = z.object({
  projectId: z.uuid(),
  /** A quarter; the current one when absent. */
  period: gapPeriod.optional(),
});

const swotText = z.string().trim().max(2000);
export const gapSwotInput = z.object({
  projectId: z.uuid(),
  period: gapPeriod,
  gap: gapNumber,
  strengths: swotText.default(''),
  weaknesses: swotText.default(''),
  opportunities: swotText.default(''),
  threats: swotText.default(''),
});

/** Gap 1's questionnaire: what the manager thinks owners expect per SERVQUAL dimension, 1 (low) … 7 (high). */
export const gapQuestionnaireInput = z.object({
  projectId: z.uuid(),
  period: gapPeriod,
  answers: z.record(
    z
      .string()
      .regex(/^[a-z_]+$/)
      .max(60),
    z.number().min(1).max(7),
  ),
});

export const gapSwot = z.object({
  key: z.string(),
  gap: gapNumber,
  strengths: z.string(),
  weaknesses: z.string(),
  opportunities: z.string(),
  threats: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  updatedById: z.uuid(),
  updatedByName: z.string(),
});

export const gapEvidence = z.object({
  kind: z.enum(gapEvidenceKinds),
  /** The record's id (ticket, round, incident, notice, QA text) or code (dimension, indicator). */
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  at: z.date().nullable(),
  /** A console address with the record or its list (filters where the page has them). */
  link: z.string().nullable(),
});

export const gapCard = z.object({
  gap: gapNumber,
  key: z.string(),
  /** Null when the period has no data for it (say why in `missing`). */
  size: z.number().nullable(),
  unit: z.enum(gapUnits),
  /** no_wave | no_servqual | no_questionnaire | no_checks | no_promises, when size is null. */
  missing: z.string().nullable(),
  /** The figures that make the size (e.g. { inspectionScore, slaBreachRate }), by name. */
  figures: z.record(z.string(), z.number().nullable()),
  /** The last four quarters, oldest first, ending with the chosen one. */
  trend: z.array(z.object({ period: gapPeriod, size: z.number().nullable() })),
  evidence: z.array(gapEvidence),
  /** How many records stand behind the gap (the list shows the first 50). */
  evidenceTotal: z.number().int(),
  swot: gapSwot.nullable(),
});

export const gapWorkspace = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  period: gapPeriod,
  /** The survey wave gaps 1, 2 and 5 come from: the last with SERVQUAL answers of the project up to the quarter's end. */
  wave: z.object({ campaignId: z.uuid(), name: z.string(), at: z.date(), responses: z.number().int(), scalePoints: z.number().int() }).nullable(),
  gaps: z.array(gapCard),
  questionnaire: z.object({
    dimensions: z.array(z.object({ code: z.string(), name: localTextSchema })),
    /** The caller's answers this quarter. */
    mine: z.record(z.string(), z.number()).nullable(),
    respondents: z.number().int(),
  }),
  /** Whether the caller may write SWOT notes and answer the questionnaire for this project. */
  canWrite: z.boolean(),
});

export type GapWorkspace = z.infer<typeof gapWorkspace>;
