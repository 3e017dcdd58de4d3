import { PlusOutlined } from '@ant-design/icons';
import { staffPosts, staffRoles, type StaffPost, type StaffRole } from '@manyi/core';
import { Button, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveStaff, useStaffList } from '../../api/staff';
import type { Staff } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { CursorTable } from '../../shared/CursorTable';
import { PageHeader } from '../../shared/PageHeader';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { useNotifiedAction } from '../../shared/useNotifiedAction';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffDrawer } from './StaffDrawer';
import { SearchBox } from '../../shared/SearchBox';

/** 'header' follows the project switcher; 'all' or an id overrides it on this page. */
type ProjectFilter = 'header' | 'all' | string;

export function StaffPage() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const scope = useProjectScope();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<StaffRole>();
  const [post, setPost] = useState<StaffPost>();
  const [projectFilter, setProjectFilter] = useState<ProjectFilter>('header');
  const [editing, setEditing] = useState<{ staff: Staff | null } | null>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const q = useDebouncedValue(search.trim());
  const projectId = projectFilter === 'header' ? scope.projectId : projectFilter === 'all' ? undefined : projectFilter;
  const list = useStaffList({ q, role, post, projectId });
  const save = useSaveStaff();
  const run = useNotifiedAction();

  const setActive = (staff: Staff, active: boolean) => run(() => save.mutateAsync({ id: staff.id, input: { active } }), 'saved');

  const columns: ColumnsType<Staff> = [
    { title: t('staff.name'), dataIndex: 'name', width: 110, render: (value: string) => <strong>{value}</strong> },
    { title: t('staff.login'), dataIndex: 'login', width: 120 },
    { title: t('staff.phone'), dataIndex: 'phone', width: 130, render: (value: string | null) => value ?? '—' },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      width: 170,
      render: (roles: StaffRole[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((item) => (
            <Tag key={item} color={item === 'admin' ? 'red' : 'blue'}>
              {label(staffRoles, item)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('staff.post'), dataIndex: 'post', width: 120, render: (value: StaffPost | null) => label(staffPosts, value) },
    {
      title: t('staff.projects'),
      dataIndex: 'projects',
      ellipsis: true,
      render: (projects: Staff['projects']) =>
        projects.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : projects.map((project) => project.name).join('、'),
    },
    {
      title: t('staff.active'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{active ? t('staff.activeYes') : t('staff.activeNo')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_value, staff) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ staff })} data-testid="staff-edit">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(staff)} data-testid="staff-reset-password">
            {t('staff.resetPassword')}
          </Button>
          {staff.active ? (
            <Popconfirm title={t('staff.deactivateConfirm', { name: staff.name })} onConfirm={() => setActive(staff, false)}>
              <Button type="link" size="small" danger data-testid="staff-deactivate">
                {t('staff.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void setActive(staff, true)} data-testid="staff-reactivate">
              {t('staff.reactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ staff: null })} data-testid="staff-create">
            {t('staff.create')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('staff.searchPlaceholder')} value={search} onChange={setSearch} width={220} />
        <Select allowClear placeholder={t('staff.roles')} value={role} onChange={setRole} options={options(staffRoles)} style={{ width: 140 }} />
        <Select allowClear placeholder={t('staff.post')} value={post} onChange={setPost} options={options(staffPosts)} style={{ width: 140 }} />
        <Select
          value={projectFilter === 'header' ? (scope.projectId ?? 'all') : projectFilter}
          onChange={(value: string) => setProjectFilter(value)}
          options={[{ value: 'all', label: t('shell.allProjects') }, ...scope.projects.map((project) => ({ value: project.id, label: project.name }))]}
          style={{ width: 180 }}
          data-testid="staff-project-filter"
        />
      </Flex>
      <CursorTable<Staff>
        list={list}
        columns={columns}
        scrollX={1080}
        rowClassName={(staff) => (staff.active ? '' : 'manyi-row-inactive')}
        empty={t('staff.empty')}
        testId="staff-table"
      />
      <StaffDrawer editing={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal staff={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
