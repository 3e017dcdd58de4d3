import { ArrowLeftOutlined, RedoOutlined } from '@ant-design/icons';
import { complaintScopes, ticketChannels, ticketPriorities, ticketStatuses, ticketTypes } from '@manyi/core';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePerson } from '../../api/persons';
import { ApiError } from '../../api/problem';
import type { TicketDetail } from '../../api/ticket-types';
import { useTicket } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { formatDateTime } from '../../shared/time';
import { useNow } from '../../shared/useNow';
import { TicketIncidentLink } from './ActiveIncidents';
import { AttachmentsPanel } from './AttachmentsPanel';
import { ClearPanel } from './ClearPanel';
import { NotesPanel } from './NotesPanel';
import { RecoveryForm } from './RecoveryForm';
import { ReporterCard } from './ReporterCard';
import { SlaBadges } from './SlaCountdown';
import { statusColours, typeColours } from './ticket-colours';
import { TicketActions } from './TicketActions';
import { TicketTimeline } from './TicketTimeline';
import { VisitForm, VisitHistory, visitPanelId } from './VisitPanel';

function TicketHeader({ ticket, now }: { ticket: TicketDetail; now: number }) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const navigate = useNavigate();
  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Space size={8} wrap>
              <Typography.Text type="secondary" copyable data-testid="detail-number">
                {ticket.number}
              </Typography.Text>
              <Tag color={typeColours[ticket.type]}>{label(ticketTypes, ticket.type)}</Tag>
              <Tag color={statusColours[ticket.status]} data-testid="detail-status" data-status={ticket.status}>
                {label(ticketStatuses, ticket.status)}
              </Tag>
              {ticket.priority !== 'normal' ? (
                <Tag color={ticket.priority === 'urgent' ? 'red' : ticket.priority === 'high' ? 'orange' : 'default'}>
                  {label(ticketPriorities, ticket.priority)}
                </Tag>
              ) : null}
              {ticket.isRepeat ? (
                <Tag color="volcano" icon={<RedoOutlined />}>
                  {t('serviceDesk.repeat')}
                  {ticket.reopenCount > 0 ? ` ×${ticket.reopenCount}` : ''}
                </Tag>
              ) : null}
              {ticket.escalationLevel > 0 ? <Tag color="red">{t('serviceDesk.escalated', { level: ticket.escalationLevel })}</Tag> : null}
            </Space>
            <Typography.Title level={3} style={{ margin: '8px 0 0' }} data-testid="detail-title">
              {ticket.title}
            </Typography.Title>
          </div>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/service-desk')}>
            {t('common.back')}
          </Button>
        </Flex>
        {ticket.sla.length > 0 ? (
          <Space size={[4, 4]} wrap data-testid="detail-sla">
            {ticket.status === 'on_hold' ? <Tag>{t('serviceDesk.sla.paused')}</Tag> : null}
            <SlaBadges sla={ticket.sla} now={now} />
          </Space>
        ) : null}
        {ticket.status === 'on_hold' && ticket.holdReason ? (
          <Alert type="warning" showIcon title={t('serviceDesk.holdInfo', { reason: ticket.holdReason, time: formatDateTime(ticket.holdUntil) })} />
        ) : null}
        <TicketIncidentLink ticketId={ticket.id} />
        {ticket.cancelReason ? <Alert type="info" showIcon title={t('serviceDesk.cancelInfo', { reason: ticket.cancelReason })} /> : null}
        {ticket.handoverTo ? <Alert type="info" showIcon title={t('serviceDesk.handoverPending', { name: ticket.handoverTo.name })} /> : null}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'category', label: t('serviceDesk.category'), children: ticket.categoryName ? text(ticket.categoryName) : '—' },
            { key: 'channel', label: t('serviceDesk.channel'), children: label(ticketChannels, ticket.channel) },
            { key: 'reportedAt', label: t('serviceDesk.reportedAt'), children: formatDateTime(ticket.reportedAt) },
            { key: 'project', label: t('persons.project'), children: ticket.projectName },
            { key: 'firstReceiver', label: t('serviceDesk.firstReceiver'), children: ticket.firstReceiver?.name ?? '—' },
            { key: 'accountable', label: t('serviceDesk.accountable'), children: ticket.accountable?.name ?? '—' },
            { key: 'assignee', label: t('serviceDesk.assignee'), children: ticket.assignee?.name ?? t('serviceDesk.unassigned') },
            ...(ticket.complaintScope
              ? [{ key: 'scope', label: t('serviceDesk.complaintScope'), children: label(complaintScopes, ticket.complaintScope) }]
              : []),
            ...(ticket.location ? [{ key: 'location', label: t('serviceDesk.location'), children: ticket.location }] : []),
            ...(ticket.mergedFrom.length > 0
              ? [
                  {
                    key: 'mergedFrom',
                    label: t('serviceDesk.mergedFrom'),
                    children: ticket.mergedFrom.map((item) => (
                      <Link key={item.id} to={`/service-desk/${item.id}`} style={{ marginInlineEnd: 8 }}>
                        {item.number}
                      </Link>
                    )),
                  },
                ]
              : []),
            ...(ticket.mergedIntoId
              ? [
                  {
                    key: 'mergedInto',
                    label: t('serviceDesk.mergedInto'),
                    children: <Link to={`/service-desk/${ticket.mergedIntoId}`}>{t('serviceDesk.open')}</Link>,
                  },
                ]
              : []),
          ]}
        />
        <TicketActions ticket={ticket} />
      </Flex>
    </Card>
  );
}

/** One ticket on one screen: who called, how to talk to them, what to do next, and everything that happened. */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const detail = useTicket(id);
  const reporter = usePerson(detail.data?.reporterPersonId);
  const now = useNow(30_000);

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('serviceDesk.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : detail.error.message}
        extra={<Button onClick={() => void navigate('/service-desk')}>{t('common.back')}</Button>}
      />
    );
  }
  const ticket = detail.data;
  const finished = ['closed', 'cancelled', 'merged'].includes(ticket.status);
  const isComplaint = ticket.type === 'complaint';

  return (
    <Flex vertical gap={16} data-testid="ticket-detail">
      <TicketHeader ticket={ticket} now={now} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('serviceDesk.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="detail-description">
                {ticket.description || '—'}
              </Typography.Paragraph>
            </Card>
            {isComplaint ? (
              <Card size="small" title={t('serviceDesk.clear.title')}>
                <ClearPanel key={ticket.id} ticketId={ticket.id} clear={ticket.clear} readOnly={finished} />
              </Card>
            ) : null}
            {isComplaint ? (
              <Card size="small" title={t('serviceDesk.recovery.title')}>
                <RecoveryForm ticketId={ticket.id} recovery={ticket.recovery} readOnly={finished} />
              </Card>
            ) : null}
            {ticket.availableActions.includes('visit') ? (
              <Card size="small" title={t('serviceDesk.visit.title')} id={visitPanelId} style={{ scrollMarginTop: 72 }}>
                <VisitForm ticketId={ticket.id} />
              </Card>
            ) : null}
            <Card size="small" title={t('serviceDesk.timeline.title')}>
              {finished ? null : <NotesPanel ticketId={ticket.id} ticketType={ticket.type} reporterPersonId={ticket.reporterPersonId} />}
              <div style={{ marginTop: finished ? 0 : 16 }}>
                <TicketTimeline events={ticket.events} />
              </div>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('serviceDesk.reporter')}>
              <ReporterCard
                person={reporter.data ?? null}
                fallback={{ name: ticket.reporterName, phone: ticket.reporterPhone, householdLabel: ticket.householdLabel }}
              />
            </Card>
            <Card size="small" title={t('serviceDesk.visit.history')}>
              <VisitHistory visits={ticket.visits} />
            </Card>
            <Card size="small" title={t('serviceDesk.attachments.title')}>
              <AttachmentsPanel ticketId={ticket.id} attachments={ticket.attachments} readOnly={finished} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
