import { checkDecomposition, smartCheck, staffPosts, targetMetrics, type TargetMetric } from '@manyi/core';
import { decompositionBases, targetScopes } from '@manyi/contracts/targets';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, List, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth';
import { useCommit, useCreateTarget, useDecompose, useTargets, type Target } from '../../api/plans';
import { ApiError, errorMessage } from '../../api/problem';
import { useProjectOptions } from '../../api/projects';
import { useStaffDirectory } from '../../api/staff';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { useMessage } from '../../shared/MessageProvider';
import { formatDate, formatDateTime } from '../../shared/time';

type TargetValues = {
  metric: TargetMetric;
  scopeKind: (typeof targetScopes)[number];
  projectId?: string;
  post?: string;
  period?: [Dayjs, Dayjs];
  value?: number;
  baseline?: number | null;
};
const day = (value: Dayjs) => value.format('YYYY-MM-DD');
type Row = Target & { children?: Row[] };

/** The SMART check as the server will make it (core smartCheck), criterion by criterion while the form is filled. */
function SmartPanel({ values }: { values: Partial<TargetValues> | undefined }) {
  const { t } = useTranslation();
  if (!values?.metric || values.value === undefined || values.value === null || !values.period) return null;
  const check = smartCheck({
    metric: values.metric,
    value: values.value,
    baseline: values.baseline ?? null,
    history: [],
    period: { start: values.period[0].toDate(), end: values.period[1].toDate() },
    now: new Date(),
  });
  return (
    <List
      size="small"
      header={t('plans.smart')}
      data-testid="smart-panel"
      dataSource={check}
      renderItem={(item) => (
        <List.Item data-testid={`smart-${item.criterion}`}>
          <Tag color={item.passed ? 'green' : 'red'}>{t(`plans.criteria.${item.criterion}`)}</Tag>
          {item.passed ? '✓' : t(`plans.smartCodes.${item.code}`, { defaultValue: item.code })}
        </List.Item>
      )}
    />
  );
}

function CreateTarget() {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const message = useMessage();
  const projects = useProjectOptions();
  const create = useCreateTarget();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TargetValues>();
  const values = Form.useWatch([], form);
  const scopeKind = Form.useWatch('scopeKind', form);
  const submit = (input: TargetValues) => {
    if (!input.period) return;
    create.mutate(
      {
        metric: input.metric,
        scopeKind: input.scopeKind,
        projectId: input.projectId ?? null,
        post: (input.post as Target['post']) ?? null,
        periodStart: day(input.period[0]),
        periodEnd: day(input.period[1]),
        value: input.value ?? 0,
        baseline: input.baseline ?? null,
      },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            const byField = new Map<string, string[]>();
            for (const field of error.fieldErrors) {
              const name = field.field.startsWith('period') ? 'period' : field.field;
              byField.set(name, [...(byField.get(name) ?? []), field.message]);
            }
            form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof TargetValues, errors })));
          }
          void message.error(errorMessage(error, t('common.requestFailed')));
        },
      },
    );
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="target-create">
        {t('plans.newTarget')}
      </Button>
      <Modal
        open={open}
        title={t('plans.newTarget')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ metric: 'satisfaction', scopeKind: 'project' }} onFinish={submit}>
          <Form.Item name="metric" label={t('plans.metric')} rules={[{ required: true }]}>
            <Select options={targetMetrics.map((value) => ({ value, label: t(`plans.metrics.${value}`) }))} data-testid="target-metric" />
          </Form.Item>
          <Form.Item name="scopeKind" label={t('plans.scope')} rules={[{ required: true }]}>
            <Select
              options={targetScopes.filter((value) => value !== 'region' && value !== 'person').map((value) => ({ value, label: t(`plans.scopes.${value}`) }))}
            />
          </Form.Item>
          {scopeKind && scopeKind !== 'company' ? (
            <Form.Item name="projectId" label={t('plans.project')} rules={[{ required: true }]}>
              <Select options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))} data-testid="target-project" />
            </Form.Item>
          ) : null}
          {scopeKind === 'team' ? (
            <Form.Item name="post" label={t('plans.post')} rules={[{ required: true }]}>
              <Select options={options(staffPosts)} />
            </Form.Item>
          ) : null}
          <Form.Item name="period" label={`${t('plans.periodStart')} – ${t('plans.periodEnd')}`} rules={[{ required: true }]}>
            <DatePicker.RangePicker data-testid="target-period" />
          </Form.Item>
          <Space>
            <Form.Item name="value" label={t('plans.value')} rules={[{ required: true }]}>
              <InputNumber data-testid="target-value" />
            </Form.Item>
            <Form.Item name="baseline" label={t('plans.baseline')}>
              <InputNumber data-testid="target-baseline" />
            </Form.Item>
          </Space>
          <SmartPanel values={values} />
        </Form>
      </Modal>
    </>
  );
}

type ChildValues = { scopeKind: 'project' | 'team' | 'person'; projectId?: string; post?: string; staffId?: string; value?: number; weight?: number };

function Decompose({ target }: { target: Target }) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const message = useMessage();
  const projects = useProjectOptions();
  const directory = useStaffDirectory(target.projectId ?? undefined);
  const decompose = useDecompose();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ basis: (typeof decompositionBases)[number]; children: ChildValues[] }>();
  const basis = Form.useWatch('basis', form) ?? 'sample';
  const children = (Form.useWatch('children', form) ?? []) as (ChildValues | undefined)[];
  const childKind = target.scopeKind === 'company' || target.scopeKind === 'region' ? 'project' : 'team';
  const filled = children.filter((child): child is ChildValues => child?.value !== undefined && child.value !== null && (child.weight ?? 0) > 0);
  const check =
    filled.length > 0
      ? checkDecomposition(
          target.metric,
          target.value,
          filled.map((child) => ({ value: child.value!, weight: child.weight! })),
        )
      : null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="target-decompose">
        {t('plans.decompose')}
      </Button>
      <Modal
        open={open}
        width={760}
        title={`${t('plans.decomposeTitle')} · ${target.scopeName} ${target.value}`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={decompose.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ basis: childKind === 'project' ? 'households' : 'sample', children: [{ scopeKind: childKind }, { scopeKind: childKind }] }}
          onFinish={(values) =>
            decompose.mutate(
              {
                id: target.id,
                body: {
                  basis: values.basis,
                  children: values.children.map((child) => ({
                    scopeKind: child.scopeKind,
                    projectId: child.scopeKind === 'project' ? (child.projectId ?? null) : target.projectId,
                    post: (child.scopeKind === 'team' ? (child.post ?? null) : null) as Target['post'],
                    staffId: child.scopeKind === 'person' ? (child.staffId ?? null) : null,
                    value: child.value ?? 0,
                    ...(child.weight ? { weight: child.weight } : {}),
                  })),
                },
              },
              { onSuccess: () => setOpen(false), onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) },
            )
          }
        >
          <Form.Item name="basis" label={t('plans.basis')}>
            <Select options={decompositionBases.map((value) => ({ value, label: t(`plans.bases.${value}`) }))} data-testid="decompose-basis" />
          </Form.Item>
          <Form.List name="children">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'scopeKind']}>
                      <Select
                        style={{ width: 100 }}
                        options={(childKind === 'project' ? ['project'] : ['team', 'person']).map((value) => ({
                          value,
                          label: t(`plans.scopes.${value as 'team'}`),
                        }))}
                      />
                    </Form.Item>
                    {children[field.name]?.scopeKind === 'project' ? (
                      <Form.Item name={[field.name, 'projectId']} rules={[{ required: true }]}>
                        <Select
                          style={{ width: 160 }}
                          placeholder={t('plans.project')}
                          options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
                        />
                      </Form.Item>
                    ) : children[field.name]?.scopeKind === 'person' ? (
                      <Form.Item name={[field.name, 'staffId']} rules={[{ required: true }]}>
                        <Select
                          style={{ width: 160 }}
                          placeholder={t('plans.staff')}
                          options={(directory.data?.items ?? []).map((staff) => ({ value: staff.id, label: staff.name }))}
                        />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'post']} rules={[{ required: true }]}>
                        <Select style={{ width: 160 }} placeholder={t('plans.post')} options={options(staffPosts)} data-testid={`child-post-${field.name}`} />
                      </Form.Item>
                    )}
                    <Form.Item name={[field.name, 'value']} rules={[{ required: true }]}>
                      <InputNumber placeholder={t('plans.value')} data-testid={`child-value-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']}>
                      <InputNumber min={0} placeholder={t(`plans.basisWeight.${basis}`)} data-testid={`child-weight-${field.name}`} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>−</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ scopeKind: childKind })}>{t('plans.addChild')}</Button>
              </Flex>
            )}
          </Form.List>
          {check ? (
            <Alert
              style={{ marginTop: 12 }}
              data-testid="decompose-check"
              type={check.adds ? 'success' : 'warning'}
              message={`${t(`plans.bases.${basis}`)} · ${t('plans.combined')} ${check.combined ?? '—'} · ${check.adds ? t('plans.addsUp') : t('plans.shortOf', { value: target.value })}`}
            />
          ) : null}
        </Form>
      </Modal>
    </>
  );
}

function Commit({ target }: { target: Target }) {
  const { t } = useTranslation();
  const message = useMessage();
  const commit = useCommit();
  const [statement, setStatement] = useState('');
  if (target.committedAt)
    return (
      <Typography.Text type="secondary" data-testid="target-committed">
        {t('plans.committed', { name: target.committedByName ?? '', at: formatDateTime(target.committedAt) })}：{target.commitment}
      </Typography.Text>
    );
  return (
    <Space.Compact>
      <Input
        size="small"
        placeholder={t('plans.commitStatement')}
        value={statement}
        onChange={(event) => setStatement(event.target.value)}
        data-testid="commit-statement"
      />
      <Button
        size="small"
        disabled={!statement.trim()}
        loading={commit.isPending}
        onClick={() =>
          commit.mutate({ id: target.id, body: { statement } }, { onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) })
        }
        data-testid="commit-button"
      >
        {t('plans.commit')}
      </Button>
    </Space.Compact>
  );
}

function tree(items: Target[]): Row[] {
  const byParent = new Map<string | null, Target[]>();
  const ids = new Set(items.map((item) => item.id));
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
  }
  const build = (item: Target): Row => {
    const children = (byParent.get(item.id) ?? []).map(build);
    return children.length > 0 ? { ...item, children } : item;
  };
  return (byParent.get(null) ?? []).map(build);
}

/** SMART targets by scope and period with live progress, decomposition (basis shown) and 当众承诺. */
export function TargetsTab() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const { projectId } = useProjectScope();
  const manages = useAbility('target.manage');
  const targets = useTargets(projectId);
  if (targets.isError) return <Alert type="error" message={errorMessage(targets.error, t('common.loadFailed'))} />;
  return (
    <Flex vertical gap={12}>
      {manages ? (
        <Flex justify="end">
          <CreateTarget />
        </Flex>
      ) : null}
      <Table<Row>
        // Remounted once the targets arrive, so that every decomposition opens expanded.
        key={targets.data ? 'loaded' : 'loading'}
        rowKey="id"
        data-testid="targets-table"
        loading={targets.isPending}
        dataSource={tree(targets.data?.items ?? [])}
        locale={{ emptyText: t('plans.targetsEmpty') }}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('plans.scope'),
            render: (_, row) => `${t(`plans.scopes.${row.scopeKind}`)} · ${row.post && row.scopeKind === 'team' ? label(staffPosts, row.post) : row.scopeName}`,
          },
          { title: t('plans.metric'), render: (_, row) => t(`plans.metrics.${row.metric}`) },
          { title: t('plans.period'), render: (_, row) => `${formatDate(row.periodStart)} – ${formatDate(row.periodEnd)}` },
          { title: t('plans.baseline'), render: (_, row) => row.baseline ?? '—' },
          { title: t('plans.value'), dataIndex: 'value' },
          {
            title: t('plans.basis'),
            render: (_, row) =>
              row.weight !== null ? `${row.weight}` : row.basis ? <Tag data-testid="target-basis">{t(`plans.bases.${row.basis}`)}</Tag> : '—',
          },
          { title: t('plans.actual'), render: (_, row) => row.actual ?? <Typography.Text type="secondary">{t('plans.noData')}</Typography.Text> },
          {
            title: t('plans.progress'),
            width: 180,
            render: (_, row) =>
              row.progress === null ? (
                '—'
              ) : (
                <Space>
                  <Progress
                    percent={Math.round(row.progress * 100)}
                    size="small"
                    style={{ width: 90 }}
                    status={row.onTrack === false ? 'exception' : undefined}
                  />
                  <Tag color={row.onTrack ? 'green' : 'red'}>{row.onTrack ? t('plans.onTrack') : t('plans.offTrack')}</Tag>
                </Space>
              ),
          },
          {
            title: t('plans.smart'),
            render: (_, row) => (
              <Space size={2}>
                {row.smart.map((criterion) => (
                  <Tag key={criterion.criterion} color={criterion.passed ? 'green' : 'red'}>
                    {t(`plans.criteria.${criterion.criterion}`).slice(-1)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('plans.commit'), render: (_, row) => <Commit target={row} /> },
          { title: '', render: (_, row) => (manages && row.scopeKind !== 'person' ? <Decompose target={row} /> : null) },
        ]}
      />
    </Flex>
  );
}
