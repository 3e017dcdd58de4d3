/**
 * Owner voice (issue 17 §4; seed 001 预见投诉贬损点): owners' own words analysed once into sentiment and topics by
 * @manyi/text and stored, then the 贬损点 view: which topics detractors raise, how often, and how many NPS points
 * the company would gain if the detractors who raise a topic had been passives instead.
 */
import { baseTextConfig, analyseComment, extractKeywords, type TextConfig } from '@manyi/text';
import type { verbatim, verbatimQuery, voiceQuery, voiceSummary } from '@manyi/contracts/text-qa';
import type { Executor } from '@manyi/db';
import type { z } from 'zod';
import type { Context } from '../http/context';
import { requirePermission, scopedProjectIds } from '../policy/policy';
import { companyTextConfig } from '../text-qa/config';
import {
  insertVoiceTexts,
  pendingSurveyResponses,
  pendingTicketDescriptions,
  pendingVisitComments,
  voiceTexts,
  type VoiceRow,
  type VoiceSource,
} from './repository';

type Group = 'promoter' | 'passive' | 'detractor';
const groupOf = (score: number): Group => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/** Rows of one survey response: one per non-empty text answer, or one without text that still carries the NPS group. */
function surveyRows(source: VoiceSource): { key: string; body: string; group: Group | null }[] {
  const questions = source.definition?.questions ?? [];
  const answers = source.answers ?? {};
  const nps = questions.find((question) => question.type === 'nps');
  const score = nps ? answers[nps.key] : undefined;
  const group = typeof score === 'number' ? groupOf(score) : null;
  const texts = questions
    .filter((question) => question.type === 'text')
    .map((question) => ({ key: question.key, body: typeof answers[question.key] === 'string' ? (answers[question.key] as string).trim() : '', group }))
    .filter((row) => row.body.length > 0);
  return texts.length > 0 ? texts : [{ key: '', body: '', group }];
}

/**
 * Analyses what is new since the last pass, at most `limit` sources of each kind. Idempotent: a source already
 * stored is skipped (unique on source), so concurrent passes at worst repeat work.
 */
export async function refreshOwnerVoice(db: Executor, tenantId: string, limit = 2000): Promise<number> {
  const config: TextConfig = (await companyTextConfig(db, tenantId).catch(() => baseTextConfig)) ?? baseTextConfig;
  const [tickets, visits, responses] = await Promise.all([
    pendingTicketDescriptions(db, tenantId, limit),
    pendingVisitComments(db, tenantId, limit),
    pendingSurveyResponses(db, tenantId, limit),
  ]);
  const rows = [];
  const analysed = (source: VoiceSource, sourceId: string, body: string, npsGroup: Group | null) => {
    const analysis = body ? analyseComment(body, config) : null;
    return {
      tenantId,
      sourceType: source.sourceType,
      sourceId,
      projectId: source.projectId,
      buildingId: source.buildingId,
      campaignId: source.campaignId,
      post: source.post || null,
      npsGroup,
      body,
      polarity: analysis?.sentiment.polarity ?? 'neutral',
      sentiment: analysis?.sentiment.score ?? 0,
      topics: analysis?.topics.map((topic) => topic.code) ?? [],
      occurredAt: new Date(source.occurredAt),
    };
  };
  for (const source of [...tickets, ...visits]) rows.push(analysed(source, source.sourceId, source.body, null));
  for (const source of responses) for (const row of surveyRows(source)) rows.push(analysed(source, `${source.sourceId}:${row.key}`, row.body, row.group));
  await insertVoiceTexts(db, rows);
  return rows.length;
}

/** A project manager reads the voice of his own projects; the quality department all of them. */
async function scopedTexts(context: Context, filter: z.output<typeof voiceQuery>): Promise<VoiceRow[]> {
  const scope = scopedProjectIds(context.principal, filter.projectId);
  const rows = await voiceTexts(context.db, context.principal.tenantId, filter);
  return scope === null ? rows : rows.filter((row) => row.projectId !== null && scope.includes(row.projectId));
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const respondentOf = (row: VoiceRow) => (row.sourceType === 'survey_answer' ? row.sourceId.split(':')[0]! : row.sourceId);
const monthOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

export async function getVoiceSummary(context: Context, filter: z.output<typeof voiceQuery>): Promise<z.output<typeof voiceSummary>> {
  requirePermission(context.principal, 'survey.results');
  const tenantId = context.principal.tenantId;
  const [rows, config] = await Promise.all([scopedTexts(context, filter), companyTextConfig(context.db, tenantId)]);
  // NPS is counted per respondent, not per text: a response with two open answers is one owner.
  const respondents = new Map<string, Group>();
  for (const row of rows) if (row.npsGroup) respondents.set(respondentOf(row), row.npsGroup as Group);
  const groups = [...respondents.values()];
  const count = (group: Group) => groups.filter((value) => value === group).length;
  const nps = groups.length ? ((count('promoter') - count('detractor')) / groups.length) * 100 : null;
  const topicNames = new Map(config.topics.map((topic) => [topic.code, topic.labels]));
  const topics = new Map<string, { byGroup: Record<Group, Set<string>>; count: number; negative: number }>();
  for (const row of rows) {
    for (const code of row.topics) {
      const entry = topics.get(code) ?? { byGroup: { promoter: new Set(), passive: new Set(), detractor: new Set() }, count: 0, negative: 0 };
      entry.count += 1;
      if (row.polarity === 'negative') entry.negative += 1;
      if (row.npsGroup) entry.byGroup[row.npsGroup as Group].add(respondentOf(row));
      topics.set(code, entry);
    }
  }
  const texts = rows.filter((row) => row.body && (row.npsGroup === 'detractor' || row.polarity === 'negative')).map((row) => row.body);
  const words = texts.length ? extractKeywords(texts.join('\n'), { topK: 60 }, config) : [];
  const months = new Map<string, { total: number; negative: number; detractors: number }>();
  for (const row of rows) {
    if (!row.body) continue;
    const month = months.get(monthOf(row.occurredAt)) ?? { total: 0, negative: 0, detractors: 0 };
    month.total += 1;
    if (row.polarity === 'negative') month.negative += 1;
    if (row.npsGroup === 'detractor') month.detractors += 1;
    months.set(monthOf(row.occurredAt), month);
  }
  return {
    total: rows.filter((row) => row.body).length,
    nps: nps === null ? null : round1(nps),
    topics: [...topics.entries()]
      .map(([code, entry]) => ({
        code,
        name: topicNames.get(code) ?? { 'zh-CN': code, 'en-US': code },
        count: entry.count,
        byGroup: { promoter: entry.byGroup.promoter.size, passive: entry.byGroup.passive.size, detractor: entry.byGroup.detractor.size },
        negative: entry.negative,
        // A detractor who became a passive lowers the detractor share by one respondent: +100/n points.
        npsGain: groups.length ? round1((entry.byGroup.detractor.size / groups.length) * 100) : 0,
      }))
      .sort((left, right) => right.npsGain - left.npsGain || right.negative - left.negative || right.count - left.count),
    words: words.map((word) => ({ word: word.keyword, weight: round1(word.weight) })),
    trend: [...months.entries()].sort(([left], [right]) => left.localeCompare(right)).map(([month, entry]) => ({ month, ...entry })),
  };
}

export async function getVerbatims(context: Context, filter: z.output<typeof verbatimQuery>): Promise<{ items: z.output<typeof verbatim>[] }> {
  requirePermission(context.principal, 'survey.results');
  const rows = await scopedTexts(context, filter);
  return {
    items: rows
      .filter((row) => row.body && row.topics.includes(filter.topic) && (!filter.group || row.npsGroup === filter.group))
      .sort((left, right) => right.occurredAt.getTime() - left.occurredAt.getTime())
      .slice(0, 200)
      .map((row) => ({
        id: row.id,
        sourceType: row.sourceType,
        body: row.body,
        polarity: row.polarity,
        npsGroup: row.npsGroup as Group | null,
        occurredAt: row.occurredAt,
      })),
  };
}
