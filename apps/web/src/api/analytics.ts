import type {
  complaintAnalyticsView,
  feeCorrelationView,
  feeEntryBody,
  feeImportResult,
  gbtScoreView,
  overviewQuery,
  overviewView,
  projectHomeView,
  rankingView,
  stewardHomeView,
  targetBody,
  RankingMetric,
  reportJob,
  reportListView,
  reportRequestBody,
  arrearsView,
  arrearsEntry,
  arrearsEntryBody,
} from '@manyi/contracts/analytics';
import type { Filters, Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client';

export type Overview = Received<typeof overviewView>;
export type OverviewFilter = Filters<typeof overviewQuery>;
export type HomeFigures = Overview['headline'];
export type Ranking = Received<typeof rankingView>;
export type ProjectHome = Received<typeof projectHomeView>;
export type StewardHome = Received<typeof stewardHomeView>;
export type Targets = Sent<typeof targetBody>;

/** GET /analytics/overview: one scope of the drill-down (company, region, project, building). */
export function useOverview(filter: OverviewFilter) {
  return useQuery({
    queryKey: ['analytics', 'overview', filter],
    queryFn: ({ signal }) => api.get<Overview>('/analytics/overview', filter, signal),
    // The rollups move every 30 s: refetching each minute keeps an open dashboard within a minute of the records.
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}

export function useRanking(metric: RankingMetric, month: string | undefined) {
  return useQuery({
    queryKey: ['analytics', 'rankings', metric, month],
    queryFn: ({ signal }) => api.get<Ranking>('/analytics/rankings', { metric, month }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useProjectHome(projectId: string | undefined) {
  return useQuery({
    queryKey: ['analytics', 'project-home', projectId],
    queryFn: ({ signal }) => api.get<ProjectHome>('/analytics/project-home', { projectId }, signal),
    refetchInterval: 60_000,
  });
}

export function useStewardHome(enabled = true) {
  return useQuery({
    queryKey: ['analytics', 'steward-home'],
    queryFn: ({ signal }) => api.get<StewardHome>('/analytics/steward-home', undefined, signal),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useSaveTargets(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Targets) => api.put<Targets>(`/analytics/projects/${projectId}/targets`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics', 'project-home'] }),
  });
}

/** The report downloads (plain links: the browser saves the file the server streams). */
export const weeklyReportUrl = (projectId: string, format: 'pdf' | 'xlsx') => apiUrl('/analytics/reports/weekly', { projectId, format });
export const monthlyReportUrl = (month: string | undefined, format: 'pdf' | 'xlsx') => apiUrl('/analytics/reports/monthly', { month, format });

export type ComplaintAnalytics = Received<typeof complaintAnalyticsView>;
export type FeeCorrelation = Received<typeof feeCorrelationView>;
export type FeeImportResult = Received<typeof feeImportResult>;
export type FeeEntry = Sent<typeof feeEntryBody>;

export function useComplaintAnalytics(projectId: string | undefined) {
  return useQuery({
    queryKey: ['analytics', 'complaints', projectId],
    queryFn: ({ signal }) => api.get<ComplaintAnalytics>('/analytics/complaints', { projectId }, signal),
  });
}

export function useFeeCorrelation() {
  return useQuery({
    queryKey: ['analytics', 'fee-correlation'],
    queryFn: ({ signal }) => api.get<FeeCorrelation>('/analytics/fee-correlation', undefined, signal),
  });
}

/** Uploads a fee sheet; the answer lists the rows kept and every refused row with its reason. */
export function useImportFees() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<FeeImportResult>('/analytics/fees/import', file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics'] }),
  });
}

export function useEnterFees() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: FeeEntry) => api.post<FeeImportResult>('/analytics/fees', entry),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics'] }),
  });
}

export type GbtScore = Received<typeof gbtScoreView>;

export function useGbtScore() {
  return useQuery({ queryKey: ['analytics', 'gbt-score'], queryFn: ({ signal }) => api.get<GbtScore>('/analytics/gbt-score', undefined, signal) });
}

export type ReportJob = Received<typeof reportJob>;
export type ReportRequest = Sent<typeof reportRequestBody>;

/** The generated reports; polled every 2 s while one is queued or running, so its progress moves. */
export function useReports() {
  return useQuery({
    queryKey: ['analytics', 'reports'],
    queryFn: ({ signal }) => api.get<Received<typeof reportListView>>('/analytics/reports', undefined, signal),
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.status === 'queued' || item.status === 'running') ? 2_000 : 60_000),
  });
}

export function useRequestReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportRequest) => api.post<ReportJob>('/analytics/reports', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics', 'reports'] }),
  });
}

export const reportFileUrl = (id: string, format: 'pdf' | 'xlsx') => apiUrl(`/analytics/reports/${id}/file`, { format });

export type Arrears = Received<typeof arrearsView>;

export function useArrears() {
  return useQuery({ queryKey: ['analytics', 'arrears'], queryFn: ({ signal }) => api.get<Arrears>('/analytics/arrears', undefined, signal) });
}

/** Uploads the households in arrears; the answer lists the rows kept and every refused row with its reason. */
export function useImportArrears() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<FeeImportResult>('/analytics/arrears/import', file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics', 'arrears'] }),
  });
}

export type ArrearsEntry = Received<typeof arrearsEntry>;
export type ArrearsEntryValues = Sent<typeof arrearsEntryBody>;

/** One household's arrears entered in the console (replaces its earlier entry). */
export function useEnterArrears() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ householdId, ...body }: ArrearsEntryValues & { householdId: string }) => api.put<ArrearsEntry>(`/analytics/arrears/${householdId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics', 'arrears'] }),
  });
}

/** The household has paid: it leaves the list. */
export function useClearArrears() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (householdId: string) => api.delete(`/analytics/arrears/${householdId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics', 'arrears'] }),
  });
}
