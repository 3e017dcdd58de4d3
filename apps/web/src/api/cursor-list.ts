import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type QueryParams } from './client';
import type { Page } from './types';

/**
 * A cursor-paginated list as one flat array plus "load more": the server pages by opaque
 * cursor, so the only way forward is the `nextCursor` of the last page fetched.
 */
export function useCursorList<T>(resource: string, params: QueryParams, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: [resource, 'list', params],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(`/${resource}`, { ...params, cursor: pageParam, limit: 20 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
