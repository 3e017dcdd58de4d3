import { ticketStatuses, ticketTypes } from '@manyi/core';
import { useParams } from 'react-router-dom';
import { ownerAttachmentUrl, useOwnerTicket } from '../../api/owner-tickets';
import type { OwnerTicketDetail } from '../../api/ticket-types';
import { useSystemText } from '../../i18n/system-text';
import { useVocabulary } from '../../i18n/vocabulary';
import { statusColours } from '../../pages/service-desk/ticket-colours';
import { formatDateTime } from '../../shared/time';
import { OwnerCard } from '../OwnerCard';
import { OwnerFrame } from '../OwnerFrame';
import { useOwnerTexts } from '../texts';
import { Alert, Button, Flex, Paragraph, Rate, Skeleton, Tag, Text, Title } from '../ui';
import { OwnerBackLink } from './OwnerBackLink';
import { OwnerGate } from './OwnerGate';
import { OwnerRatingForm } from './OwnerRatingForm';

const ownerEventKinds = ['created', 'owner_update', 'attachment', 'merged_from', 'visit_attempt'] as const;
type OwnerEventKind = (typeof ownerEventKinds)[number];
const isOwnerEventKind = (kind: string): kind is OwnerEventKind => (ownerEventKinds as readonly string[]).includes(kind);

/** A plain vertical progress line: antd's Timeline is more than a phone needs. */
function Progress({ ticket }: { ticket: OwnerTicketDetail }) {
  const t = useOwnerTexts();
  const { label } = useVocabulary();
  const systemText = useSystemText();
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
            <Text strong={latest} style={{ fontSize: 15, display: 'block' }}>
              {title}
            </Text>
            {event.note ? <Text style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{systemText(event.note)}</Text> : null}
            <Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.at)}
              {event.actorName ? ` · ${systemText(event.actorName)}` : ''}
            </Text>
          </li>
        );
      })}
    </ol>
  );
}

function TicketView({ id }: { id: string }) {
  const t = useOwnerTexts();
  const { label, text } = useVocabulary();
  const detail = useOwnerTicket(id);
  if (detail.isPending) return <Skeleton rows={8} />;
  if (detail.isError)
    return (
      <Alert
        type="error"
        title={t('owner.loadFailed')}
        description={detail.error.message}
        action={<Button onClick={() => void detail.refetch()}>{t('owner.retry')}</Button>}
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
          <Text type="secondary">{label(ticketTypes, ticket.type)}</Text>
        </Flex>
        <Title level={4} style={{ margin: '8px 0 4px' }}>
          {ticket.title}
        </Title>
        <Text type="secondary" style={{ fontSize: 13 }}>
          {ticket.number} · {ticket.householdLabel ?? ''} {ticket.categoryName ? `· ${text(ticket.categoryName)}` : ''}
        </Text>
        <Paragraph style={{ margin: '12px 0 0', fontSize: 15, whiteSpace: 'pre-wrap' }}>{ticket.description}</Paragraph>
        {ticket.location ? <Text type="secondary">{ticket.location}</Text> : null}
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
            style={{ marginTop: 12 }}
            title={t('ownerTickets.onHold', { reason: ticket.holdReason, time: formatDateTime(ticket.holdUntil) })}
          />
        ) : null}
      </OwnerCard>
      {ticket.canConfirm ? <OwnerRatingForm ticketId={ticket.id} /> : null}
      {ticket.rating ? (
        <OwnerCard padding={16} data-testid="owner-rating">
          <Text strong>{t('ownerTickets.rating.yours')}</Text>
          <div>
            <Rate disabled value={ticket.rating.csat} data-testid="owner-rating-stars" data-csat={ticket.rating.csat} />
          </div>
          {ticket.rating.comment ? <Text>{ticket.rating.comment}</Text> : null}
          <Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDateTime(ticket.rating.at)}
          </Text>
        </OwnerCard>
      ) : null}
      <OwnerCard padding={16}>
        <Text strong block style={{ fontSize: 16, marginBottom: 12 }}>
          {t('ownerTickets.progress')}
        </Text>
        <Progress ticket={ticket} />
      </OwnerCard>
    </Flex>
  );
}

export function OwnerTicketPage() {
  const t = useOwnerTexts();
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
