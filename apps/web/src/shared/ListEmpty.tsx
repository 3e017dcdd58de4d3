import { Empty } from 'antd';

/** The empty state of every list: says what to do next rather than just "no data". */
export function ListEmpty({ description }: { description: string }) {
  return (
    <div data-testid="list-empty">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />
    </div>
  );
}
