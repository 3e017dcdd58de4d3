import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

type ItemListProps<T> = {
  items: T[];
  rowKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  empty: ReactNode;
  bordered?: boolean;
  style?: CSSProperties;
  testId?: string;
};

/**
 * A plain divided list. antd 6.6 deprecates `List` in favour of the virtualised `Listy`, which
 * is more machinery than a dozen buildings or household members need.
 */
export function ItemList<T>({ items, rowKey, renderItem, empty, bordered = false, style, testId }: ItemListProps<T>) {
  const { token } = theme.useToken();
  const border = `1px solid ${token.colorBorderSecondary}`;
  if (items.length === 0) return <div style={{ padding: 16 }}>{empty}</div>;
  return (
    <div
      role="list"
      data-testid={testId}
      style={{ border: bordered ? border : undefined, borderRadius: bordered ? token.borderRadiusLG : undefined, ...style }}
    >
      {items.map((item, index) => (
        <div role="listitem" key={rowKey(item)} style={{ borderTop: index === 0 ? undefined : border }}>
          {renderItem(item)}
        </div>
      ))}
    </div>
  );
}
