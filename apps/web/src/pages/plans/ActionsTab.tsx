import { staffPosts } from '@manyi/core';
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility, useMe } from '../../api/auth';
import { useActions, useClaimAction, useCompleteAction, useCreateAction, useTargets, type Action } from '../../api/plans';
import { errorMessage } from '../../api/problem';
import { useProjectOptions } from '../../api/projects';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { useMessage } from '../../shared/MessageProvider';
import { ModalFormButton } from '../../shared/ModalFormButton';

export const stateColors: Record<Action['state'], string> = { open: 'gold', claimed: 'blue', done: 'green', overdue: 'red' };

type ActionValues = { projectId: string; post?: string; title: string; description?: string; targetId?: string; gapKey?: string; dueOn: Dayjs };

function CreateAction() {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const message = useMessage();
  const projects = useProjectOptions();
  const create = useCreateAction();
  const [form] = Form.useForm<ActionValues>();
  const projectId = Form.useWatch('projectId', form);
  const targets = useTargets(projectId);
  return (
    <ModalFormButton
      label={t('plans.newAction')}
      testId="action-create"
      form={form}
      pending={create.isPending}
      onFinish={(values, close) =>
        create.mutate(
          {
            projectId: values.projectId,
            post: (values.post ?? null) as Action['post'],
            title: values.title,
            description: values.description ?? '',
            targetId: values.targetId ?? null,
            gapKey: values.gapKey?.trim() ? values.gapKey.trim() : null,
            dueOn: values.dueOn.format('YYYY-MM-DD'),
          },
          { onSuccess: close, onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) },
        )
      }
    >
      <Form.Item name="projectId" label={t('plans.project')} rules={[{ required: true }]}>
        <Select options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))} data-testid="action-project" />
      </Form.Item>
      <Form.Item name="post" label={t('plans.team')}>
        <Select allowClear placeholder={t('plans.wholeProject')} options={options(staffPosts)} data-testid="action-post" />
      </Form.Item>
      <Form.Item name="title" label={t('plans.actionTitle')} rules={[{ required: true, max: 120 }]}>
        <Input data-testid="action-title" />
      </Form.Item>
      <Form.Item name="description" label={t('plans.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="targetId" label={t('plans.target')}>
        <Select
          allowClear
          data-testid="action-target"
          options={(targets.data?.items ?? [])
            .filter((target) => target.projectId === projectId)
            .map((target) => ({ value: target.id, label: `${target.scopeName} · ${t(`plans.metrics.${target.metric}`)} ${target.value}` }))}
        />
      </Form.Item>
      <Form.Item name="gapKey" label={t('plans.gapKey')} help={t('plans.gapKeyHelp')}>
        <Input />
      </Form.Item>
      <Form.Item name="dueOn" label={t('plans.dueOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="action-due" />
      </Form.Item>
    </ModalFormButton>
  );
}

function Complete({ action }: { action: Action }) {
  const { t } = useTranslation();
  const message = useMessage();
  const complete = useCompleteAction();
  const [open, setOpen] = useState(false);
  const [evidence, setEvidence] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="action-complete">
        {t('plans.complete')}
      </Button>
      <Modal
        open={open}
        title={`${t('plans.completeTitle')} · ${action.title}`}
        okButtonProps={{ disabled: !evidence.trim(), id: 'action-complete-ok' }}
        confirmLoading={complete.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          complete.mutate(
            { id: action.id, body: { evidence }, photos },
            { onSuccess: () => setOpen(false), onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) },
          )
        }
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <Typography.Text>{t('plans.evidence')}</Typography.Text>
          <Input.TextArea rows={3} value={evidence} onChange={(event) => setEvidence(event.target.value)} data-testid="action-evidence" />
          <Upload
            accept="image/*"
            multiple
            beforeUpload={(file) => {
              setPhotos((list) => [...list, file]);
              return false;
            }}
            onRemove={(file) => setPhotos((list) => list.filter((item) => item.name !== file.name))}
          >
            <Button>{t('plans.photos')}</Button>
          </Upload>
        </Flex>
      </Modal>
    </>
  );
}

export function ActionMoves({ action }: { action: Action }) {
  const { t } = useTranslation();
  const me = useMe();
  const message = useMessage();
  const claim = useClaimAction();
  if (action.status === 'done') return null;
  if (action.ownerId === null)
    return (
      <Button
        size="small"
        loading={claim.isPending}
        onClick={() => claim.mutate(action.id, { onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) })}
        data-testid="action-claim"
      >
        {t('plans.claim')}
      </Button>
    );
  return me.data?.id === action.ownerId ? <Complete action={action} /> : null;
}

export function EffectCell({ action }: { action: Action }) {
  const { t } = useTranslation();
  if (action.metricBefore === null && action.metricAfter === null) return <>—</>;
  return (
    <Space size={4}>
      <Typography.Text type="secondary">
        {t('plans.before')} {action.metricBefore ?? '—'} → {t('plans.after')} {action.metricAfter ?? '—'}
      </Typography.Text>
      {action.effect ? (
        <Tag color={action.effect.improved ? 'green' : 'red'}>{action.effect.change > 0 ? `+${action.effect.change}` : action.effect.change}</Tag>
      ) : null}
    </Space>
  );
}

/** Key actions of the team (团队共创), claimed by whoever takes them on (自发认领), done with evidence and their effect. */
export function ActionsTab() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const { projectId } = useProjectScope();
  const manages = useAbility('action.manage');
  const actions = useActions(projectId);
  if (actions.isError) return <Alert type="error" message={errorMessage(actions.error, t('common.loadFailed'))} />;
  return (
    <Flex vertical gap={12}>
      {manages ? (
        <Flex justify="end">
          <CreateAction />
        </Flex>
      ) : null}
      <Table<Action>
        rowKey="id"
        data-testid="actions-table"
        loading={actions.isPending}
        dataSource={actions.data?.items ?? []}
        locale={{ emptyText: t('plans.actionsEmpty') }}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('plans.actionTitle'), render: (_, row) => <span data-testid="action-row-title">{row.title}</span> },
          { title: t('plans.project'), dataIndex: 'projectName' },
          { title: t('plans.team'), render: (_, row) => (row.post ? label(staffPosts, row.post) : t('plans.wholeProject')) },
          { title: t('plans.link'), render: (_, row) => row.targetLabel ?? row.gapKey?.split(':').slice(1).join(' · GAP ') ?? '—' },
          { title: t('plans.owner'), render: (_, row) => row.ownerName ?? <Typography.Text type="secondary">{t('plans.unclaimed')}</Typography.Text> },
          { title: t('plans.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('plans.state'),
            render: (_, row) => (
              <Tag color={stateColors[row.state]} data-testid="action-state">
                {t(`plans.states.${row.state}`)}
              </Tag>
            ),
          },
          { title: t('plans.evidence'), render: (_, row) => (row.evidence ? `${row.evidence}${row.photoCount > 0 ? ` 📷${row.photoCount}` : ''}` : '—') },
          { title: t('plans.effect'), render: (_, row) => <EffectCell action={row} /> },
          { title: '', render: (_, row) => <ActionMoves action={row} /> },
        ]}
      />
    </Flex>
  );
}
