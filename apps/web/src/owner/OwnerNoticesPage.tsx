import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOwnerNotices } from '../api/owner-notices';
import { ListEmpty } from '../shared/ListEmpty';
import { OwnerCard } from './OwnerCard';
import { OwnerFrame } from './OwnerFrame';
import { OwnerNotices } from './OwnerNotices';
import { OwnerBackLink } from './tickets/OwnerBackLink';
import { OwnerGate } from './tickets/OwnerGate';

function NoticeList() {
  const { t } = useTranslation();
  const notices = useOwnerNotices();
  if (notices.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (notices.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={notices.error.message}
        action={<Button onClick={() => void notices.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (notices.data.items.length === 0)
    return (
      <OwnerCard>
        <ListEmpty description={t('ownerNotices.empty')} />
      </OwnerCard>
    );
  return <OwnerNotices />;
}

/** 通知公告 on the phone (issue 19 §4): every notice sent to the owner's homes, unread first; opening one is the read receipt. */
export function OwnerNoticesPage() {
  const { t } = useTranslation();
  return (
    <OwnerGate>
      {(owner) => (
        <OwnerFrame title={owner.tenant.name}>
          <OwnerBackLink to="/h5" label={t('ownerTickets.home')} />
          <NoticeList />
        </OwnerFrame>
      )}
    </OwnerGate>
  );
}
