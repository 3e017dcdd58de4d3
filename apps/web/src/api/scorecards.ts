import type { companyRanking, objection, objectionBody, projectRanking, resolveObjectionBody, scorecard, scorePoint } from '@manyi/contracts/scorecards';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type Scorecard = Received<typeof scorecard>;
export type ScorePoint = Received<typeof scorePoint>;
export type Objection = Received<typeof objection>;
export type ProjectRanking = Received<typeof projectRanking>;
export type CompanyRanking = Received<typeof companyRanking>;

const key = ['scorecards'] as const;

/** A person's card; `me` for one's own. */
export const useScorecard = (staffId: string, month: string) =>
  useQuery({
    queryKey: [...key, 'card', staffId, month],
    queryFn: ({ signal }) => api.get<Scorecard>(staffId === 'me' ? '/scorecards/me' : `/scorecards/staff/${staffId}`, { month }, signal),
  });

export const useScorePoints = (staffId: string | undefined, month: string) =>
  useQuery({
    queryKey: [...key, 'points', staffId, month],
    queryFn: ({ signal }) => api.get<{ items: ScorePoint[] }>(`/scorecards/staff/${staffId}/points`, { month }, signal),
    enabled: Boolean(staffId),
  });

export const useProjectRanking = (projectId: string | undefined, month: string, by: 'staff' | 'team') =>
  useQuery({
    queryKey: [...key, 'ranking', projectId, month, by],
    queryFn: ({ signal }) => api.get<ProjectRanking>(`/scorecards/projects/${projectId}/ranking`, { month, by }, signal),
    enabled: Boolean(projectId),
  });

export const useCompanyRanking = (month: string, enabled: boolean) =>
  useQuery({ queryKey: [...key, 'company', month], queryFn: ({ signal }) => api.get<CompanyRanking>('/scorecards/ranking', { month }, signal), enabled });

export const useObjections = (status: 'open' | 'upheld' | 'dismissed' | undefined) =>
  useQuery({
    queryKey: [...key, 'objections', status ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: Objection[] }>('/scorecards/objections', { status }, signal),
  });

function useScoreMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useRaiseObjection = () => useScoreMutation((input: Sent<typeof objectionBody>) => api.post<Objection>('/scorecards/objections', input));
export const useResolveObjection = () =>
  useScoreMutation((input: { id: string } & Sent<typeof resolveObjectionBody>) =>
    api.post<Objection>(`/scorecards/objections/${input.id}/resolve`, { decision: input.decision, resolution: input.resolution }),
  );
