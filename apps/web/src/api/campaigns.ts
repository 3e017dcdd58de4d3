import type {
  campaignBody,
  campaignView,
  invitationView,
  linkView,
  planView,
  populationFilter,
  previewBody,
  progressRow,
  progressView,
  quota,
  reminderResult,
  samplingInput,
  stratumView,
} from '@manyi/contracts/campaigns';
import type { Received, Sent } from '@manyi/contracts/wire';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, requestHeaders, throwForResponse } from './client';
import type { Building, ItemList } from './types';

/** Campaigns (packages/contracts/src/campaigns.ts). */

export type CampaignStatus = Received<typeof campaignView>['status'];
export type Population = Sent<typeof populationFilter>;
export type Sampling = Sent<typeof samplingInput>;
export type Quota = Sent<typeof quota>;

export type Stratum = Received<typeof stratumView>;
export type Plan = Received<typeof planView>;

export type Campaign = Received<typeof campaignView>;

export type PreviewInput = Sent<typeof previewBody>;
export type CampaignInput = Sent<typeof campaignBody>;

export type ProgressRow = Received<typeof progressRow>;
export type Progress = Received<typeof progressView>;
export type ReminderResult = Received<typeof reminderResult>;

const campaignsKey = ['campaigns'] as const;

export function useCampaigns(status?: CampaignStatus) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', status ?? null],
    queryFn: ({ signal }) => api.get<ItemList<Campaign>>('/campaigns', { status }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: [...campaignsKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Campaign>(`/campaigns/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCampaignProgress(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignsKey, 'progress', id],
    queryFn: ({ signal }) => api.get<Progress>(`/campaigns/${id ?? ''}/progress`, undefined, signal),
    enabled: Boolean(id) && enabled,
    refetchInterval: 60_000,
  });
}

export type InvitationStatus = Invitation['status'];
export type Invitation = Received<typeof invitationView>;

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
    mutationFn: (invitationId: string) => api.post<Received<typeof linkView>>(`/campaigns/${id}/invitations/${invitationId}/link`, {}),
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
    method: 'POST',
    credentials: 'same-origin',
    headers: requestHeaders({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
  });
  if (!response.ok) return throwForResponse(path, response);
  return response.blob();
}
