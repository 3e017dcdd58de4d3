import { BellOutlined, PlusOutlined } from '@ant-design/icons';
import { noticeKinds } from '@manyi/contracts/notices';
import { Button, Drawer, Flex, Form, Input, InputNumber, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth';
import { useBuildings } from '../../api/buildings';
import { useCreateNotice, useNotice, useNotices, useNoticeTemplates, usePublishNotice, useRemindNotice, type NoticeSummary } from '../../api/notices';
import { ApiError, errorMessage } from '../../api/problem';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/time';

type NoticeForm = {
  projectId: string;
  templateKey?: string;
  kind: (typeof noticeKinds)[number];
  title: string;
  body: string;
  buildingIds: string[];
  remindAfterHours: number;
};

function CreateNotice({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const { projects, projectId: scoped } = useProjectScope();
  const templates = useNoticeTemplates();
  const create = useCreateNotice();
  const [form] = Form.useForm<NoticeForm>();
  const projectId = Form.useWatch('projectId', form);
  const buildings = useBuildings(projectId);
  const language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  const applyTemplate = (key: string | undefined) => {
    const template = templates.data?.items.find((item) => item.key === key);
    if (template) form.setFieldsValue({ kind: template.kind, title: template.title, body: template.body });
  };
  const submit = async (values: NoticeForm, publish: boolean) => {
    try {
      await create.mutateAsync({
        projectId: values.projectId,
        kind: values.kind,
        templateKey: values.templateKey ?? null,
        title: values.title,
        body: values.body,
        audience: 'buildings',
        buildingIds: values.buildingIds,
        remindAfterHours: values.remindAfterHours,
        publish,
      });
      void message.success(publish ? t('notices.sent') : t('notices.saved'));
      form.resetFields();
      onClose();
    } catch (error) {
      const formFields = new Set(['title', 'body', 'buildingIds']);
      const fields = error instanceof ApiError ? error.fieldErrors.filter((field) => formFields.has(field.field)) : [];
      if (fields.length > 0) form.setFields(fields.map((field) => ({ name: field.field as keyof NoticeForm, errors: [field.message] })));
      else void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const send = (publish: boolean) => void form.validateFields().then((values) => submit(values, publish));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('notices.create')}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => send(false)} loading={create.isPending} data-testid="notice-save-draft">
            {t('notices.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => send(true)} loading={create.isPending} data-testid="notice-publish">
            {t('notices.publish')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ projectId: scoped ?? projects[0]?.id, kind: 'general', buildingIds: [], remindAfterHours: 24 }}>
        <Form.Item name="projectId" label={t('notices.project')} rules={[{ required: true }]}>
          <Select
            data-testid="notice-project"
            options={projects.map((project) => ({ value: project.id, label: project.name }))}
            onChange={() => form.setFieldValue('buildingIds', [])}
          />
        </Form.Item>
        <Form.Item name="templateKey" label={t('notices.template')} extra={t('notices.templateHint')}>
          <Select
            allowClear
            data-testid="notice-template"
            options={templates.data?.items.map((item) => ({ value: item.key, label: item.name[language] }))}
            onChange={applyTemplate}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('notices.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={noticeKinds.map((kind) => ({ value: kind, label: t(`ownerNotices.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="buildingIds" label={t('notices.buildings')} rules={[{ required: true, type: 'array', min: 1, message: t('notices.chooseBuildings') }]}>
          <Select
            mode="multiple"
            data-testid="notice-buildings"
            loading={buildings.isPending && Boolean(projectId)}
            options={buildings.data?.map((building) => ({ value: building.id, label: building.name }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('notices.title')} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="body" label={t('notices.body')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea rows={8} data-testid="notice-body" />
        </Form.Item>
        <Form.Item name="remindAfterHours" label={t('notices.remindAfter')}>
          <InputNumber min={1} max={336} addonAfter={t('notices.hours')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function NoticeReceipts({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const notice = useNotice(id);
  const publish = usePublishNotice();
  const remind = useRemindNotice();
  const data = notice.data;
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Drawer open={id !== null} onClose={onClose} title={data?.title ?? t('notices.detail')} size={640} destroyOnHidden>
      <ListState isPending={notice.isPending} error={notice.error} refetch={notice.refetch}>
        {data ? (
          <Flex vertical gap={16} data-testid="notice-detail">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.body}</Typography.Paragraph>
            {data.status === 'draft' ? (
              <Button
                type="primary"
                loading={publish.isPending}
                onClick={() => void run(() => publish.mutateAsync(data.id))}
                data-testid="notice-detail-publish"
              >
                {t('notices.publish')}
              </Button>
            ) : (
              <>
                <Flex align="center" gap={16}>
                  <Progress type="circle" size={72} percent={data.delivered ? Math.round((data.read / data.delivered) * 100) : 0} />
                  <Typography.Text data-testid="notice-read-count">{t('notices.readOf', { read: data.read, delivered: data.delivered })}</Typography.Text>
                  <Button
                    icon={<BellOutlined />}
                    disabled={data.read === data.delivered}
                    loading={remind.isPending}
                    onClick={() =>
                      void run(async () => {
                        const result = await remind.mutateAsync(data.id);
                        void message.success(t('notices.reminded', { count: result.reminded }));
                      })
                    }
                    data-testid="notice-remind"
                  >
                    {t('notices.remind')}
                  </Button>
                </Flex>
                <Table
                  size="small"
                  rowKey="personId"
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  dataSource={data.receipts}
                  data-testid="notice-receipts"
                  columns={[
                    { title: t('notices.household'), dataIndex: 'householdLabel' },
                    { title: t('notices.person'), dataIndex: 'personName' },
                    {
                      title: t('notices.readAt'),
                      dataIndex: 'readAt',
                      render: (value: string | null) => (value ? <Tag color="green">{formatDateTime(value)}</Tag> : <Tag>{t('notices.unread')}</Tag>),
                    },
                    { title: t('notices.remindedAt'), dataIndex: 'remindedAt', render: (value: string | null) => (value ? formatDateTime(value) : '—') },
                  ]}
                />
              </>
            )}
          </Flex>
        ) : null}
      </ListState>
    </Drawer>
  );
}

/** 通知中心 (提前告知, issue 19 §4): works, fees and seasonal reminders to chosen buildings, with who read them and when. */
export function NoticesPage() {
  const { t } = useTranslation();
  const { projectId } = useProjectScope();
  const manages = useAbility('notice.manage');
  const notices = useNotices(projectId);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t('notices.pageTitle')}
        extra={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="notice-create">
              {t('notices.create')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t('notices.intro')}</Typography.Paragraph>
      <ListState isPending={notices.isPending} error={notices.error} refetch={notices.refetch}>
        <Table<NoticeSummary>
          rowKey="id"
          dataSource={notices.data?.items ?? []}
          locale={{ emptyText: t('notices.empty') }}
          data-testid="notice-list"
          onRow={(record) => ({ onClick: () => setOpenId(record.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('notices.title'), dataIndex: 'title', render: (value: string) => <Typography.Link>{value}</Typography.Link> },
            { title: t('notices.kind'), dataIndex: 'kind', render: (kind: NoticeSummary['kind']) => <Tag>{t(`ownerNotices.kind.${kind}`)}</Tag> },
            { title: t('notices.project'), dataIndex: 'projectName' },
            {
              title: t('notices.status'),
              dataIndex: 'status',
              render: (status: NoticeSummary['status'], record) =>
                status === 'draft' ? <Tag>{t('notices.draft')}</Tag> : <Tag color="blue">{formatDateTime(record.publishedAt ?? record.createdAt)}</Tag>,
            },
            {
              title: t('notices.readRate'),
              key: 'read',
              render: (_: unknown, record) =>
                record.status === 'draft' ? (
                  '—'
                ) : (
                  <span data-testid="notice-row-read">{t('notices.readOf', { read: record.read, delivered: record.delivered })}</span>
                ),
            },
            { title: t('notices.author'), dataIndex: 'createdByName' },
          ]}
        />
      </ListState>
      <CreateNotice open={creating} onClose={() => setCreating(false)} />
      <NoticeReceipts id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
