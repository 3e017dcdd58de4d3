import { useOwnerNotices } from '../api/owner-notices';
import { OwnerCard } from './OwnerCard';
import { OwnerFrame } from './OwnerFrame';
import { OwnerNotices } from './OwnerNotices';
import { OwnerBackLink } from './tickets/OwnerBackLink';
import { OwnerGate } from './tickets/OwnerGate';
import { useOwnerTexts } from './texts';
import { Alert, Button, Empty, Skeleton } from './ui';

function NoticeList() {
  const t = useOwnerTexts();
  const notices = useOwnerNotices();
  if (notices.isPending) return <Skeleton rows={6} />;
  if (notices.isError)
    return (
      <Alert
        type="error"
        title={t('owner.loadFailed')}
        description={notices.error.message}
        action={<Button onClick={() => void notices.refetch()}>{t('owner.retry')}</Button>}
      />
    );
  if (notices.data.items.length === 0)
    return (
      <OwnerCard>
        <Empty description={t('ownerNotices.empty')} />
      </OwnerCard>
    );
  return <OwnerNotices />;
}

/** 通知公告 on the phone (issue 19 §4): every notice sent to the owner's homes, unread first; opening one is the read receipt. */
export function OwnerNoticesPage() {
  const t = useOwnerTexts();
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
