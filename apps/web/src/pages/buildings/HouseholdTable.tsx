import { CrownFilled, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { householdStatuses, personRoles, type HouseholdStatus } from '@manyi/core';
import { Button, Flex, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { householdExportUrl, useDeleteHousehold, useHouseholds, type HouseholdFilters } from '../../api/households';
import type { Building, Household } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { CursorTable } from '../../shared/CursorTable';
import { RowActions } from '../../shared/RowActions';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { HouseholdDrawer, type HouseholdEditing } from './HouseholdDrawer';
import { SearchBox } from '../../shared/SearchBox';

const statusColours: Record<HouseholdStatus, string> = { occupied: 'green', vacant: 'default', decorating: 'orange' };

type HouseholdTableProps = { projectId: string; buildings: Building[]; buildingId: string | undefined };

export function HouseholdTable({ projectId, buildings, buildingId }: HouseholdTableProps) {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<HouseholdStatus>();
  // The unit filter only makes sense inside the building it was chosen for.
  const [unitChoice, setUnitChoice] = useState<{ buildingId: string; unitId: string } | null>(null);
  const [editing, setEditing] = useState<HouseholdEditing | null>(null);
  const q = useDebouncedValue(search.trim());
  const unitId = unitChoice && unitChoice.buildingId === buildingId ? unitChoice.unitId : undefined;
  const filters: HouseholdFilters = { projectId, buildingId, unitId, status, q };
  const list = useHouseholds(filters);
  const remove = useDeleteHousehold();
  const building = buildings.find((item) => item.id === buildingId);

  const columns: ColumnsType<Household> = [
    // The label (3栋2单元1201) already carries building, unit and room.
    { title: t('households.label'), dataIndex: 'label', width: 150, render: (value: string) => <strong>{value}</strong> },
    { title: t('households.area'), dataIndex: 'area', width: 100, align: 'right', render: (value: number | null) => value ?? '—' },
    {
      title: t('households.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: HouseholdStatus) => <Tag color={statusColours[value]}>{label(householdStatuses, value)}</Tag>,
    },
    {
      title: t('households.persons'),
      dataIndex: 'persons',
      render: (persons: Household['persons']) =>
        persons.length === 0 ? (
          <Typography.Text type="secondary">{t('households.noPersons')}</Typography.Text>
        ) : (
          <Space size={[12, 2]} wrap>
            {persons.map((person) => (
              <Link key={person.id} to={`/persons/${person.id}`} style={{ whiteSpace: 'nowrap' }}>
                {person.isVip ? <CrownFilled style={{ color: '#faad14', marginInlineEnd: 2 }} /> : null}
                {person.name}
                <Typography.Text type="secondary"> · {label(personRoles, person.role)}</Typography.Text>
              </Link>
            ))}
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_value, household) => (
        <RowActions name={household.label} onEdit={() => setEditing({ household })} onDelete={() => remove.mutateAsync(household.id)} />
      ),
    },
  ];

  return (
    <>
      <Flex wrap gap={8} justify="space-between">
        <Flex wrap gap={8}>
          <SearchBox placeholder={t('households.searchPlaceholder')} value={search} onChange={setSearch} width={240} />
          <Select
            allowClear
            placeholder={t('households.status')}
            value={status}
            onChange={setStatus}
            options={options(householdStatuses)}
            style={{ width: 120 }}
            data-testid="household-status-filter"
          />
          {building && building.units.length > 0 ? (
            <Select
              allowClear
              placeholder={t('households.unit')}
              value={unitId}
              onChange={(value?: string) => setUnitChoice(value && buildingId ? { buildingId, unitId: value } : null)}
              options={building.units.map((unit) => ({ value: unit.id, label: unit.name }))}
              style={{ width: 120 }}
            />
          ) : null}
        </Flex>
        <Flex wrap gap={8}>
          <Button icon={<DownloadOutlined />} href={householdExportUrl(filters)} download data-testid="household-export">
            {t('households.export')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ household: null, buildingId: buildingId ?? buildings[0]?.id })}
            disabled={buildings.length === 0}
            data-testid="household-create"
          >
            {t('households.create')}
          </Button>
        </Flex>
      </Flex>
      <CursorTable<Household> list={list} columns={columns} scrollX={720} empty={t('households.empty')} testId="households-table" />
      <HouseholdDrawer buildings={buildings} editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
