import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useDeleteWebhook, useSaveWebhook, useTestWebhook, useWebhooks, type Webhook, type WebhookFormat, type WebhookInput } from '../../api/sla';
import { useProjectScope } from '../../layout/ProjectScope';
import { FormDrawer } from '../../shared/FormDrawer';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { RowActions } from '../../shared/RowActions';
import { formatDateTime } from '../../shared/time';
import { useSaveForm } from '../../shared/useSaveForm';

type WebhookForm = { format: WebhookFormat; url: string; projectId: string | null; minimumLevel: number; active: boolean };
const formats: readonly WebhookFormat[] = ['wecom', 'dingtalk'];
/** minimumLevel 0–3: every alert, or escalations from this rung of the ladder up. */
const levels = ['all', 'projectManager', 'qualityRegion', 'company'] as const;

function TestButton({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const message = useMessage();
  const test = useTestWebhook();
  const send = async () => {
    try {
      const result = await test.mutateAsync(webhook.id);
      if (result.ok) void message.success(t('webhooks.testOk'));
      else void message.error(t(result.error === 'address_not_allowed' ? 'webhooks.testRefused' : 'webhooks.testFailed'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Button size="small" type="link" icon={<SendOutlined />} loading={test.isPending} onClick={() => void send()} data-testid="webhook-test">
      {t('webhooks.test')}
    </Button>
  );
}

/** Management → 群机器人 (admin): escalations also go to WeCom or DingTalk group bots. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { projects } = useProjectScope();
  const webhooks = useWebhooks();
  const save = useSaveWebhook();
  const remove = useDeleteWebhook();
  const [form] = Form.useForm<WebhookForm>();
  const [editing, setEditing] = useState<Webhook | null | undefined>(undefined);

  const openDrawer = (webhook: Webhook | null) => {
    form.resetFields();
    form.setFieldsValue(
      webhook
        ? { format: webhook.format, url: webhook.url, projectId: webhook.projectId, minimumLevel: webhook.minimumLevel, active: webhook.active }
        : { format: 'wecom', url: '', projectId: null, minimumLevel: 1, active: true },
    );
    setEditing(webhook);
  };
  const submit = useSaveForm(form, {
    save: (values) => save.mutateAsync({ id: editing?.id, input: { ...values, url: values.url.trim() } satisfies WebhookInput }),
    onSaved: () => setEditing(undefined),
  });

  const columns: ColumnsType<Webhook> = [
    {
      title: t('webhooks.format'),
      dataIndex: 'format',
      width: 120,
      render: (format: WebhookFormat) => <Tag color={format === 'wecom' ? 'green' : 'blue'}>{t(`webhooks.formats.${format}`)}</Tag>,
    },
    { title: t('webhooks.url'), dataIndex: 'url', ellipsis: true },
    { title: t('persons.project'), dataIndex: 'projectName', width: 160, render: (name: string | null) => name ?? t('webhooks.allProjects') },
    { title: t('webhooks.minimumLevel'), dataIndex: 'minimumLevel', width: 140, render: (level: number) => t(`webhooks.levels.${levels[level] ?? 'all'}`) },
    { title: t('webhooks.active'), dataIndex: 'active', width: 80, render: (active: boolean) => (active ? t('common.yes') : t('common.no')) },
    { title: t('webhooks.createdAt'), dataIndex: 'createdAt', width: 150, render: (value: string) => formatDateTime(value) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_value, webhook) => (
        <Space size={0}>
          <TestButton webhook={webhook} />
          <RowActions
            name={t(`webhooks.formats.${webhook.format}`)}
            onEdit={() => openDrawer(webhook)}
            onDelete={() => remove.mutateAsync(webhook.id)}
            editTestId="webhook-edit"
            deleteTestId="webhook-delete"
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)} data-testid="webhook-create">
            {t('webhooks.create')}
          </Button>
        }
      />
      <ListState isPending={webhooks.isPending} error={webhooks.error} refetch={webhooks.refetch}>
        <Table<Webhook>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={webhooks.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <ListEmpty description={t('webhooks.empty')} /> }}
          data-testid="webhooks-table"
        />
      </ListState>
      <FormDrawer
        title={editing ? t('webhooks.edit') : t('webhooks.create')}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        saving={save.isPending}
        onSubmit={submit}
        saveTestId="webhook-save"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="format" label={t('webhooks.format')}>
            <Radio.Group optionType="button" options={formats.map((value) => ({ value, label: t(`webhooks.formats.${value}`) }))} />
          </Form.Item>
          <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, whitespace: true, max: 1000 }]} extra={t('webhooks.urlHint')}>
            <Input data-testid="webhook-url" />
          </Form.Item>
          <Form.Item name="projectId" label={t('persons.project')}>
            <Select options={[{ value: null, label: t('webhooks.allProjects') }, ...projects.map((project) => ({ value: project.id, label: project.name }))]} />
          </Form.Item>
          <Form.Item name="minimumLevel" label={t('webhooks.minimumLevel')}>
            <Select options={levels.map((name, value) => ({ value, label: t(`webhooks.levels.${name}`) }))} />
          </Form.Item>
          <Form.Item name="active" label={t('webhooks.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
