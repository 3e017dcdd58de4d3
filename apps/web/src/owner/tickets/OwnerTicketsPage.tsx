import { ticketStatuses, ticketTypes } from '@manyi/core';
import { useNavigate } from 'react-router-dom';
import { useOwnerTickets } from '../../api/owner-tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { statusColours } from '../../pages/service-desk/ticket-colours';
import { formatDateTime } from '../../shared/time';
import { OwnerCard } from '../OwnerCard';
import { OwnerFrame } from '../OwnerFrame';
import { Icon } from '../icons';
import { useOwnerTexts } from '../texts';
import { Alert, Button, Empty, Flex, Skeleton, Tag, Text } from '../ui';
import { OwnerBackLink } from './OwnerBackLink';
import { OwnerGate } from './OwnerGate';

function TicketList() {
  const t = useOwnerTexts();
  const { label } = useVocabulary();
  const navigate = useNavigate();
  const list = useOwnerTickets();
  if (list.isPending) return <Skeleton rows={6} />;
  if (list.isError)
    return (
      <Alert
        type="error"
        title={t('owner.loadFailed')}
        description={list.error.message}
        action={<Button onClick={() => void list.refetch()}>{t('owner.retry')}</Button>}
      />
    );
  if (list.items.length === 0) {
    return (
      <OwnerCard>
        <Empty description={t('ownerTickets.empty')} />
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
                <Text type="secondary">{label(ticketTypes, ticket.type)}</Text>
              </Flex>
              <Text strong ellipsis style={{ fontSize: 16, display: 'block', marginTop: 6 }}>
                {ticket.title}
              </Text>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {ticket.number} · {formatDateTime(ticket.reportedAt)}
              </Text>
            </div>
            <Icon name="right" style={{ color: '#bfbfbf', flex: 'none' }} />
          </Flex>
        </OwnerCard>
      ))}
      {list.hasNextPage ? (
        <Button size="large" block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="load-more">
          {t('owner.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}

export function OwnerTicketsPage() {
  const t = useOwnerTexts();
  const navigate = useNavigate();
  return (
    <OwnerGate>
      {() => (
        <OwnerFrame title={t('owner.myTickets')}>
          <Flex vertical gap={12}>
            <Flex justify="space-between" align="center">
              <OwnerBackLink to="/h5" label={t('ownerTickets.home')} />
              <Button type="primary" icon={<Icon name="plus" />} size="large" onClick={() => void navigate('/h5/tickets/new')} data-testid="owner-ticket-new">
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
