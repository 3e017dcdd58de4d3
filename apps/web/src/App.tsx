import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { meKey } from './api/auth';
import { entryQueryClient } from './api/query-client';
import { LocaleProvider } from './i18n/LocaleProvider';
import { lazyNamed } from './shared/lazy-named';
import { PageSpin } from './shared/PageSpin';
import { Landing } from './layout/landing';

// One chunk per route. The owner's phone pages (/h5/…) are not here: they are their own entry, owner.html (src/owner/main.tsx).
const NoticesPage = lazyNamed(() => import('./pages/notices/NoticesPage'), 'NoticesPage');
const CasesPage = lazyNamed(() => import('./pages/cases/CasesPage'), 'CasesPage');
const LoginPage = lazyNamed(() => import('./pages/login/LoginPage'), 'LoginPage');
const RequireStaff = lazyNamed(() => import('./layout/RequireStaff'), 'RequireStaff');
const ServiceDeskPage = lazyNamed(() => import('./pages/service-desk/ServiceDeskPage'), 'ServiceDeskPage');
const TicketCreatePage = lazyNamed(() => import('./pages/service-desk/TicketCreatePage'), 'TicketCreatePage');
const TicketDetailPage = lazyNamed(() => import('./pages/service-desk/TicketDetailPage'), 'TicketDetailPage');
const IncidentsPage = lazyNamed(() => import('./pages/incidents/IncidentsPage'), 'IncidentsPage');
const AgeingPage = lazyNamed(() => import('./pages/service-desk/AgeingPage'), 'AgeingPage');
const ServiceDeskSettingsPage = lazyNamed(() => import('./pages/service-desk-settings/ServiceDeskSettingsPage'), 'ServiceDeskSettingsPage');
const SlaPoliciesPage = lazyNamed(() => import('./pages/sla/SlaPoliciesPage'), 'SlaPoliciesPage');
const CalendarPage = lazyNamed(() => import('./pages/sla/CalendarPage'), 'CalendarPage');
const WebhooksPage = lazyNamed(() => import('./pages/sla/WebhooksPage'), 'WebhooksPage');
const DispatchRulesPage = lazyNamed(() => import('./pages/dispatch/DispatchRulesPage'), 'DispatchRulesPage');
const CannedRepliesPage = lazyNamed(() => import('./pages/dispatch/CannedRepliesPage'), 'CannedRepliesPage');
const ProjectsPage = lazyNamed(() => import('./pages/projects/ProjectsPage'), 'ProjectsPage');
const BuildingsPage = lazyNamed(() => import('./pages/buildings/BuildingsPage'), 'BuildingsPage');
const PersonsPage = lazyNamed(() => import('./pages/persons/PersonsPage'), 'PersonsPage');
const PersonProfilePage = lazyNamed(() => import('./pages/persons/PersonProfilePage'), 'PersonProfilePage');
const ImportPage = lazyNamed(() => import('./pages/imports/ImportPage'), 'ImportPage');
const StaffPage = lazyNamed(() => import('./pages/staff/StaffPage'), 'StaffPage');
const AuditLogPage = lazyNamed(() => import('./pages/audit/AuditLogPage'), 'AuditLogPage');
const SurveyFollowupsPage = lazyNamed(() => import('./pages/survey-followups/SurveyFollowupsPage'), 'SurveyFollowupsPage');
const SurveyImportPage = lazyNamed(() => import('./pages/survey-imports/SurveyImportPage'), 'SurveyImportPage');
const SurveysPage = lazyNamed(() => import('./pages/surveys/SurveysPage'), 'SurveysPage');
const CampaignsPage = lazyNamed(() => import('./pages/campaigns/CampaignsPage'), 'CampaignsPage');
const CampaignWizardPage = lazyNamed(() => import('./pages/campaigns/CampaignWizardPage'), 'CampaignWizardPage');
const CampaignDetailPage = lazyNamed(() => import('./pages/campaigns/CampaignDetailPage'), 'CampaignDetailPage');
const ResultsPage = lazyNamed(() => import('./pages/results/ResultsPage'), 'ResultsPage');
const SurveyDesignerPage = lazyNamed(() => import('./pages/surveys/SurveyDesignerPage'), 'SurveyDesignerPage');
const TrainingPage = lazyNamed(() => import('./pages/training/TrainingPage'), 'TrainingPage');
const CoursePage = lazyNamed(() => import('./pages/training/CoursePage'), 'CoursePage');
const DrillPage = lazyNamed(() => import('./pages/training/DrillPage'), 'DrillPage');
const JourneysPage = lazyNamed(() => import('./pages/experience/JourneysPage'), 'JourneysPage');
const JourneyPage = lazyNamed(() => import('./pages/experience/JourneyPage'), 'JourneyPage');
const ScorecardsPage = lazyNamed(() => import('./pages/scorecards/ScorecardsPage'), 'ScorecardsPage');
const QualityPage = lazyNamed(() => import('./pages/text-qa/QualityPage'), 'QualityPage');
const ScriptsPage = lazyNamed(() => import('./pages/text-qa/ScriptsPage'), 'ScriptsPage');
const OwnerVoicePage = lazyNamed(() => import('./pages/owner-voice/OwnerVoicePage'), 'OwnerVoicePage');
const FieldTasksPage = lazyNamed(() => import('./pages/field-work/FieldTasksPage'), 'FieldTasksPage');
const FieldTaskPage = lazyNamed(() => import('./pages/field-work/FieldTaskPage'), 'FieldTaskPage');
const GapsPage = lazyNamed(() => import('./pages/gaps/GapsPage'), 'GapsPage');
const PlansPage = lazyNamed(() => import('./pages/plans/PlansPage'), 'PlansPage');
const TownHallPage = lazyNamed(() => import('./pages/plans/TownHallPage'), 'TownHallPage');
const InspectionsPage = lazyNamed(() => import('./pages/inspections/InspectionsPage'), 'InspectionsPage');
const InspectionPhonePage = lazyNamed(() => import('./pages/inspections/InspectionPhonePage'), 'InspectionPhonePage');
const IndicatorSystemsPage = lazyNamed(() => import('./pages/indicators/IndicatorSystemsPage'), 'IndicatorSystemsPage');
const HomePage = lazyNamed(() => import('./pages/analytics/HomePage'), 'HomePage');
const AnalyticsPage = lazyNamed(() => import('./pages/analytics/HomePage'), 'AnalyticsPage');

const queryClient = entryQueryClient('staff', meKey);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <Suspense fallback={<PageSpin />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/m/tasks" element={<FieldTasksPage />} />
              <Route path="/m/tasks/:id" element={<FieldTaskPage />} />
              <Route path="/m/inspections/:id" element={<InspectionPhonePage />} />
              <Route path="/town-hall/:id" element={<TownHallPage />} />
              <Route element={<RequireStaff />}>
                <Route index element={<Landing />} />
                <Route path="/service-desk" element={<ServiceDeskPage />} />
                <Route path="/service-desk/new" element={<TicketCreatePage />} />
                <Route path="/service-desk/ageing" element={<AgeingPage />} />
                <Route path="/service-desk/:id" element={<TicketDetailPage />} />
                <Route path="/incidents" element={<IncidentsPage />} />
                <Route path="/notices" element={<NoticesPage />} />
                <Route path="/cases" element={<CasesPage />} />
                <Route path="/survey-followups" element={<SurveyFollowupsPage />} />
                <Route path="/survey-imports" element={<SurveyImportPage />} />
                <Route path="/surveys" element={<SurveysPage />} />
                <Route path="/surveys/:id" element={<SurveyDesignerPage />} />
                <Route path="/campaigns" element={<CampaignsPage />} />
                <Route path="/campaigns/new" element={<CampaignWizardPage />} />
                <Route path="/campaigns/:id" element={<CampaignDetailPage />} />
                <Route path="/campaigns/:id/results" element={<ResultsPage />} />
                <Route path="/indicator-systems" element={<IndicatorSystemsPage />} />
                <Route path="/experience" element={<JourneysPage />} />
                <Route path="/experience/journeys/:id" element={<JourneyPage />} />
                <Route path="/training" element={<TrainingPage />} />
                <Route path="/scorecards" element={<ScorecardsPage />} />
                <Route path="/training/courses/:key" element={<CoursePage />} />
                <Route path="/training/drills/:key" element={<DrillPage />} />
                <Route path="/home" element={<HomePage />} />
                <Route path="/analytics" element={<AnalyticsPage />} />
                <Route path="/quality" element={<QualityPage />} />
                <Route path="/inspections" element={<InspectionsPage />} />
                <Route path="/gaps" element={<GapsPage />} />
                <Route path="/plans" element={<PlansPage />} />
                <Route path="/owner-voice" element={<OwnerVoicePage />} />
                <Route path="/scripts" element={<ScriptsPage />} />
                <Route path="/projects" element={<ProjectsPage />} />
                <Route path="/buildings" element={<BuildingsPage />} />
                <Route path="/persons" element={<PersonsPage />} />
                <Route path="/persons/:id" element={<PersonProfilePage />} />
                <Route path="/imports" element={<ImportPage />} />
                <Route path="/staff" element={<StaffPage />} />
                <Route path="/sla-policies" element={<SlaPoliciesPage />} />
                <Route path="/calendar" element={<CalendarPage />} />
                <Route path="/service-desk-settings" element={<ServiceDeskSettingsPage />} />
                <Route path="/dispatch-rules" element={<DispatchRulesPage />} />
                <Route path="/canned-replies" element={<CannedRepliesPage />} />
                <Route path="/webhooks" element={<WebhooksPage />} />
                <Route path="/audit-logs" element={<AuditLogPage />} />
                <Route path="*" element={<Landing />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
