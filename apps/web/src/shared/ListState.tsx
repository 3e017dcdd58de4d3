import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ListStateProps = { isPending: boolean; error: Error | null; refetch: () => unknown; children: ReactNode };

/** First load shows a skeleton, a failed load an error with retry; otherwise the list itself. */
export function ListState({ isPending, error, refetch, children }: ListStateProps) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={error.message}
        action={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (isPending) {
    return (
      <div data-testid="list-loading">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  return <>{children}</>;
}
