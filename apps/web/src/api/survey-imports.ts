import type { surveySummary } from '@manyi/contracts/surveys';
import type { columnMapping, columnTarget, surveyImportJob } from '@manyi/contracts/survey-imports';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, requestHeaders, throwForResponse } from './client';

export type ColumnTarget = Sent<typeof columnTarget>;
export type ColumnMapping = Sent<typeof columnMapping>;
export type SurveyImportStatus = SurveyImport['status'];

/** A survey import job (packages/contracts/src/survey-imports.ts `surveyImportJob`). */
export type SurveyImport = Received<typeof surveyImportJob>;

const busy: readonly SurveyImportStatus[] = ['validating', 'committing'];

export function useSurveyImport(id: string | null) {
  return useQuery({
    queryKey: ['survey-imports', id],
    queryFn: () => api.get<SurveyImport>(`/survey-imports/${id ?? ''}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !busy.includes(query.state.data.status) ? false : 700),
  });
}

/** Where the rows go: an existing campaign, or a new 'imported' campaign of a survey. */
export type ImportTarget = { campaignId: string } | { surveyId: string; campaignName: string };

/** Multipart with the target fields before the file, as the server reads them in order. */
export async function uploadSurveyImport(target: ImportTarget, file: File): Promise<SurveyImport> {
  const form = new FormData();
  for (const [name, value] of Object.entries(target)) form.append(name, value);
  form.append('file', file, file.name);
  const path = '/survey-imports';
  const response = await fetch(apiUrl(path), { method: 'POST', credentials: 'same-origin', headers: requestHeaders(), body: form });
  if (!response.ok) return throwForResponse(path, response);
  return (await response.json()) as SurveyImport;
}

export function useSurveyImportStep(step: 'mapping' | 'commit') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping?: ColumnMapping[] }) =>
      api.post<SurveyImport>(`/survey-imports/${id}/${step}`, step === 'mapping' ? { mapping } : undefined),
    onSuccess: (job) => queryClient.setQueryData(['survey-imports', job.id], job),
  });
}

export type SurveyOption = Pick<Received<typeof surveySummary>, 'id' | 'name' | 'status'>;

export function usePublishedSurveys() {
  return useQuery({
    queryKey: ['surveys', 'published'],
    queryFn: ({ signal }) => api.get<{ items: SurveyOption[] }>('/surveys', { status: 'published' }, signal),
  });
}
