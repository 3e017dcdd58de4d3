import { PlusOutlined } from '@ant-design/icons';
import { incidentKinds, incidentStatuses, type IncidentKind, type IncidentStatus } from '@manyi/core';
import { Alert, Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import { useIncidentCommand, useIncidents, type Incident } from '../../api/incidents';
import { useSystemText } from '../../i18n/system-text';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/time';
import { useNotifiedAction } from '../../shared/useNotifiedAction';
import { IncidentCreateDrawer } from './IncidentCreateDrawer';
import { IncidentDetailDrawer } from './IncidentDetailDrawer';
import { incidentKindColours, incidentStatusColours } from './incident-labels';

/** A proposed group complaint, at the top of the page until a manager confirms or dismisses it. */
function ProposedGroup({ incident, canManage, onOpen }: { incident: Incident; canManage: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const systemText = useSystemText();
  const run = useNotifiedAction();
  const command = useIncidentCommand(incident.id);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="incident-proposed"
      title={<Typography.Link onClick={onOpen}>{systemText(incident.title)}</Typography.Link>}
      description={t('incidents.proposedHint', {
        households: incident.householdCount,
        tickets: incident.ticketCount,
        category: incident.categoryName ? text(incident.categoryName) : '—',
        project: incident.projectName,
      })}
      action={
        canManage ? (
          <Space>
            <Button
              size="small"
              type="primary"
              loading={command.isPending && command.variables?.command === 'confirm'}
              onClick={() => void run(() => command.mutateAsync({ command: 'confirm' }), 'saved')}
              data-testid="incident-proposed-confirm"
            >
              {t('incidents.commands.confirm')}
            </Button>
            <Button
              size="small"
              danger
              loading={command.isPending && command.variables?.command === 'dismiss'}
              onClick={() => void run(() => command.mutateAsync({ command: 'dismiss' }), 'saved')}
              data-testid="incident-proposed-dismiss"
            >
              {t('incidents.commands.dismiss')}
            </Button>
          </Space>
        ) : null
      }
    />
  );
}

/** Outages and group complaints of the projects in scope: what the desk must know before the phone rings. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const systemText = useSystemText();
  const { projectId } = useProjectScope();
  const canManage = useAbility('incident.manage');
  const [kind, setKind] = useState<IncidentKind>();
  const [status, setStatus] = useState<IncidentStatus[]>([]);
  // ?open=<id> comes from a ticket's "part of …" link.
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('open') ?? undefined;
  const setOpenId = (id: string | undefined) => setSearchParams(id ? { open: id } : {}, { replace: true });
  const [creating, setCreating] = useState(false);
  const list = useIncidents({ projectId, kind, status: status.length > 0 ? status.join(',') : undefined });
  const proposed = useIncidents({ projectId, status: 'proposed', kind: 'group' });
  const items = list.data?.items ?? [];

  const columns: ColumnsType<Incident> = [
    {
      title: t('incidents.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (value: IncidentKind) => <Tag color={incidentKindColours[value]}>{label(incidentKinds, value)}</Tag>,
    },
    {
      title: t('incidents.titleLabel'),
      dataIndex: 'title',
      render: (title: string, incident) => (
        <div>
          <Typography.Text strong>{systemText(title)}</Typography.Text>
          {incident.active ? (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('incidents.activeNow')}
            </Tag>
          ) : null}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {incident.projectName} ·{' '}
              {incident.buildings.length > 0
                ? incident.buildings.map((building) => t('incidents.buildingName', { name: building.name })).join('、')
                : t('incidents.wholeProject')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('serviceDesk.status'),
      dataIndex: 'status',
      width: 96,
      render: (value: IncidentStatus) => <Tag color={incidentStatusColours[value]}>{label(incidentStatuses, value)}</Tag>,
    },
    {
      title: t('incidents.period'),
      key: 'period',
      width: 220,
      render: (_value, incident) => `${formatDateTime(incident.startsAt)} ~ ${incident.endsAt ? formatDateTime(incident.endsAt).slice(5) : ''}`,
    },
    { title: t('incidents.tickets'), dataIndex: 'ticketCount', width: 80 },
    {
      title: t('incidents.readRate'),
      key: 'notice',
      width: 110,
      render: (_value, incident) =>
        incident.kind === 'group' || incident.notice.notified === 0
          ? '—'
          : t('incidents.readCount', { read: incident.notice.read, notified: incident.notice.notified }),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="incident-create">
              {t('incidents.create')}
            </Button>
          ) : null
        }
      />
      {(proposed.data?.items ?? []).length > 0 ? (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          {proposed.data?.items.map((incident) => (
            <ProposedGroup key={incident.id} incident={incident} canManage={canManage} onOpen={() => setOpenId(incident.id)} />
          ))}
        </Flex>
      ) : null}
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('incidents.kind')} value={kind} onChange={setKind} options={options(incidentKinds)} style={{ width: 140 }} />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('serviceDesk.status')}
          value={status}
          onChange={setStatus}
          options={options(incidentStatuses)}
          style={{ minWidth: 200 }}
        />
      </Flex>
      <ListState isPending={list.isPending} error={list.error} refetch={list.refetch}>
        <Table<Incident>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          pagination={false}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: <ListEmpty description={t('incidents.empty')} /> }}
          onRow={(incident) =>
            ({ onClick: () => setOpenId(incident.id), style: { cursor: 'pointer' }, 'data-testid': 'incident-row' }) as HTMLAttributes<HTMLElement>
          }
          data-testid="incidents-table"
        />
      </ListState>
      <IncidentDetailDrawer id={openId} canManage={canManage} onClose={() => setOpenId(undefined)} />
      <IncidentCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(incident) => {
          setCreating(false);
          setOpenId(incident.id);
        }}
      />
    </>
  );
}
