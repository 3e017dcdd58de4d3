import type { Answers, SurveyDefinition } from '@manyi/core';
import { surveyResponses, type Database } from '@manyi/db';
import { enqueueResponses } from '../responses/queue';
import { openCampaign } from '../responses/testing';

/** A short questionnaire with each kind of answer the closed loop reads. */
export const followupDefinition: SurveyDefinition = {
  title: { 'zh-CN': '年度满意度调查' },
  questions: [
    {
      key: 'overall',
      type: 'satisfaction',
      title: { 'zh-CN': '总体满意度', 'en-US': 'Overall satisfaction' },
      required: true,
      allowNotExperienced: false,
      overall: true,
    },
    { key: 'nps', type: 'nps', title: { 'zh-CN': '推荐意愿', 'en-US': 'Likelihood to recommend' }, required: true },
    {
      key: 'posts',
      type: 'matrix',
      title: { 'zh-CN': '各岗位服务' },
      required: false,
      allowNotExperienced: true,
      rows: [
        { key: 'cleaning', label: { 'zh-CN': '保洁' } },
        { key: 'security', label: { 'zh-CN': '秩序维护' } },
      ],
    },
    { key: 'comment', type: 'text', title: { 'zh-CN': '意见建议' }, required: false, maxLength: 500 },
  ],
};

/** A published survey with one open campaign (optionally the next wave of another, on the same survey). */
export async function createCampaign(
  db: Database,
  tenantId: string,
  options: { name?: string; previousCampaignId?: string; definition?: SurveyDefinition; surveyId?: string } = {},
) {
  const { campaign } = await openCampaign(db, new Date(), tenantId, [], {
    definition: options.definition ?? followupDefinition,
    name: options.name ?? '2026年度满意度调查',
    ...(options.surveyId && { surveyId: options.surveyId }),
    ...(options.previousCampaignId && { previousCampaignId: options.previousCampaignId }),
  });
  return campaign;
}

export async function insertResponse(
  db: Database,
  campaign: { id: string; tenantId: string },
  answers: Answers,
  options: {
    household?: { id: string; projectId: string; buildingId: string } | null;
    source?: 'h5' | 'paper' | 'import';
    status?: 'complete' | 'partial';
    at?: Date;
  } = {},
) {
  const at = options.at ?? new Date();
  const household = options.household ?? null;
  const [response] = await db
    .insert(surveyResponses)
    .values({
      tenantId: campaign.tenantId,
      campaignId: campaign.id,
      surveyVersion: 1,
      householdId: household?.id ?? null,
      projectId: household?.projectId ?? null,
      buildingId: household?.buildingId ?? null,
      source: options.source ?? 'h5',
      status: options.status ?? 'complete',
      answers,
      startedAt: at,
      submittedAt: options.status === 'partial' ? null : at,
    })
    .returning();
  if (response!.status === 'complete') await enqueueResponses(db, [response!]);
  return response!;
}
