import { incidentKinds, incidentStatuses, ticketStatuses, type IncidentStatus } from '@manyi/core';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Input, Popconfirm, Progress, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIncident, useIncidentCommand, type IncidentCommand, type IncidentDetail } from '../../api/incidents';
import { useSystemText } from '../../i18n/system-text';
import { useVocabulary } from '../../i18n/vocabulary';
import { ItemList } from '../../shared/ItemList';
import { ListEmpty } from '../../shared/ListEmpty';
import { formatDateTime } from '../../shared/time';
import { useNotifiedAction } from '../../shared/useNotifiedAction';
import { statusColours } from '../service-desk/ticket-colours';
import { IncidentEditDrawer } from './IncidentEditDrawer';
import { incidentKindColours, incidentStatusColours } from './incident-labels';
import { textLimits } from '@manyi/contracts/limits';
import { reasonBody } from '@manyi/contracts/incidents';

const incidentEventKinds = ['created', 'edited', 'published', 'notice_published', 'proposed', 'confirmed', 'dismissed', 'closed', 'ticket_linked'] as const;
type IncidentEventKind = (typeof incidentEventKinds)[number];

/** Closed and dismissed incidents are history; the server refuses edits to them (incident_finished). */
const finishedStatuses: readonly IncidentStatus[] = ['closed', 'dismissed'];

/** The commands the incident's status allows; the server checks the role again. */
function commandsFor(incident: IncidentDetail): IncidentCommand[] {
  if (incident.status === 'proposed') return ['confirm', 'dismiss'];
  if (incident.status === 'draft') return ['publish', 'close'];
  if (incident.status === 'confirmed' || incident.status === 'published') return ['close'];
  return [];
}

function IncidentActions({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const run = useNotifiedAction();
  const command = useIncidentCommand(incident.id);
  const [note, setNote] = useState('');
  const commands = canManage ? commandsFor(incident) : [];
  if (commands.length === 0) return null;
  return (
    <Flex vertical gap={8}>
      {commands.some((name) => name !== 'publish') ? (
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={textLimits(reasonBody, 'note').max}
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder={t('incidents.notePlaceholder')}
          data-testid="incident-note"
        />
      ) : null}
      <Space wrap>
        {commands.map((name) => (
          <Popconfirm
            key={name}
            title={t(`incidents.confirmCommand.${name}`)}
            onConfirm={() => run(() => command.mutateAsync({ command: name, note: note.trim() }), 'saved')}
          >
            <Button
              type={name === 'dismiss' || name === 'close' ? 'default' : 'primary'}
              danger={name === 'dismiss'}
              loading={command.isPending && command.variables?.command === name}
              data-testid={`incident-${name}`}
            >
              {t(`incidents.commands.${name}`)}
            </Button>
          </Popconfirm>
        ))}
      </Space>
    </Flex>
  );
}

function IncidentBody({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const systemText = useSystemText();
  const { notified, read, readRate } = incident.notice;
  const [editing, setEditing] = useState(false);
  const editable = canManage && !finishedStatuses.includes(incident.status);
  return (
    <Flex vertical gap={16} data-testid="incident-detail">
      <Space wrap>
        <Tag color={incidentKindColours[incident.kind]}>{label(incidentKinds, incident.kind)}</Tag>
        <Tag color={incidentStatusColours[incident.status]} data-testid="incident-status" data-status={incident.status}>
          {label(incidentStatuses, incident.status)}
        </Tag>
        {incident.active ? <Tag color="red">{t('incidents.activeNow')}</Tag> : null}
      </Space>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {systemText(incident.title)}
        </Typography.Title>
        {editable ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="incident-edit">
            {t('common.edit')}
          </Button>
        ) : null}
      </Flex>
      <IncidentActions incident={incident} canManage={canManage} />
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'project', label: t('persons.project'), children: incident.projectName },
          { key: 'category', label: t('serviceDesk.category'), children: incident.categoryName ? text(incident.categoryName) : '—' },
          {
            key: 'buildings',
            label: t('incidents.buildings'),
            span: 2,
            children:
              incident.buildings.length > 0
                ? incident.buildings.map((building) => t('incidents.buildingName', { name: building.name })).join('、')
                : t('incidents.wholeProject'),
          },
          { key: 'startsAt', label: t('incidents.startsAt'), children: formatDateTime(incident.startsAt) },
          { key: 'endsAt', label: t('incidents.endsAt'), children: formatDateTime(incident.endsAt) },
          { key: 'tickets', label: t('incidents.tickets'), children: incident.ticketCount },
          { key: 'households', label: t('incidents.households'), children: incident.householdCount },
        ]}
      />
      {incident.kind === 'group' ? null : (
        <div data-testid="incident-read-rate" data-notified={notified} data-read={read}>
          <Typography.Text strong>{t('incidents.readRate')}</Typography.Text>
          <Progress percent={readRate === null ? 0 : Math.round(readRate * 100)} format={() => t('incidents.readCount', { read, notified })} />
        </div>
      )}
      {incident.callScript ? (
        <div>
          <Typography.Text strong>{t('incidents.callScript')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{incident.callScript}</Typography.Paragraph>
        </div>
      ) : null}
      {incident.noticeText ? (
        <div>
          <Typography.Text strong>{t('incidents.noticeText')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{incident.noticeText}</Typography.Paragraph>
        </div>
      ) : null}
      <div>
        <Typography.Text strong>{t('incidents.linkedTickets')}</Typography.Text>
        <ItemList
          items={incident.tickets}
          rowKey={(ticket) => ticket.id}
          bordered
          style={{ marginTop: 8 }}
          empty={<ListEmpty description={t('incidents.noTickets')} />}
          renderItem={(ticket) => (
            <Flex justify="space-between" gap={8} style={{ padding: '8px 12px' }}>
              <span style={{ minWidth: 0 }}>
                <Link to={`/service-desk/${ticket.id}`}>{ticket.number}</Link> <Typography.Text>{ticket.title}</Typography.Text>
                <Typography.Text type="secondary"> · {ticket.householdLabel ?? '—'}</Typography.Text>
              </span>
              <Tag color={statusColours[ticket.status]}>{label(ticketStatuses, ticket.status)}</Tag>
            </Flex>
          )}
          testId="incident-tickets"
        />
      </div>
      <div>
        <Typography.Text strong>{t('incidents.history')}</Typography.Text>
        <Timeline
          style={{ marginTop: 12 }}
          items={incident.events.map((event) => ({
            key: event.id,
            content: (
              <>
                <Typography.Text>
                  {incidentEventKinds.includes(event.kind as IncidentEventKind) ? t(`incidents.events.${event.kind as IncidentEventKind}`) : event.kind}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {systemText(event.actorName)} · {formatDateTime(event.at)}
                </Typography.Text>
                {event.note ? <div>{systemText(event.note)}</div> : null}
              </>
            ),
          }))}
        />
      </div>
      {editable ? <IncidentEditDrawer incident={incident} open={editing} onClose={() => setEditing(false)} /> : null}
    </Flex>
  );
}

type IncidentDetailDrawerProps = { id: string | undefined; canManage: boolean; onClose: () => void };

export function IncidentDetailDrawer({ id, canManage, onClose }: IncidentDetailDrawerProps) {
  const { t } = useTranslation();
  const detail = useIncident(id);
  return (
    <Drawer title={t('incidents.detail')} open={Boolean(id)} onClose={onClose} size={640}>
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError ? (
        <Alert type="error" showIcon title={detail.error.message} />
      ) : (
        <IncidentBody incident={detail.data} canManage={canManage} />
      )}
    </Drawer>
  );
}
