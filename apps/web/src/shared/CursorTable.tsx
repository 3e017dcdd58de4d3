import { Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ListEmpty } from './ListEmpty';
import { ListState } from './ListState';
import { LoadMoreFooter } from './LoadMoreFooter';

/** What the table needs of a `useCursorList` result. */
type CursorListState<T> = {
  items: T[];
  isPending: boolean;
  error: Error | null;
  refetch: () => unknown;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
};

type CursorTableProps<T> = Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading' | 'pagination' | 'locale' | 'rowKey' | 'size' | 'scroll'> & {
  list: CursorListState<T>;
  columns: ColumnsType<T>;
  /** What to do next when there are no rows, e.g. "no households yet: add one or import". */
  empty: string;
  /** Width below which the table scrolls sideways instead of squeezing its columns. */
  scrollX: number;
  testId: string;
};

/**
 * A cursor-paginated list as a table: skeleton on first load, error with retry, an empty state
 * that says what to do, and "load more" at the bottom. Refetches dim the rows; "load more" does not.
 */
export function CursorTable<T extends { id: string }>({ list, columns, empty, scrollX, testId, ...tableProps }: CursorTableProps<T>) {
  return (
    <ListState isPending={list.isPending} error={list.error} refetch={list.refetch}>
      <Table<T>
        {...tableProps}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        pagination={false}
        loading={list.isFetching && !list.isFetchingNextPage}
        scroll={{ x: scrollX }}
        locale={{ emptyText: <ListEmpty description={empty} /> }}
        data-testid={testId}
      />
      <LoadMoreFooter
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
    </ListState>
  );
}
