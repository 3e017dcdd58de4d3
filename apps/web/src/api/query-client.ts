import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { onUnauthorized, type UnauthorizedAudience } from './client';
import { ApiError } from './problem';

/**
 * The query client of one entry (the console, the owner pages): fresh for 30 s, no refetch on focus, and no retry of
 * a client error (403, 404, 422 will not get better by asking again). A 401 for the entry's audience clears its
 * "me" query, so the route guards send the person to sign-in.
 */
export function entryQueryClient(audience: UnauthorizedAudience, meKey: QueryKey): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  onUnauthorized((who) => {
    if (who === audience) client.setQueryData(meKey, null);
  });
  return client;
}
