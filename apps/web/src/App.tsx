import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { meKey } from './api/auth';
import { onUnauthorized } from './api/client';
import { ownerMeKey } from './api/owner';
import { ApiError } from './api/problem';
import { LocaleProvider } from './i18n/LocaleProvider';
import { RequireStaff } from './layout/RequireStaff';
import { OwnerHomePage } from './owner/OwnerHomePage';
import { OwnerInvitePage } from './owner/OwnerInvitePage';
import { OwnerLoginPage } from './owner/OwnerLoginPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { BuildingsPage } from './pages/buildings/BuildingsPage';
import { ComingSoonPage } from './pages/coming-soon/ComingSoonPage';
import { ImportPage } from './pages/imports/ImportPage';
import { LoginPage } from './pages/login/LoginPage';
import { PersonProfilePage } from './pages/persons/PersonProfilePage';
import { PersonsPage } from './pages/persons/PersonsPage';
import { ProjectsPage } from './pages/projects/ProjectsPage';
import { StaffPage } from './pages/staff/StaffPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, 422) will not get better by asking again.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

/** A 401 on any call means the session is gone: clearing "me" lets the route guards redirect. */
onUnauthorized((audience) => queryClient.setQueryData(audience === 'owner' ? ownerMeKey : meKey, null));

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/h5/login" element={<OwnerLoginPage />} />
            <Route path="/h5/invite/:token" element={<OwnerInvitePage />} />
            <Route path="/h5" element={<OwnerHomePage />} />
            <Route element={<RequireStaff />}>
              <Route index element={<Navigate to="/projects" replace />} />
              <Route path="/service-desk" element={<ComingSoonPage module="serviceDesk" />} />
              <Route path="/surveys" element={<ComingSoonPage module="surveys" />} />
              <Route path="/analytics" element={<ComingSoonPage module="analytics" />} />
              <Route path="/experience" element={<ComingSoonPage module="experience" />} />
              <Route path="/projects" element={<ProjectsPage />} />
              <Route path="/buildings" element={<BuildingsPage />} />
              <Route path="/persons" element={<PersonsPage />} />
              <Route path="/persons/:id" element={<PersonProfilePage />} />
              <Route path="/imports" element={<ImportPage />} />
              <Route path="/staff" element={<StaffPage />} />
              <Route path="/audit-logs" element={<AuditLogPage />} />
              <Route path="*" element={<Navigate to="/projects" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
