import type { HouseholdStatus } from '@manyi/core';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, requestHeaders, throwForResponse } from './client';
import type { Building, ItemList } from './types';

/** Campaigns (apps/server/src/campaigns/schemas.ts). */

export type CampaignStatus = 'draft' | 'open' | 'closed';
export type Population = { projectIds: string[]; buildingIds: string[]; householdStatuses: HouseholdStatus[]; ownerTags: string[] };
export type Sampling =
  | { kind: 'census' }
  | { kind: 'simple'; marginOfError: number; confidence: number; expectedResponseRate: number; seed?: number }
  | { kind: 'stratified'; by: 'project' | 'building'; marginOfError: number; confidence: number; expectedResponseRate: number; seed?: number };
export type Quota = { level: 'project' | 'building'; id: string; maxCompleted: number };

export type Stratum = { id: string; name: string; population: number; sample: number; invite: number };
export type Plan = {
  kind: Sampling['kind'];
  by: 'project' | 'building' | null;
  marginOfError: number | null;
  confidence: number | null;
  expectedResponseRate: number | null;
  seed: number | null;
  matched: number;
  excludedByContact: number;
  population: number;
  sampleWithoutCorrection: number | null;
  sampleSize: number;
  invitations: number;
  strata: Stratum[];
};

export type Campaign = {
  id: string;
  name: string;
  status: CampaignStatus;
  surveyId: string;
  surveyName: string;
  surveyVersion: number;
  opensAt: string | null;
  closesAt: string | null;
  previousCampaignId: string | null;
  contactIntervalDays: number;
  reminderIntervalHours: number;
  population: Population;
  quotas: Quota[];
  plan: Plan;
  createdAt: string;
};

export type PreviewInput = { population: Population; sampling: Sampling; contactIntervalDays: number };
export type CampaignInput = PreviewInput & {
  surveyId: string;
  surveyVersion: number;
  name: string;
  opensAt: string | null;
  closesAt: string | null;
  previousCampaignId: string | null;
  quotas: Quota[];
  reminderIntervalHours: number;
};

type Counts = { invited: number; opened: number; partial: number; completed: number; expired: number; responseRate: number | null };
export type ProgressRow = Counts & { id: string; name: string; projectId: string; target: number | null; quota: number | null };
export type Progress = { total: Counts & { target: number }; projects: ProgressRow[]; buildings: ProgressRow[] };
export type ReminderResult = { households: number; messages: number; skippedRecent: number; withoutPhone: number };

const campaignsKey = ['campaigns'] as const;

export function useCampaigns(status?: CampaignStatus) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', status ?? null],
    queryFn: ({ signal }) => api.get<ItemList<Campaign>>('/campaigns', { status }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: [...campaignsKey, 'detail', id], queryFn: ({ signal }) => api.get<Campaign>(`/campaigns/${id ?? ''}`, undefined, signal), enabled: Boolean(id) });
}

export function useCampaignProgress(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignsKey, 'progress', id],
    queryFn: ({ signal }) => api.get<Progress>(`/campaigns/${id ?? ''}/progress`, undefined, signal),
    enabled: Boolean(id) && enabled,
    refetchInterval: 60_000,
  });
}

export type InvitationStatus = 'invited' | 'opened' | 'partial' | 'completed' | 'expired';
export type Invitation = {
  id: string; householdId: string; householdLabel: string; projectId: string; buildingId: string | null; status: InvitationStatus;
  invitedAt: string; openedAt: string | null; completedAt: string | null; remindedAt: string | null; reminderCount: number;
};

/** The campaign's invitations in the caller's projects (the server's first 1,000, in household order). */
export function useInvitations(id: string | undefined, status: InvitationStatus | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignsKey, 'invitations', id, status],
    queryFn: ({ signal }) => api.get<ItemList<Invitation>>(`/campaigns/${id ?? ''}/invitations`, { status }, signal),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

/** A new one-time link for one household; the old one stops working. The link is shown once. */
export function useRegenerateLink(id: string) {
  return useMutation({
    mutationFn: (invitationId: string) => api.post<{ invitationId: string; link: string }>(`/campaigns/${id}/invitations/${invitationId}/link`, {}),
  });
}

/** The plan recomputed as the wizard's inputs change (debounced by the caller); nothing is created. */
export function usePlanPreview(input: PreviewInput | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'preview', input],
    queryFn: () => api.post<Plan>('/campaigns/preview', input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Buildings of several projects at once, for the population and quota pickers. */
export function useBuildingsOf(projectIds: readonly string[]) {
  const results = useQueries({
    queries: projectIds.map((projectId) => ({
      queryKey: ['buildings', 'list', projectId],
      queryFn: () => api.get<ItemList<Building>>('/buildings', { projectId }),
    })),
  });
  return results.flatMap((result) => result.data?.items ?? []);
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput) => api.post<Campaign>('/campaigns', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsKey }),
  });
}

export function useCampaignCommand(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: 'launch' | 'close') => api.post<Campaign>(`/campaigns/${id}/${command}`),
    onSuccess: (campaign) => {
      queryClient.setQueryData([...campaignsKey, 'detail', id], campaign);
      void queryClient.invalidateQueries({ queryKey: campaignsKey });
    },
  });
}

export function useSendReminders(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: { projectId?: string; buildingId?: string }) => api.post<ReminderResult>(`/campaigns/${id}/reminders`, scope),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'progress', id] }),
  });
}

/** A POST whose answer is a file (links .xlsx, posters .html): the Blob, or the server's problem as an ApiError. */
export async function postForFile(path: string, body: object = {}): Promise<Blob> {
  const response = await fetch(apiUrl(path), {
    method: 'POST', credentials: 'same-origin', headers: requestHeaders({ 'Content-Type': 'application/json' }), body: JSON.stringify(body),
  });
  if (!response.ok) return throwForResponse(path, response);
  return response.blob();
}
