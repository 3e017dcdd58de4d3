import { ExclamationCircleFilled, FieldTimeOutlined, PlusOutlined, RedoOutlined } from '@ant-design/icons';
import { ticketChannels, ticketStatuses, ticketTypes, type TicketChannel, type TicketStatus, type TicketType } from '@manyi/core';
import { Button, Checkbox, Flex, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { TicketSummary } from '../../api/ticket-types';
import { statusGroups, useTickets, useWorkload } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { CursorTable } from '../../shared/CursorTable';
import { PageHeader } from '../../shared/PageHeader';
import { SearchBox } from '../../shared/SearchBox';
import { formatDateTime } from '../../shared/time';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { useNow } from '../../shared/useNow';
import { CategoryCascader } from './CategoryCascader';
import { QueueTiles } from './QueueTiles';
import { SlaCountdown } from './SlaCountdown';
import { statusColours, typeColours } from './ticket-colours';

type StatusGroup = keyof typeof statusGroups | 'all';
/** 'mine' or a staff id. */
type AssigneeChoice = string;

export function ServiceDeskPage() {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const navigate = useNavigate();
  const { projectId, projects, allowAll, setChoice } = useProjectScope();
  const now = useNow(30_000);
  // A figure of the analytics homes opens the list behind it through the address (?overdue=true&projectId=…).
  const [linked] = useSearchParams();
  const linkedGroup = linked.get('group');
  const [group, setGroup] = useState<StatusGroup>(
    linkedGroup === 'all' || (linkedGroup && linkedGroup in statusGroups) ? (linkedGroup as StatusGroup) : 'open',
  );
  const [type, setType] = useState<TicketType | undefined>(
    (ticketTypes.values as readonly string[]).includes(linked.get('type') ?? '') ? (linked.get('type') as TicketType) : undefined,
  );
  const [categoryCode, setCategoryCode] = useState<string>();
  const [assignee, setAssignee] = useState<AssigneeChoice | undefined>(linked.get('mine') === 'true' || linked.get('assignee') === 'mine' ? 'mine' : undefined);
  const [overdue, setOverdue] = useState(linked.get('overdue') === 'true');
  const dueToday = linked.get('dueToday') === 'true' || undefined;
  // The analytics drill-down's filters (a building, a month, a channel, repeats, an explicit status list): shown as tags, each removable.
  const [drill, setDrill] = useState(() => linkedDrill(linked));
  const linkedProject = linked.get('projectId');
  useEffect(() => {
    if (linkedProject && (allowAll || projects.some((project) => project.id === linkedProject))) setChoice(linkedProject);
  }, [linkedProject, allowAll, projects, setChoice]);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const workload = useWorkload(projectId);
  const list = useTickets({
    projectId,
    status: drill.status ?? (group === 'all' ? undefined : statusGroups[group].join(',')),
    type,
    categoryCode,
    mine: assignee === 'mine' ? true : undefined,
    assigneeId: assignee && assignee !== 'mine' ? assignee : undefined,
    overdue: overdue || undefined,
    dueToday,
    q,
    buildingId: drill.buildingId,
    householdId: drill.householdId,
    month: drill.month,
    channel: drill.channel,
    repeat: drill.repeat,
    ratedMonth: drill.ratedMonth,
  });
  const drillTags = (Object.keys(drill) as (keyof Drill)[]).filter((key) => drill[key] !== undefined && key !== 'buildingName');

  const columns: ColumnsType<TicketSummary> = [
    {
      title: t('serviceDesk.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, ticket) => (
        <Space size={4}>
          <Typography.Text strong copyable={false} data-testid="ticket-number">
            {number}
          </Typography.Text>
          {ticket.isRepeat ? (
            <Tooltip title={t('serviceDesk.repeat')}>
              <RedoOutlined style={{ color: '#fa541c' }} />
            </Tooltip>
          ) : null}
          {ticket.escalationLevel > 0 ? (
            <Tooltip title={t('serviceDesk.escalated', { level: ticket.escalationLevel })}>
              <ExclamationCircleFilled style={{ color: '#f5222d' }} />
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('serviceDesk.type'),
      dataIndex: 'type',
      width: 96,
      render: (value: TicketType) => <Tag color={typeColours[value]}>{label(ticketTypes, value)}</Tag>,
    },
    {
      title: t('serviceDesk.titleColumn'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, ticket) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ display: 'block' }}>
            {title}
          </Typography.Text>
          {ticket.categoryName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {text(ticket.categoryName)}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('serviceDesk.household'),
      dataIndex: 'householdLabel',
      width: 170,
      render: (household: string | null, ticket) => (
        <div>
          <div>{household ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ticket.reporterName}
            {projectId ? '' : ` · ${ticket.projectName}`}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('serviceDesk.status'),
      dataIndex: 'status',
      width: 96,
      render: (value: TicketStatus) => <Tag color={statusColours[value]}>{label(ticketStatuses, value)}</Tag>,
    },
    {
      title: t('serviceDesk.assignee'),
      dataIndex: 'assignee',
      width: 100,
      render: (value: TicketSummary['assignee']) => value?.name ?? <Typography.Text type="secondary">{t('serviceDesk.unassigned')}</Typography.Text>,
    },
    { title: t('serviceDesk.sla.title'), key: 'sla', width: 190, render: (_value, ticket) => <SlaCountdown ticket={ticket} now={now} /> },
    { title: t('serviceDesk.reportedAt'), dataIndex: 'reportedAt', width: 140, render: (value: string) => formatDateTime(value) },
  ];

  return (
    <>
      <PageHeader
        title={t('serviceDesk.title')}
        extra={
          <>
            <Button icon={<FieldTimeOutlined />} onClick={() => void navigate('/service-desk/ageing')} data-testid="ageing-open">
              {t('ageing.open')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/service-desk/new')} data-testid="ticket-create">
              {t('serviceDesk.create')}
            </Button>
          </>
        }
      />
      <QueueTiles
        projectId={projectId}
        onPick={(tile) => {
          setGroup('open');
          setOverdue(tile === 'overdue');
        }}
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
        <Segmented<StatusGroup>
          value={group}
          onChange={setGroup}
          options={[
            { value: 'open', label: t('serviceDesk.groups.open') },
            { value: 'waitingVisit', label: t('serviceDesk.groups.waitingVisit') },
            { value: 'done', label: t('serviceDesk.groups.done') },
            { value: 'all', label: t('common.all') },
          ]}
          data-testid="queue-status-group"
        />
        <SearchBox placeholder={t('serviceDesk.searchPlaceholder')} value={search} onChange={setSearch} width={240} />
        <Select
          allowClear
          placeholder={t('serviceDesk.type')}
          value={type}
          onChange={setType}
          options={ticketTypes.values.map((value) => ({ value, label: label(ticketTypes, value) }))}
          style={{ width: 120 }}
          data-testid="queue-type"
        />
        <CategoryCascader value={categoryCode} onChange={setCategoryCode} width={180} testId="queue-category" />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('serviceDesk.assignee')}
          value={assignee}
          onChange={setAssignee}
          options={[
            { value: 'mine', label: t('serviceDesk.mine') },
            ...(workload.data?.items ?? []).map((person) => ({ value: person.staffId, label: `${person.name} (${person.total})` })),
          ]}
          style={{ width: 150 }}
          data-testid="queue-assignee"
        />
        <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)} data-testid="queue-overdue">
          {t('serviceDesk.overdueOnly')}
        </Checkbox>
        {drillTags.map((key) => (
          <Tag key={key} closable color="blue" onClose={() => setDrill((current) => ({ ...current, [key]: undefined }))} data-testid={`queue-drill-${key}`}>
            {key === 'buildingId'
              ? t('serviceDesk.drill.building', { name: drill.buildingName ?? '—' })
              : key === 'month'
                ? t('serviceDesk.drill.month', { month: drill.month })
                : key === 'ratedMonth'
                  ? t('serviceDesk.drill.ratedMonth', { month: drill.ratedMonth })
                  : key === 'channel'
                    ? label(ticketChannels, drill.channel!)
                    : key === 'repeat'
                      ? t('serviceDesk.repeat')
                      : key === 'householdId'
                        ? t('serviceDesk.drill.household')
                        : t('serviceDesk.drill.counted')}
          </Tag>
        ))}
      </Flex>
      <CursorTable<TicketSummary>
        list={list}
        columns={columns}
        scrollX={1100}
        onRow={(ticket) =>
          ({
            onClick: () => void navigate(`/service-desk/${ticket.id}`),
            style: { cursor: 'pointer' },
            'data-testid': 'ticket-row',
          }) as HTMLAttributes<HTMLElement>
        }
        empty={t('serviceDesk.empty')}
        testId="tickets-table"
      />
    </>
  );
}

type Drill = {
  buildingId?: string;
  buildingName?: string;
  householdId?: string;
  month?: string;
  ratedMonth?: string;
  channel?: TicketChannel;
  repeat?: boolean;
  status?: string;
};

/** The filters an analytics figure puts in the address (pages/analytics/format.ts ticketsLink); anything malformed is dropped. */
function linkedDrill(linked: URLSearchParams): Drill {
  const drill: Drill = {};
  const buildingId = linked.get('buildingId');
  if (buildingId && /^[0-9a-f-]{36}$/i.test(buildingId)) {
    drill.buildingId = buildingId;
    drill.buildingName = linked.get('buildingName') ?? undefined;
  }
  const householdId = linked.get('householdId');
  if (householdId && /^[0-9a-f-]{36}$/i.test(householdId)) drill.householdId = householdId;
  const month = linked.get('month');
  if (month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) drill.month = month;
  const ratedMonth = linked.get('ratedMonth');
  if (ratedMonth && /^\d{4}-(0[1-9]|1[0-2])$/.test(ratedMonth)) drill.ratedMonth = ratedMonth;
  const channel = linked.get('channel');
  if (channel && (ticketChannels.values as readonly string[]).includes(channel)) drill.channel = channel as TicketChannel;
  if (linked.get('repeat') === 'true') drill.repeat = true;
  const status = linked
    .get('status')
    ?.split(',')
    .filter((value) => (ticketStatuses.values as readonly string[]).includes(value));
  if (status?.length) drill.status = status.join(',');
  return drill;
}
