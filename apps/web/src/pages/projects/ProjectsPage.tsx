import { ClusterOutlined, PlusOutlined } from '@ant-design/icons';
import { projectStages, projectTypes, type ProjectStage, type ProjectType } from '@manyi/core';
import { Button, Flex, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth';
import { useDeleteProject, useProjects } from '../../api/projects';
import { useRegions } from '../../api/regions';
import type { Project } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { CursorTable } from '../../shared/CursorTable';
import { RowActions } from '../../shared/RowActions';
import { PageHeader } from '../../shared/PageHeader';
import { formatDate } from '../../shared/time';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { ProjectDrawer } from './ProjectDrawer';
import { RegionsModal } from './RegionsModal';
import { SearchBox } from '../../shared/SearchBox';

const stageColours: Record<ProjectStage, string> = { early: 'gold', growth: 'green', mature: 'blue' };

/** Drawer state: closed, creating, or editing one project. */
type Editing = { project: Project | null } | null;

export function ProjectsPage() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<ProjectType>();
  const [stage, setStage] = useState<ProjectStage>();
  const [regionId, setRegionId] = useState<string>();
  const [editing, setEditing] = useState<Editing>(null);
  const [regionsOpen, setRegionsOpen] = useState(false);
  const q = useDebouncedValue(search.trim());
  const list = useProjects({ q, type, stage, regionId });
  const regions = useRegions();
  const remove = useDeleteProject();

  // Projects and regions are the company's organisation: only organisation.manage changes them (a steward reads).
  const canManage = useAbility('organisation.manage');
  const columns: ColumnsType<Project> = [
    { title: t('projects.code'), dataIndex: 'code', width: 120 },
    { title: t('projects.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    { title: t('projects.type'), dataIndex: 'type', width: 100, render: (value: ProjectType) => label(projectTypes, value) },
    {
      title: t('projects.stage'),
      dataIndex: 'stage',
      width: 100,
      render: (value: ProjectStage) => <Tag color={stageColours[value]}>{label(projectStages, value)}</Tag>,
    },
    { title: t('projects.region'), dataIndex: 'regionName', width: 120, render: (value: string | null) => value ?? '—' },
    { title: t('projects.city'), dataIndex: 'city', width: 100, render: (value: string) => value || '—' },
    { title: t('projects.buildings'), dataIndex: 'buildingCount', width: 90, align: 'right' },
    { title: t('projects.households'), dataIndex: 'householdCount', width: 110, align: 'right' },
    { title: t('projects.createdAt'), dataIndex: 'createdAt', width: 120, render: formatDate },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_value, project) => (
        <RowActions
          name={project.name}
          onEdit={() => setEditing({ project })}
          onDelete={() => remove.mutateAsync(project.id)}
          editTestId="project-edit"
          deleteTestId="project-delete"
          dangerConfirm
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        extra={
          canManage ? (
            <>
              <Button icon={<ClusterOutlined />} onClick={() => setRegionsOpen(true)} data-testid="regions-manage">
                {t('projects.manageRegions')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ project: null })} data-testid="project-create">
                {t('projects.create')}
              </Button>
            </>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('projects.searchPlaceholder')} value={search} onChange={setSearch} width={240} />
        <Select allowClear placeholder={t('projects.type')} value={type} onChange={setType} options={options(projectTypes)} style={{ width: 130 }} />
        <Select allowClear placeholder={t('projects.stage')} value={stage} onChange={setStage} options={options(projectStages)} style={{ width: 130 }} />
        <Select
          allowClear
          placeholder={t('projects.region')}
          value={regionId}
          onChange={setRegionId}
          options={(regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))}
          style={{ width: 160 }}
        />
      </Flex>
      <CursorTable<Project>
        list={list}
        columns={canManage ? columns : columns.filter((column) => column.key !== 'actions')}
        scrollX={1100}
        empty={t('projects.empty')}
        testId="projects-table"
      />
      <ProjectDrawer editing={editing} regions={regions.data?.items ?? []} onClose={() => setEditing(null)} />
      <RegionsModal open={regionsOpen} onClose={() => setRegionsOpen(false)} />
    </>
  );
}
