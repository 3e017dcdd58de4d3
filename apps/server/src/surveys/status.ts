/** draft (being designed) → published (campaigns may use it) → archived (kept for old results, no edits). */
export const surveyStatuses = ['draft', 'published', 'archived'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];
