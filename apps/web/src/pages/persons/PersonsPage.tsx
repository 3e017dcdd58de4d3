import { CrownFilled, PlusOutlined } from '@ant-design/icons';
import { discStyles, personRoles, type DiscStyle, type PersonRole } from '@manyi/core';
import { Button, Flex, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDeletePerson, usePersons } from '../../api/persons';
import type { Person } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { CursorTable } from '../../shared/CursorTable';
import { RowActions } from '../../shared/RowActions';
import { PageHeader } from '../../shared/PageHeader';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { discColours } from './disc-colours';
import { PersonDrawer } from './PersonDrawer';
import { SearchBox } from '../../shared/SearchBox';

type VipFilter = 'vip' | 'regular';

export function PersonsPage() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const navigate = useNavigate();
  const { projectId } = useProjectScope();
  const [search, setSearch] = useState('');
  const [tagInput, setTagInput] = useState('');
  const [role, setRole] = useState<PersonRole>();
  const [vip, setVip] = useState<VipFilter>();
  const [discStyle, setDiscStyle] = useState<DiscStyle>();
  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const q = useDebouncedValue(search.trim());
  const tag = useDebouncedValue(tagInput.trim());
  const list = usePersons({ projectId, q, role, discStyle, tag, isVip: vip === undefined ? undefined : vip === 'vip' });
  const remove = useDeletePerson();

  const columns: ColumnsType<Person> = [
    {
      title: t('persons.name'),
      dataIndex: 'name',
      width: 140,
      render: (name: string, person) => (
        <Space size={4}>
          {person.isVip ? <CrownFilled style={{ color: '#faad14' }} aria-label="VIP" /> : null}
          <strong>{name}</strong>
        </Space>
      ),
    },
    { title: t('persons.role'), dataIndex: 'role', width: 90, render: (value: PersonRole) => label(personRoles, value) },
    { title: t('persons.phone'), dataIndex: 'phone', width: 130, render: (value: string | null) => value ?? '—' },
    { title: t('persons.household'), dataIndex: 'householdLabel', width: 140 },
    ...(projectId ? [] : [{ title: t('persons.project'), dataIndex: 'projectName', width: 140 }]),
    {
      title: t('persons.disc'),
      dataIndex: 'discStyle',
      width: 150,
      render: (value: DiscStyle | null) => (value ? <Tag color={discColours[value]}>{label(discStyles, value)}</Tag> : '—'),
    },
    {
      title: t('persons.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => (
        <Space size={[4, 4]} wrap>
          {tags.map((item) => (
            <Tag key={item}>{item}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_value, person) => <RowActions name={person.name} onEdit={() => setEditing({ person })} onDelete={() => remove.mutateAsync(person.id)} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('persons.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })} data-testid="person-create">
            {t('persons.create')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('persons.searchPlaceholder')} value={search} onChange={setSearch} width={220} />
        <Select allowClear placeholder={t('persons.role')} value={role} onChange={setRole} options={options(personRoles)} style={{ width: 110 }} />
        <Select
          allowClear
          placeholder={t('persons.vip')}
          value={vip}
          onChange={setVip}
          options={[
            { value: 'vip', label: t('persons.onlyVip') },
            { value: 'regular', label: t('persons.notVip') },
          ]}
          style={{ width: 110 }}
          data-testid="person-vip-filter"
        />
        <Select
          allowClear
          placeholder={t('persons.disc')}
          value={discStyle}
          onChange={setDiscStyle}
          options={options(discStyles)}
          style={{ width: 180 }}
          data-testid="person-disc-filter"
        />
        <Input allowClear placeholder={t('persons.tagFilter')} value={tagInput} onChange={(event) => setTagInput(event.target.value)} style={{ width: 140 }} />
      </Flex>
      <CursorTable<Person>
        list={list}
        columns={columns}
        scrollX={1000}
        onRow={(person) =>
          ({ onClick: () => void navigate(`/persons/${person.id}`), style: { cursor: 'pointer' }, 'data-testid': 'person-row' }) as HTMLAttributes<HTMLElement>
        }
        empty={t('persons.empty')}
        testId="persons-table"
      />
      <PersonDrawer editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
