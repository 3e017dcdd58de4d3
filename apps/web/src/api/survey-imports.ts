import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, requestHeaders, throwForResponse } from './client';

export type ColumnTarget = { kind: 'question'; questionKey: string; item?: string } | { kind: 'room' } | { kind: 'phone' };
export type ColumnMapping = { column: number; header: string; target: ColumnTarget | null };
export type SurveyImportStatus = 'mapping' | 'validating' | 'validated' | 'committing' | 'committed' | 'failed';

/** A survey import job (apps/server/src/survey-imports/schemas.ts `surveyImportJob`). */
export type SurveyImport = {
  id: string;
  campaignId: string;
  fileName: string;
  status: SurveyImportStatus;
  headers: string[];
  mapping: ColumnMapping[];
  questions: { key: string; type: string; title: string; items: { key: string; label: string }[] }[];
  totalRows: number;
  processedRows: number;
  validRows: number;
  importedRows: number;
  errorCount: number;
  errors: { row: number; column: string | null; value: string; code: string; message: string }[];
  createdAt: string;
  committedAt: string | null;
};

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

export type SurveyOption = { id: string; name: string; status: string };

export function usePublishedSurveys() {
  return useQuery({
    queryKey: ['surveys', 'published'],
    queryFn: ({ signal }) => api.get<{ items: SurveyOption[] }>('/surveys', { status: 'published' }, signal),
  });
}
