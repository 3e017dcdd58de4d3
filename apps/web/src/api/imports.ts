import type { templateQuery } from '@manyi/contracts/imports';
import type { Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, requestHeaders } from './client';
import { ApiError, type ProblemDocument } from './problem';
import type { ImportJob, ImportStatus } from './types';

export function importTemplateUrl(format: NonNullable<Sent<typeof templateQuery>['format']>): string {
  return apiUrl('/household-imports/template', { format });
}

/** States in which the server is still working and the job must be polled. */
const busyStatuses: readonly ImportStatus[] = ['validating', 'committing'];
export const importPollMs = 700;

export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['household-imports', id],
    queryFn: () => api.get<ImportJob>(`/household-imports/${id ?? ''}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !busyStatuses.includes(query.state.data.status) ? false : importPollMs),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/household-imports/${id}/commit`),
    onSuccess: (job) => queryClient.setQueryData(['household-imports', job.id], job),
  });
}

/** The body of an XHR response; a proxy's HTML error page reads as no body at all. */
function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Multipart upload through XMLHttpRequest because fetch reports no upload progress, and a
 * spreadsheet of a large project can take seconds on a slow site connection.
 */
export function uploadHouseholdImport(projectId: string, file: File, onProgress: (percent: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    // The server reads fields in order: projectId must come before the file.
    form.append('projectId', projectId);
    form.append('file', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl('/household-imports'));
    request.withCredentials = true;
    for (const [name, value] of Object.entries(requestHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(body as ImportJob);
      else {
        const problem = body !== null && typeof body === 'object' ? (body as ProblemDocument) : {};
        reject(new ApiError(request.status, problem, request.statusText || `HTTP ${request.status}`));
      }
    };
    request.onerror = () => reject(new ApiError(0, {}, 'network'));
    request.send(form);
  });
}
