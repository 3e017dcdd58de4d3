import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type LoadMoreFooterProps = {
  count: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** Cursor pagination cannot jump to page N, so lists end with "load more" and a running count. */
export function LoadMoreFooter({ count, hasNextPage, isFetchingNextPage, fetchNextPage }: LoadMoreFooterProps) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Space style={{ width: '100%', justifyContent: 'center', padding: '12px 0' }}>
      <Typography.Text type="secondary">{t('common.loaded', { count })}</Typography.Text>
      {hasNextPage ? (
        <Button data-testid="load-more" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">· {t('common.noMore')}</Typography.Text>
      )}
    </Space>
  );
}
