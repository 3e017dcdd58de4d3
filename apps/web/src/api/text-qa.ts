import type {
  calibration,
  checkResult,
  findingQuery,
  findingReview,
  qaSampling,
  reviewBody,
  reviewQueueItem,
  scorecard,
  scorecardQuery,
  storedFinding,
  textRules,
  verbatim,
  verbatimQuery,
  voiceQuery,
  voiceSummary,
} from '@manyi/contracts/text-qa';
import type { companyScriptBody, homeworkItem, scriptScenario } from '@manyi/contracts/scripts';
import type { Filters, Received, Sent } from '@manyi/contracts/wire';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from './client';

export type TextCheck = Received<typeof checkResult>;
export type StoredFinding = Received<typeof storedFinding>;
export type Scorecard = Received<typeof scorecard>;
export type ReviewQueueItem = Received<typeof reviewQueueItem>;
export type Calibration = Received<typeof calibration>;
export type VoiceSummary = Received<typeof voiceSummary>;
export type Verbatim = Received<typeof verbatim>;

const key = ['text-qa'] as const;

/** The text after the writer paused for `delay` ms: the typing check runs on pauses, not on every key. */
function useSettled(value: string, delay = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export function useTextCheck(text: string, enabled: boolean) {
  const settled = useSettled(text.trim());
  return useQuery({
    queryKey: [...key, 'check', settled],
    queryFn: () => api.post<TextCheck>('/text-qa/check', { text: settled }),
    enabled: enabled && settled.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const useFindings = (filters: Filters<typeof findingQuery>) =>
  useQuery({ queryKey: [...key, 'findings', filters], queryFn: ({ signal }) => api.get<{ items: StoredFinding[] }>('/text-qa/findings', filters, signal) });

export const useScorecard = (filters: Filters<typeof scorecardQuery>) =>
  useQuery({ queryKey: [...key, 'scorecard', filters], queryFn: ({ signal }) => api.get<Scorecard>('/text-qa/scorecard', filters, signal) });

export const useReviewQueue = () =>
  useQuery({ queryKey: [...key, 'reviews'], queryFn: ({ signal }) => api.get<{ items: ReviewQueueItem[] }>('/text-qa/reviews', undefined, signal) });

export const useCalibration = () =>
  useQuery({ queryKey: [...key, 'calibration'], queryFn: ({ signal }) => api.get<Calibration>('/text-qa/calibration', undefined, signal) });

export const useTextRules = () =>
  useQuery({ queryKey: [...key, 'rules'], queryFn: ({ signal }) => api.get<Received<typeof textRules>>('/text-qa/rules', undefined, signal) });

function useQaMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useReviewFinding = () =>
  useQaMutation((input: { id: string } & Sent<typeof findingReview>) =>
    api.post<StoredFinding>(`/text-qa/findings/${input.id}/review`, { decision: input.decision, note: input.note }),
  );

export const useSubmitReview = () =>
  useQaMutation((input: { textId: string } & Sent<typeof reviewBody>) =>
    api.post<{ total: number }>(`/text-qa/reviews/${input.textId}`, { rubric: input.rubric, comment: input.comment }),
  );

export const useSaveTextRules = () => useQaMutation((input: Sent<typeof textRules>) => api.put<Received<typeof textRules>>('/text-qa/rules', input));

export const useVoiceSummary = (filters: Filters<typeof voiceQuery>) =>
  useQuery({ queryKey: [...key, 'voice', filters], queryFn: ({ signal }) => api.get<VoiceSummary>('/owner-voice/summary', filters, signal) });

export const useVerbatims = (filters: Filters<typeof verbatimQuery> | null) =>
  useQuery({
    queryKey: [...key, 'verbatims', filters],
    queryFn: ({ signal }) => api.get<{ items: Verbatim[] }>('/owner-voice/verbatims', filters ?? undefined, signal),
    enabled: filters !== null,
  });

export type ScriptScenario = Received<typeof scriptScenario>;
export type HomeworkItem = Received<typeof homeworkItem>;

export const useScripts = (query: string) =>
  useQuery({
    queryKey: [...key, 'scripts', query],
    queryFn: ({ signal }) => api.get<{ items: ScriptScenario[] }>('/scripts', { q: query || undefined }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

export const useHomework = () =>
  useQuery({ queryKey: [...key, 'homework'], queryFn: ({ signal }) => api.get<{ items: HomeworkItem[] }>('/scripts/homework', undefined, signal) });

export const useSubmitHomework = () =>
  useQaMutation((input: { key: string; text: string }) => api.post<TextCheck>(`/scripts/${input.key}/homework`, { text: input.text }));

export type QaSampling = Received<typeof qaSampling>;
export const useSampling = () =>
  useQuery({ queryKey: [...key, 'sampling'], queryFn: ({ signal }) => api.get<QaSampling>('/text-qa/sampling', undefined, signal) });
export const useSaveSampling = () => useQaMutation((input: Sent<typeof qaSampling>) => api.put<QaSampling>('/text-qa/sampling', input));

export const useSaveScript = () =>
  useQaMutation((input: { key: string; body: Sent<typeof companyScriptBody> }) => api.put<ScriptScenario>(`/scripts/${input.key}`, input.body));
export const useDeleteScript = () => useQaMutation((scriptKey: string) => api.delete(`/scripts/${scriptKey}`));
