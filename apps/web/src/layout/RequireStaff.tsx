import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/auth';
import { ConsoleLayout } from './ConsoleLayout';
import { PageSpin } from '../shared/PageSpin';
import { ProjectScopeProvider } from './ProjectScope';

/** Gate for the console: without a staff session the sign-in page takes over and remembers where we were. */
export function RequireStaff() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return <PageSpin />;
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return (
    <ProjectScopeProvider me={me.data}>
      <ConsoleLayout me={me.data} />
    </ProjectScopeProvider>
  );
}
