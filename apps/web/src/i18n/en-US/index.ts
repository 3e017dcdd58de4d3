import type { Messages } from '../zh-CN';
import { campaigns } from './campaigns';
import { platform } from './platform';
import { serviceDesk } from './service-desk';
import { serviceDeskSettings } from './service-desk-settings';
import { surveyLoop } from './survey-loop';
import { surveyDesign } from './surveys';
import { results } from './results';
import { training } from './training';
import { experience } from './experience';
import { analytics } from './analytics';
import { textQa } from './text-qa';
import { scorecards } from './scorecards';
import { fieldWork } from './field-work';
import { ownerMessages } from './owner';
import { inspections } from './inspections';
import { notices } from './notices';
import { cases } from './cases';
import { gaps } from './gaps';
import { plans } from './plans';

export const enUS: Messages = {
  ...platform,
  ...serviceDesk,
  ...serviceDeskSettings,
  ...surveyLoop,
  ...surveyDesign,
  ...campaigns,
  ...results,
  ...training,
  ...experience,
  ...analytics,
  ...textQa,
  ...scorecards,
  ...fieldWork,
  ...ownerMessages,
  ...inspections,
  ...notices,
  ...cases,
  ...gaps,
  ...plans,
};
