import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';

/** A query's loading, error and empty states around what it shows. */
export function Loaded<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <ListState isPending={query.isPending} error={query.error} refetch={query.refetch}>
      {query.data === undefined ? null : isEmpty(query.data) ? <ListEmpty description={empty} /> : children(query.data)}
    </ListState>
  );
}
