import type {
  assignmentBody,
  courseDetail,
  courseSummary,
  drillDetail,
  drillResult,
  drillSummary,
  learningRecord,
  practiceAttempt,
  practiceResult,
  practiceScript,
  quizResult,
  teamProgress,
} from '@manyi/contracts/training';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type CourseSummary = Received<typeof courseSummary>;
export type CourseDetail = Received<typeof courseDetail>;
export type QuizResult = Received<typeof quizResult>;
export type DrillSummary = Received<typeof drillSummary>;
export type DrillDetail = Received<typeof drillDetail>;
export type DrillResult = Received<typeof drillResult>;
export type LearningRecord = Received<typeof learningRecord>;
export type TeamProgress = Received<typeof teamProgress>;
export type PracticeScript = Received<typeof practiceScript>;
export type PracticeResult = Received<typeof practiceResult>;

const key = ['training'] as const;

export const useCourses = () =>
  useQuery({ queryKey: [...key, 'courses'], queryFn: ({ signal }) => api.get<{ items: CourseSummary[] }>('/training/courses', undefined, signal) });

export const useCourse = (courseKey: string) =>
  useQuery({
    queryKey: [...key, 'courses', courseKey],
    queryFn: ({ signal }) => api.get<CourseDetail>(`/training/courses/${encodeURIComponent(courseKey)}`, undefined, signal),
  });

export const useDrills = () =>
  useQuery({ queryKey: [...key, 'drills'], queryFn: ({ signal }) => api.get<{ items: DrillSummary[] }>('/training/drills', undefined, signal) });

export const useDrill = (drillKey: string) =>
  useQuery({
    queryKey: [...key, 'drills', drillKey],
    queryFn: ({ signal }) => api.get<DrillDetail>(`/training/drills/${encodeURIComponent(drillKey)}`, undefined, signal),
  });

export const usePracticeScripts = () =>
  useQuery({ queryKey: [...key, 'practice'], queryFn: ({ signal }) => api.get<{ items: PracticeScript[] }>('/training/practice', undefined, signal) });

export const useLearningRecord = (staffId?: string) =>
  useQuery({
    queryKey: [...key, 'records', staffId ?? 'me'],
    queryFn: ({ signal }) => api.get<LearningRecord>('/training/records', { staffId }, signal),
  });

export const useTeamProgress = (projectId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'team', projectId ?? 'all'],
    queryFn: ({ signal }) => api.get<TeamProgress>('/training/team', { projectId }, signal),
    enabled,
  });

/** Every training change refreshes the lists, progress and records that show it. */
function useTrainingMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useCompleteLesson = (courseKey: string) =>
  useTrainingMutation((input: { lessonId: string; seconds: number }) =>
    api.post<CourseDetail>(`/training/courses/${encodeURIComponent(courseKey)}/lessons/${encodeURIComponent(input.lessonId)}/done`, { seconds: input.seconds }),
  );

export const useTakeQuiz = (courseKey: string) =>
  useTrainingMutation((input: { answers: Record<string, string[]>; seconds: number }) =>
    api.post<QuizResult>(`/training/courses/${encodeURIComponent(courseKey)}/quiz`, input),
  );

export const useAnswerDrill = (drillKey: string) =>
  useTrainingMutation((input: { replies: string[]; seconds: number }) =>
    api.post<DrillResult>(`/training/drills/${encodeURIComponent(drillKey)}/attempts`, input),
  );

export const useAssignCourse = () =>
  useTrainingMutation((input: Sent<typeof assignmentBody>) => api.post<{ assigned: number }>('/training/assignments', input));

export const usePractise = (scriptKey: string) =>
  useTrainingMutation((input: Sent<typeof practiceAttempt>) => api.post<PracticeResult>(`/training/practice/${encodeURIComponent(scriptKey)}/attempts`, input));
