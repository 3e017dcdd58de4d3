import { Button, Flex, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../../api/auth';
import { PageSpin } from '../../shared/PageSpin';

/**
 * The technician's phone frame: no console menu, a header and a bar of actions at the bottom where a
 * thumb reaches (issue 15 §4). Staff sign in on the console's page and come back here.
 */
export function FieldFrame({ title, back, children, actions }: { title: string; back?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageSpin />;
  if (me.isError) {
    return <Result status="error" title={t('common.loadFailed')} extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>} />;
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', minHeight: '100vh', background: '#f5f6f8', paddingBottom: actions ? 88 : 16 }}>
      <Flex
        align="center"
        gap={8}
        style={{ position: 'sticky', top: 0, zIndex: 10, background: '#fff', padding: '12px 16px', borderBottom: '1px solid #eee', minHeight: 52 }}
      >
        {back}
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }} ellipsis>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{me.data.name}</Typography.Text>
      </Flex>
      <div style={{ padding: 12 }}>{children}</div>
      {actions ? (
        <Flex
          gap={8}
          style={{
            position: 'fixed',
            left: 0,
            right: 0,
            bottom: 0,
            zIndex: 10,
            background: '#fff',
            padding: '12px 16px calc(12px + env(safe-area-inset-bottom))',
            boxShadow: '0 -2px 8px rgba(0,0,0,0.06)',
            maxWidth: 520,
            margin: '0 auto',
          }}
          data-testid="field-actions"
        >
          {actions}
        </Flex>
      ) : null}
    </div>
  );
}
