import { ticketStatuses, ticketTypes } from '@manyi/core';
import { Alert, Button, Flex, Rate, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ownerAttachmentUrl, useOwnerTicket } from '../../api/owner-tickets';
import type { OwnerTicketDetail } from '../../api/ticket-types';
import { useVocabulary } from '../../i18n/vocabulary';
import { statusColours } from '../../pages/service-desk/ticket-colours';
import { formatDateTime } from '../../shared/time';
import { OwnerCard } from '../OwnerCard';
import { OwnerFrame } from '../OwnerFrame';
import { OwnerBackLink } from './OwnerBackLink';
import { OwnerGate } from './OwnerGate';
import { OwnerRatingForm } from './OwnerRatingForm';

const ownerEventKinds = ['created', 'owner_update', 'attachment', 'merged_from', 'visit_attempt'] as const;
type OwnerEventKind = (typeof ownerEventKinds)[number];
const isOwnerEventKind = (kind: string): kind is OwnerEventKind => (ownerEventKinds as readonly string[]).includes(kind);

/** A plain vertical progress line: antd's Timeline is more than a phone needs. */
function Progress({ ticket }: { ticket: OwnerTicketDetail }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const events = [...ticket.events].reverse();
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="owner-progress">
      {events.map((event, index) => {
        const title = event.toStatus
          ? label(ticketStatuses, event.toStatus)
          : isOwnerEventKind(event.kind)
            ? t(`ownerTickets.events.${event.kind}`)
            : t('ownerTickets.events.other');
        const latest = index === 0;
        return (
          <li
            key={event.id}
            style={{ position: 'relative', paddingLeft: 24, paddingBottom: index === events.length - 1 ? 0 : 16 }}
            data-testid="owner-progress-item"
          >
            <span style={{ position: 'absolute', left: 4, top: 6, width: 10, height: 10, borderRadius: 5, background: latest ? '#1677ff' : '#d9d9d9' }} />
            {index === events.length - 1 ? null : <span style={{ position: 'absolute', left: 8, top: 18, bottom: 0, width: 2, background: '#f0f0f0' }} />}
            <Typography.Text strong={latest} style={{ fontSize: 15, display: 'block' }}>
              {title}
            </Typography.Text>
            {event.note ? <Typography.Text style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.at)}
              {event.actorName ? ` · ${event.actorName}` : ''}
            </Typography.Text>
          </li>
        );
      })}
    </ol>
  );
}

function TicketView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const detail = useOwnerTicket(id);
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={detail.error.message}
        action={<Button onClick={() => void detail.refetch()}>{t('common.retry')}</Button>}
      />
    );
  const ticket = detail.data;
  const photos = ticket.attachments.filter((attachment) => attachment.contentType.startsWith('image/'));
  return (
    <Flex vertical gap={12} data-testid="owner-ticket">
      <OwnerCard padding={16}>
        <Flex align="center" gap={8} wrap>
          <Tag color={statusColours[ticket.status]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="owner-ticket-status" data-status={ticket.status}>
            {label(ticketStatuses, ticket.status)}
          </Tag>
          <Typography.Text type="secondary">{label(ticketTypes, ticket.type)}</Typography.Text>
        </Flex>
        <Typography.Title level={4} style={{ margin: '8px 0 4px' }}>
          {ticket.title}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {ticket.number} · {ticket.householdLabel ?? ''} {ticket.categoryName ? `· ${text(ticket.categoryName)}` : ''}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: '12px 0 0', fontSize: 15, whiteSpace: 'pre-wrap' }}>{ticket.description}</Typography.Paragraph>
        {ticket.location ? <Typography.Text type="secondary">{ticket.location}</Typography.Text> : null}
        {photos.length > 0 ? (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8, marginTop: 12 }}>
            {photos.map((photo) => (
              <a key={photo.id} href={ownerAttachmentUrl(ticket.id, photo.id)} target="_blank" rel="noreferrer">
                <img
                  src={ownerAttachmentUrl(ticket.id, photo.id)}
                  alt={photo.fileName}
                  style={{ width: '100%', aspectRatio: '1', objectFit: 'cover', borderRadius: 8 }}
                  data-testid="owner-ticket-photo"
                />
              </a>
            ))}
          </div>
        ) : null}
        {ticket.status === 'on_hold' && ticket.holdReason ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('ownerTickets.onHold', { reason: ticket.holdReason, time: formatDateTime(ticket.holdUntil) })}
          />
        ) : null}
      </OwnerCard>
      {ticket.canConfirm ? <OwnerRatingForm ticketId={ticket.id} /> : null}
      {ticket.rating ? (
        <OwnerCard padding={16} data-testid="owner-rating">
          <Typography.Text strong>{t('ownerTickets.rating.yours')}</Typography.Text>
          <div>
            <Rate disabled value={ticket.rating.csat} data-testid="owner-rating-stars" data-csat={ticket.rating.csat} />
          </div>
          {ticket.rating.comment ? <Typography.Text>{ticket.rating.comment}</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDateTime(ticket.rating.at)}
          </Typography.Text>
        </OwnerCard>
      ) : null}
      <OwnerCard padding={16}>
        <Typography.Text strong style={{ fontSize: 16, display: 'block', marginBottom: 12 }}>
          {t('ownerTickets.progress')}
        </Typography.Text>
        <Progress ticket={ticket} />
      </OwnerCard>
    </Flex>
  );
}

export function OwnerTicketPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <OwnerGate>
      {() => (
        <OwnerFrame title={t('ownerTickets.detailTitle')}>
          <Flex vertical gap={8}>
            <OwnerBackLink to="/h5/tickets" label={t('owner.myTickets')} />
            <TicketView id={id} />
          </Flex>
        </OwnerFrame>
      )}
    </OwnerGate>
  );
}
