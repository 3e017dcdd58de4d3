import { CrownFilled, PlusOutlined } from '@ant-design/icons';
import { discStyles, personRoles, type DiscStyle, type PersonRole } from '@manyi/core';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDeletePerson, usePersons } from '../../api/persons';
import { errorMessage } from '../../api/problem';
import type { Person } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { LoadMoreFooter } from '../../shared/LoadMoreFooter';
import { PageHeader } from '../../shared/PageHeader';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { discColours } from './disc-colours';
import { PersonDrawer } from './PersonDrawer';
import { SearchBox } from '../../shared/SearchBox';

type VipFilter = 'vip' | 'regular';

export function PersonsPage() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const { message } = App.useApp();
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

  const deletePerson = async (person: Person) => {
    try {
      await remove.mutateAsync(person.id);
      void message.success(t('common.deleted'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

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
      render: (_value, person) => (
        // Row clicks open the profile; the buttons must not.
        <Space size={0} onClick={(event) => event.stopPropagation()}>
          <Button type="link" size="small" onClick={() => setEditing({ person })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.deleteConfirm', { name: person.name })} onConfirm={() => deletePerson(person)}>
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
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
      <ListState isPending={list.isPending} error={list.error} refetch={list.refetch}>
        <Table<Person>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          pagination={false}
          loading={list.isFetching && !list.isFetchingNextPage}
          scroll={{ x: 1000 }}
          onRow={(person) => ({ onClick: () => void navigate(`/persons/${person.id}`), style: { cursor: 'pointer' }, 'data-testid': 'person-row' } as HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <ListEmpty description={t('persons.empty')} /> }}
          data-testid="persons-table"
        />
        <LoadMoreFooter count={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />
      </ListState>
      <PersonDrawer editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
