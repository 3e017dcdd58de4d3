import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useOwnerNotices, useReadOwnerNotice, type OwnerNotice } from '../api/owner-notices';
import { formatDateTime } from '../shared/time';
import { OwnerCard } from './OwnerCard';
import { Icon } from './icons';
import { useOwnerTexts } from './texts';
import { Button, Dot, Flex, Paragraph, Tag, Text } from './ui';

const kindColours: Record<OwnerNotice['kind'], string> = {
  emergency: '#f5222d',
  planned: '#fa8c16',
  works: '#fa8c16',
  fee: '#1677ff',
  seasonal: '#52c41a',
  general: '#1677ff',
};

function NoticeCard({ notice, open, onToggle }: { notice: OwnerNotice; open: boolean; onToggle: () => void }) {
  const t = useOwnerTexts();
  const unread = notice.readAt === null;
  return (
    <OwnerCard padding={16} data-testid="owner-notice" data-read={!unread}>
      <div
        role="button"
        tabIndex={0}
        aria-expanded={open}
        onClick={onToggle}
        onKeyDown={(event) => (event.key === 'Enter' ? onToggle() : undefined)}
        style={{ cursor: 'pointer', minHeight: 44 }}
        data-testid="owner-notice-open"
      >
        <Flex align="center" gap={8}>
          <Dot show={unread}>
            <Icon name="bell" size={22} style={{ color: kindColours[notice.kind] }} />
          </Dot>
          <Text strong style={{ fontSize: 16, flex: 1, minWidth: 0 }} ellipsis={!open}>
            {notice.title}
          </Text>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`ownerNotices.kind.${notice.kind}`)}</Tag>
          {notice.ended ? <Tag style={{ marginInlineEnd: 0 }}>{t('ownerNotices.ended')}</Tag> : null}
        </Flex>
        <Text type="secondary" block style={{ fontSize: 13, marginTop: 4 }}>
          {formatDateTime(notice.startsAt ?? notice.deliveredAt)}
          {notice.endsAt ? ` ~ ${formatDateTime(notice.endsAt)}` : ''}
        </Text>
      </div>
      {open ? (
        <Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, margin: '12px 0 0' }} data-testid="owner-notice-text">
          {notice.noticeText}
        </Paragraph>
      ) : null}
    </OwnerCard>
  );
}

/**
 * Notices for the owner's homes (incidents' and the notices centre's, one list); opening one sends the read receipt
 * the project counts. On the home page `limit` shows the first few with a link to the whole list (/h5/notices).
 */
export function OwnerNotices({ limit }: { limit?: number }) {
  const t = useOwnerTexts();
  const navigate = useNavigate();
  const notices = useOwnerNotices();
  const markRead = useReadOwnerNotice();
  const [openId, setOpenId] = useState<string | null>(null);
  // Unread first, newest first within each (the server sends newest first; the sort is stable).
  const all = [...(notices.data?.items ?? [])].sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null));
  const items = limit === undefined ? all : all.slice(0, limit);
  if (items.length === 0) return null;

  const toggle = (notice: OwnerNotice) => {
    const opening = openId !== notice.id;
    setOpenId(opening ? notice.id : null);
    if (opening && notice.readAt === null) markRead.mutate(notice.id);
  };

  return (
    <Flex vertical gap={8} data-testid="owner-notices">
      <Text strong style={{ fontSize: 16 }}>
        {t('ownerNotices.title')}
        {notices.data?.unread ? (
          <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="owner-notices-unread">
            {t('ownerNotices.unread', { count: notices.data.unread })}
          </Tag>
        ) : null}
      </Text>
      {items.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} open={openId === notice.id} onToggle={() => toggle(notice)} />
      ))}
      {limit !== undefined && all.length > limit ? (
        <Button type="link" onClick={() => void navigate('/h5/notices')} style={{ alignSelf: 'flex-end', height: 44 }} data-testid="owner-notices-all">
          {t('ownerNotices.all', { count: all.length })} <Icon name="right" />
        </Button>
      ) : null}
    </Flex>
  );
}
