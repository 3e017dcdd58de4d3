import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ownerMeKey } from '../api/owner';
import { entryQueryClient } from '../api/query-client';
import { LocaleState } from '../i18n/locale-context';
import { lazyNamed } from '../shared/lazy-named';
import { ownerI18n } from './texts';
import { PageSpin, ToastProvider } from './ui';
import './owner.css';

/**
 * The owner's phone pages (/h5/…) are their own entry, owner.html, as the answering page is: no antd and
 * none of the console's texts, and one chunk per page, so that each page stays under 150 KB of gzipped
 * JavaScript (issue 15 §5; scripts/owner-bundle-size.mjs measures every page of this entry after each
 * build). A new owner page is one more lazy route here, built from ./ui and ./texts.
 */
const OwnerLoginPage = lazyNamed(() => import('./OwnerLoginPage'), 'OwnerLoginPage');
const OwnerInvitePage = lazyNamed(() => import('./OwnerInvitePage'), 'OwnerInvitePage');
const OwnerHomePage = lazyNamed(() => import('./OwnerHomePage'), 'OwnerHomePage');
const OwnerNoticesPage = lazyNamed(() => import('./OwnerNoticesPage'), 'OwnerNoticesPage');
const OwnerTicketsPage = lazyNamed(() => import('./tickets/OwnerTicketsPage'), 'OwnerTicketsPage');
const OwnerTicketNewPage = lazyNamed(() => import('./tickets/OwnerTicketNewPage'), 'OwnerTicketNewPage');
const OwnerTicketPage = lazyNamed(() => import('./tickets/OwnerTicketPage'), 'OwnerTicketPage');

const queryClient = entryQueryClient('owner', ownerMeKey);

function OwnerApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleState i18n={ownerI18n}>
        <ToastProvider>
          <BrowserRouter>
            <Suspense fallback={<PageSpin />}>
              <Routes>
                <Route path="/h5/login" element={<OwnerLoginPage />} />
                <Route path="/h5/invite/:token" element={<OwnerInvitePage />} />
                <Route path="/h5/notices" element={<OwnerNoticesPage />} />
                <Route path="/h5/tickets" element={<OwnerTicketsPage />} />
                <Route path="/h5/tickets/new" element={<OwnerTicketNewPage />} />
                <Route path="/h5/tickets/:id" element={<OwnerTicketPage />} />
                <Route path="*" element={<OwnerHomePage />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </ToastProvider>
      </LocaleState>
    </QueryClientProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('owner.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <OwnerApp />
  </StrictMode>,
);
