import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { ticketStatuses, ticketTypes } from '@manyi/core';
import { Alert, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useOwnerTickets } from '../../api/owner-tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { statusColours } from '../../pages/service-desk/ticket-colours';
import { ListEmpty } from '../../shared/ListEmpty';
import { formatDateTime } from '../../shared/time';
import { OwnerCard } from '../OwnerCard';
import { OwnerFrame } from '../OwnerFrame';
import { OwnerBackLink } from './OwnerBackLink';
import { OwnerGate } from './OwnerGate';

function TicketList() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const navigate = useNavigate();
  const list = useOwnerTickets();
  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={list.error.message}
        action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (list.items.length === 0) {
    return (
      <OwnerCard>
        <ListEmpty description={t('ownerTickets.empty')} />
      </OwnerCard>
    );
  }
  return (
    <Flex vertical gap={12} data-testid="owner-ticket-list">
      {list.items.map((ticket) => (
        <OwnerCard
          key={ticket.id}
          padding={16}
          role="button"
          tabIndex={0}
          onClick={() => void navigate(`/h5/tickets/${ticket.id}`)}
          onKeyDown={(event) => (event.key === 'Enter' ? void navigate(`/h5/tickets/${ticket.id}`) : undefined)}
          style={{ cursor: 'pointer' }}
          data-testid="owner-ticket-item"
        >
          <Flex justify="space-between" align="center" gap={8}>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Flex align="center" gap={6} wrap>
                <Tag color={statusColours[ticket.status]} style={{ marginInlineEnd: 0 }} data-testid="owner-ticket-status">
                  {label(ticketStatuses, ticket.status)}
                </Tag>
                <Typography.Text type="secondary">{label(ticketTypes, ticket.type)}</Typography.Text>
              </Flex>
              <Typography.Text strong ellipsis style={{ fontSize: 16, display: 'block', marginTop: 6 }}>
                {ticket.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {ticket.number} · {formatDateTime(ticket.reportedAt)}
              </Typography.Text>
            </div>
            <RightOutlined style={{ color: '#bfbfbf' }} />
          </Flex>
        </OwnerCard>
      ))}
      {list.hasNextPage ? (
        <Button size="large" block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}

export function OwnerTicketsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <OwnerGate>
      {() => (
        <OwnerFrame title={t('owner.myTickets')}>
          <Flex vertical gap={12}>
            <Flex justify="space-between" align="center">
              <OwnerBackLink to="/h5" label={t('ownerTickets.home')} />
              <Button type="primary" icon={<PlusOutlined />} size="large" onClick={() => void navigate('/h5/tickets/new')} data-testid="owner-ticket-new">
                {t('owner.repair')}
              </Button>
            </Flex>
            <TicketList />
          </Flex>
        </OwnerFrame>
      )}
    </OwnerGate>
  );
}
