import { staffPosts } from '@manyi/core';
import { inspectionKinds } from '@manyi/contracts/inspections';
import { Button, DatePicker, Flex, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import {
  useCreateInspection,
  useFixRectification,
  useInspections,
  useInspectionScores,
  useReInspect,
  useRectifications,
  type InspectionScores,
  type InspectionSummary,
  type Rectification,
} from '../../api/inspections';
import { errorMessage } from '../../api/problem';
import { useProjectOptions } from '../../api/projects';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { ModalFormButton } from '../../shared/ModalFormButton';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/time';
import { EChart } from '../service-desk/EChart';

type CreateValues = { projectId: string; post: string; kind: (typeof inspectionKinds)[number]; scheduledFor?: Dayjs };

function CreateButton() {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const message = useMessage();
  const navigate = useNavigate();
  const projects = useProjectOptions();
  const create = useCreateInspection();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch('kind', form);
  return (
    <ModalFormButton
      label={t('inspections.create')}
      testId="inspection-create"
      form={form}
      pending={create.isPending}
      initialValues={{ kind: 'ad_hoc' }}
      onFinish={(values, close) =>
        create.mutate(
          {
            projectId: values.projectId,
            post: values.post as InspectionSummary['post'],
            kind: values.kind,
            ...(values.scheduledFor && { scheduledFor: values.scheduledFor.toISOString() }),
          },
          {
            onSuccess: (round) => {
              close();
              if (round.status === 'in_progress') navigate(`/m/inspections/${round.id}`);
            },
            onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
          },
        )
      }
    >
      <Form.Item name="projectId" label={t('inspections.project')} rules={[{ required: true }]}>
        <Select options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))} data-testid="inspection-project" />
      </Form.Item>
      <Form.Item name="post" label={t('inspections.post')} rules={[{ required: true }]}>
        <Select options={options(staffPosts)} data-testid="inspection-post" />
      </Form.Item>
      <Form.Item name="kind" label={t('inspections.kind')}>
        <Select options={inspectionKinds.map((value) => ({ value, label: t(`inspections.kinds.${value}`) }))} />
      </Form.Item>
      {kind === 'scheduled' ? (
        <Form.Item name="scheduledFor" label={t('inspections.scheduledFor')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      ) : null}
    </ModalFormButton>
  );
}

function RoundsTab() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const rounds = useInspections();
  return (
    <Table<InspectionSummary>
      rowKey="id"
      loading={rounds.isPending}
      dataSource={rounds.data?.items ?? []}
      locale={{ emptyText: t('inspections.empty') }}
      pagination={false}
      scroll={{ x: 720 }}
      columns={[
        { title: t('inspections.project'), dataIndex: 'projectName' },
        { title: t('inspections.post'), render: (_, row) => label(staffPosts, row.post) },
        { title: t('inspections.kind'), render: (_, row) => t(`inspections.kinds.${row.kind}`) },
        { title: t('inspections.inspector'), dataIndex: 'inspectorName' },
        { title: t('inspections.status'), render: (_, row) => <Tag>{t(`inspections.statuses.${row.status}`)}</Tag> },
        { title: t('inspections.score'), render: (_, row) => row.score ?? '—' },
        {
          title: t('inspections.scheduledFor'),
          render: (_, row) => ((row.submittedAt ?? row.scheduledFor) ? formatDateTime(row.submittedAt ?? row.scheduledFor!) : '—'),
        },
        { title: '', render: (_, row) => <Link to={`/m/inspections/${row.id}`}>{t('inspections.open')}</Link> },
      ]}
    />
  );
}

function RectificationActions({ row }: { row: Rectification }) {
  const { t } = useTranslation();
  const message = useMessage();
  const fix = useFixRectification();
  const reInspect = useReInspect();
  const rectifies = useAbility('inspection.rectify');
  const inspects = useAbility('inspection.conduct');
  const [note, setNote] = useState('');
  const onError = (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed')));
  if (row.status === 'open' && rectifies)
    return (
      <Space.Compact>
        <Input placeholder={t('inspections.fixNote')} value={note} onChange={(event) => setNote(event.target.value)} data-testid="rectification-note" />
        <Button loading={fix.isPending} disabled={!note.trim()} onClick={() => fix.mutate({ id: row.id, note }, { onError })} data-testid="rectification-fix">
          {t('inspections.fix')}
        </Button>
      </Space.Compact>
    );
  if (row.status === 'fixed' && inspects)
    return (
      <Space.Compact>
        <Input placeholder={t('inspections.reInspectNote')} value={note} onChange={(event) => setNote(event.target.value)} />
        <Button onClick={() => reInspect.mutate({ id: row.id, body: { passed: true, note } }, { onError })} data-testid="rectification-pass">
          {t('inspections.reInspectPass')}
        </Button>
        <Button danger onClick={() => reInspect.mutate({ id: row.id, body: { passed: false, note } }, { onError })}>
          {t('inspections.reInspectFail')}
        </Button>
      </Space.Compact>
    );
  return null;
}

function RectificationsTab() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const list = useRectifications();
  return (
    <Table<Rectification>
      rowKey="id"
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('inspections.rectificationsEmpty') }}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        { title: t('inspections.project'), dataIndex: 'projectName' },
        { title: t('inspections.post'), render: (_, row) => label(staffPosts, row.post) },
        { title: t('inspections.item'), render: (_, row) => `${row.itemName}（−${row.deduction}）${row.inspectionNote}` },
        {
          title: t('inspections.dueAt'),
          render: (_, row) => (
            <Typography.Text type={row.overdue ? 'danger' : undefined}>
              {formatDateTime(row.dueAt)} {row.overdue ? t('inspections.overdue') : ''}
            </Typography.Text>
          ),
        },
        {
          title: t('inspections.status'),
          render: (_, row) => <Tag data-testid="rectification-status">{t(`inspections.rectificationStatuses.${row.status}`)}</Tag>,
        },
        { title: '', render: (_, row) => <RectificationActions row={row} /> },
      ]}
    />
  );
}

function ScoresTab() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const scores = useInspectionScores();
  const data: InspectionScores = scores.data ?? { projects: [], posts: [], teams: [] };
  const common = [
    { title: t('inspections.rounds'), dataIndex: 'rounds' },
    { title: t('inspections.score'), dataIndex: 'score' },
    { title: t('inspections.deductions'), dataIndex: 'deductions' },
  ];
  return (
    <Flex vertical gap={16}>
      {data.teams.length > 0 ? (
        <EChart
          testId="inspection-score-chart"
          height={240}
          option={{
            tooltip: {},
            xAxis: { type: 'category', data: data.teams.map((team) => `${team.projectName}·${label(staffPosts, team.post)}`) },
            yAxis: { type: 'value', min: 0, max: 100 },
            series: [{ type: 'bar', data: data.teams.map((team) => team.score) }],
          }}
        />
      ) : null}
      <Typography.Title level={5}>{t('inspections.byProject')}</Typography.Title>
      <Table
        rowKey="projectId"
        size="small"
        pagination={false}
        loading={scores.isPending}
        locale={{ emptyText: t('inspections.scoresEmpty') }}
        dataSource={data.projects}
        columns={[{ title: t('inspections.project'), dataIndex: 'projectName' }, ...common]}
      />
      <Typography.Title level={5}>{t('inspections.byPost')}</Typography.Title>
      <Table
        rowKey="post"
        size="small"
        pagination={false}
        dataSource={data.posts}
        columns={[{ title: t('inspections.post'), render: (_, row) => label(staffPosts, row.post) }, ...common]}
      />
      <Typography.Title level={5}>{t('inspections.byTeam')}</Typography.Title>
      <Table
        rowKey={(row) => `${row.projectId}:${row.post}`}
        size="small"
        pagination={false}
        dataSource={data.teams}
        columns={[
          { title: t('inspections.project'), dataIndex: 'projectName' },
          { title: t('inspections.post'), render: (_, row) => label(staffPosts, row.post) },
          ...common,
        ]}
      />
    </Flex>
  );
}

/** 品质巡检: rounds (planned and ad hoc; done on the phone page), rectifications with 复查, and scores per project, post and team. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const inspects = useAbility('inspection.conduct');
  return (
    <>
      <PageHeader title={t('inspections.title')} extra={inspects ? <CreateButton /> : null} />
      <Tabs
        items={[
          { key: 'rounds', label: t('inspections.tabs.rounds'), children: <RoundsTab /> },
          { key: 'rectifications', label: t('inspections.tabs.rectifications'), children: <RectificationsTab /> },
          { key: 'scores', label: t('inspections.tabs.scores'), children: <ScoresTab /> },
        ]}
      />
    </>
  );
}
