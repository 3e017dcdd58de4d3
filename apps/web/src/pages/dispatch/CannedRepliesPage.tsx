import { PlusOutlined } from '@ant-design/icons';
import { ticketTypes, type TicketType } from '@manyi/core';
import { Button, Form, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteCannedReply, useSaveCannedReply } from '../../api/dispatch';
import type { CannedReply } from '../../api/ticket-types';
import { useCannedReplies } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { FormDrawer } from '../../shared/FormDrawer';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { RowActions } from '../../shared/RowActions';
import { useSaveForm } from '../../shared/useSaveForm';
import { textLimits } from '@manyi/contracts/limits';
import { cannedReplyBody } from '@manyi/contracts/canned-replies';
import { FieldRedLineHint } from '../text-qa/FieldRedLineHint';

type ReplyForm = { ticketType: TicketType | null; title: string; body: string };

/** Management → 常用话术: the replies stewards insert into notes and owner updates. */
export function CannedRepliesPage() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const replies = useCannedReplies(undefined);
  const save = useSaveCannedReply();
  const remove = useDeleteCannedReply();
  const [form] = Form.useForm<ReplyForm>();
  const [editing, setEditing] = useState<CannedReply | null | undefined>(undefined);

  const openDrawer = (reply: CannedReply | null) => {
    form.resetFields();
    form.setFieldsValue(reply ? { ticketType: reply.ticketType, title: reply.title, body: reply.body } : { ticketType: null, title: '', body: '' });
    setEditing(reply);
  };
  const submit = useSaveForm(form, {
    save: (values) =>
      save.mutateAsync({ id: editing?.id, input: { ticketType: values.ticketType ?? null, title: values.title.trim(), body: values.body.trim() } }),
    onSaved: () => setEditing(undefined),
  });

  const columns: ColumnsType<CannedReply> = [
    {
      title: t('serviceDesk.type'),
      dataIndex: 'ticketType',
      width: 110,
      render: (value: TicketType | null) => (value ? label(ticketTypes, value) : t('cannedReplies.anyType')),
    },
    { title: t('cannedReplies.titleLabel'), dataIndex: 'title', width: 200 },
    {
      title: t('cannedReplies.body'),
      dataIndex: 'body',
      render: (body: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {body}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_value, reply) => (
        <RowActions
          name={reply.title}
          onEdit={() => openDrawer(reply)}
          onDelete={() => remove.mutateAsync(reply.id)}
          editTestId="canned-edit"
          deleteTestId="canned-delete"
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('cannedReplies.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)} data-testid="canned-create">
            {t('cannedReplies.create')}
          </Button>
        }
      />
      <ListState isPending={replies.isPending} error={replies.error} refetch={replies.refetch}>
        <Table<CannedReply>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={replies.data?.items ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <ListEmpty description={t('cannedReplies.empty')} /> }}
          data-testid="canned-table"
        />
      </ListState>
      <FormDrawer
        title={editing ? t('cannedReplies.edit') : t('cannedReplies.create')}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        saving={save.isPending}
        onSubmit={submit}
        saveTestId="canned-save"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="ticketType" label={t('serviceDesk.type')}>
            <Select options={[{ value: null, label: t('cannedReplies.anyType') }, ...options(ticketTypes)]} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('cannedReplies.titleLabel')}
            rules={[{ required: true, whitespace: true, max: textLimits(cannedReplyBody, 'title').max }]}
          >
            <Input data-testid="canned-title" />
          </Form.Item>
          <Form.Item name="body" label={t('cannedReplies.body')} rules={[{ required: true, whitespace: true, max: textLimits(cannedReplyBody, 'body').max }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} showCount maxLength={textLimits(cannedReplyBody, 'body').max} data-testid="canned-body" />
          </Form.Item>
          <FieldRedLineHint name="body" />
        </Form>
      </FormDrawer>
    </>
  );
}
