import { AutoComplete, DatePicker, Flex, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLogs } from '../../api/audit-logs';
import { useStaffList } from '../../api/staff';
import type { AuditLog } from '../../api/types';
import { CursorTable } from '../../shared/CursorTable';
import { PageHeader } from '../../shared/PageHeader';
import { displayTimeZone, formatDateTime } from '../../shared/time';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { AuditDiff } from './AuditDiff';
import { SearchBox } from '../../shared/SearchBox';
import { useSystemText } from '../../i18n/system-text';

// Suggestions only: the server's vocabulary may grow, so free text is accepted too.
const entityTypes = ['project', 'region', 'building', 'unit', 'household', 'person', 'staff', 'household_import'];
const auditActions = ['create', 'update', 'delete', 'import', 'sign_in', 'password_change', 'password_reset', 'invite'] as const;
const actionColours: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', import: 'purple', invite: 'cyan' };

type DateRange = [Dayjs | null, Dayjs | null] | null;

/** Day boundaries in Beijing time, whatever the browser's zone, as the server expects UTC instants. */
function dayBoundary(day: Dayjs | null | undefined, edge: 'start' | 'end'): string | undefined {
  if (!day) return undefined;
  const beijingDay = dayjs.tz(day.format('YYYY-MM-DD'), displayTimeZone);
  return (edge === 'start' ? beijingDay.startOf('day') : beijingDay.endOf('day')).toISOString();
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const systemText = useSystemText();
  const [search, setSearch] = useState('');
  const [entityInput, setEntityInput] = useState('');
  const [action, setAction] = useState<string>();
  const [actorId, setActorId] = useState<string>();
  const [actorSearch, setActorSearch] = useState('');
  const [range, setRange] = useState<DateRange>(null);
  const q = useDebouncedValue(search.trim());
  const entityType = useDebouncedValue(entityInput.trim());
  const actorQuery = useDebouncedValue(actorSearch.trim());
  const actors = useStaffList({ q: actorQuery });
  const list = useAuditLogs({
    q,
    entityType,
    action,
    actorId,
    from: dayBoundary(range?.[0], 'start'),
    to: dayBoundary(range?.[1], 'end'),
  });
  // A code the console has no word for yet is shown as written rather than hidden.
  const actionLabel = (value: string) => t(`audit.actions.${value}`, { defaultValue: value });
  const entityLabel = (value: string) => t(`audit.entityTypes.${value}`, { defaultValue: value });

  const columns: ColumnsType<AuditLog> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 150,
      render: (_value, log) => (
        <span>
          {log.actorName ? systemText(log.actorName) : '—'}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            · {log.actorKind === 'staff' || log.actorKind === 'owner' || log.actorKind === 'system' ? t(`audit.actorKinds.${log.actorKind}`) : log.actorKind}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 100,
      render: (value: string) => <Tag color={actionColours[value] ?? 'default'}>{actionLabel(value)}</Tag>,
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 140, render: (value: string) => entityLabel(value) },
    { title: t('audit.summary'), dataIndex: 'summary', render: (value: string | null) => (value ? systemText(value) : '—') },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('audit.searchPlaceholder')} value={search} onChange={setSearch} width={200} />
        <AutoComplete
          allowClear
          placeholder={t('audit.entityType')}
          value={entityInput}
          onChange={(value: string | undefined) => setEntityInput(value ?? '')}
          options={entityTypes.map((value) => ({ value, label: entityLabel(value) }))}
          showSearch={{ filterOption: (input, option) => (option?.value ?? '').toString().includes(input) }}
          style={{ width: 170 }}
          data-testid="audit-entity-type"
        />
        <Select
          allowClear
          placeholder={t('audit.action')}
          value={action}
          onChange={setAction}
          options={auditActions.map((value) => ({ value, label: t(`audit.actions.${value}`) }))}
          style={{ width: 140 }}
          data-testid="audit-action"
        />
        <Select
          allowClear
          placeholder={t('audit.actorPlaceholder')}
          value={actorId}
          onChange={setActorId}
          showSearch={{ filterOption: false, onSearch: setActorSearch }}
          options={actors.items.map((staff) => ({ value: staff.id, label: `${staff.name} (${staff.login})` }))}
          style={{ width: 180 }}
          data-testid="audit-actor"
        />
        <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} allowEmpty={[true, true]} data-testid="audit-range" />
      </Flex>
      <CursorTable<AuditLog>
        list={list}
        columns={columns}
        scrollX={900}
        expandable={{
          expandedRowRender: (log) => <AuditDiff before={log.before} after={log.after} />,
          rowExpandable: (log) => log.before !== null || log.after !== null,
        }}
        empty={t('audit.empty')}
        testId="audit-table"
      />
    </>
  );
}
