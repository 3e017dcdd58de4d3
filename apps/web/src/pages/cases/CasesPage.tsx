import { caseOutcomes, discStyles } from '@manyi/core';
import { Button, Drawer, Flex, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import { useCases, useEditCase, useFlagCase, usePublishCase, type CaseFilters, type CaseRecord } from '../../api/cases';
import { ApiError, errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/time';
import { CategoryCascader } from '../service-desk/CategoryCascader';

const redLines = ['impatient', 'refusing', 'doubting', 'casual', 'shirking'] as const;
const clearKeys = ['control', 'listen', 'establish', 'apologize', 'resolve'] as const;
const textFields = ['background', 'cause', 'ownerWords', 'recovery', 'result', 'lesson'] as const;

type CaseForm = Pick<CaseRecord, 'title' | 'content' | 'redLines' | 'discStyle'>;

function CaseDrawer({ record, onClose }: { record: CaseRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const navigate = useNavigate();
  const message = useMessage();
  const edits = useAbility('case.edit');
  const edit = useEditCase();
  const publish = usePublishCase();
  const flag = useFlagCase();
  const [form] = Form.useForm<CaseForm>();
  const [current, setCurrent] = useState<CaseRecord | null>(record);
  if (record && current?.id !== record.id) setCurrent(record);
  const shown = current ?? record;
  const editable = edits && shown?.status === 'draft';

  const fail = (error: unknown) => {
    const fields = error instanceof ApiError ? error.fieldErrors.filter((field) => field.field.startsWith('content.')) : [];
    if (fields.length > 0) form.setFields(fields.map((field) => ({ name: field.field.split('.') as ['content', 'cause'], errors: [field.message] })));
    void message.error(errorMessage(error, t('common.requestFailed')));
  };
  const save = async () => {
    if (!shown) return null;
    const values = await form.validateFields();
    const saved = await edit.mutateAsync({ id: shown.id, patch: values });
    setCurrent(saved);
    return saved;
  };
  const onSave = () =>
    void save()
      .then((saved) => (saved ? message.success(t('cases.saved')) : undefined))
      .catch(fail);
  const onPublish = () =>
    void save()
      .then(async (saved) => {
        if (!saved) return;
        setCurrent(await publish.mutateAsync(saved.id));
        void message.success(t('cases.publishedOk'));
      })
      .catch(fail);

  return (
    <Drawer
      open={record !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={shown?.title}
      extra={
        shown ? (
          <Space>
            {edits ? (
              <Space size={4}>
                <Switch
                  checked={shown.meetingFlaggedAt !== null}
                  loading={flag.isPending}
                  onChange={(flagged) => void flag.mutateAsync({ id: shown.id, flagged }).then(setCurrent).catch(fail)}
                  data-testid="case-meeting"
                />
                <span>{t('cases.meeting')}</span>
              </Space>
            ) : null}
            {shown.drillKey ? (
              <Button onClick={() => void navigate(`/training/drills/${shown.drillKey}`)} data-testid="case-drill">
                {t('cases.practise')}
              </Button>
            ) : null}
            {editable ? (
              <>
                <Button onClick={onSave} loading={edit.isPending} data-testid="case-save">
                  {t('cases.save')}
                </Button>
                <Button type="primary" onClick={onPublish} loading={publish.isPending} data-testid="case-publish">
                  {t('cases.publish')}
                </Button>
              </>
            ) : null}
          </Space>
        ) : null
      }
    >
      {shown ? (
        <Flex vertical gap={12} data-testid="case-detail">
          <Space wrap>
            <Tag color={shown.status === 'published' ? 'green' : 'default'} data-testid="case-status">
              {t(`cases.status.${shown.status}`)}
            </Tag>
            <Tag>{shown.projectName}</Tag>
            <Tag>{shown.ticketNumber}</Tag>
            <Tag>{label(caseOutcomes, shown.outcome)}</Tag>
          </Space>
          <Form
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={{ title: shown.title, content: shown.content, redLines: shown.redLines, discStyle: shown.discStyle }}
            key={`${shown.id}-${shown.status}`}
          >
            <Form.Item name="title" label={t('cases.title')} rules={[{ required: true, whitespace: true, max: 80 }]}>
              <Input />
            </Form.Item>
            <Space wrap style={{ width: '100%' }}>
              <Form.Item name="redLines" label={t('cases.redLines')} style={{ minWidth: 280 }}>
                <Select mode="multiple" options={redLines.map((code) => ({ value: code, label: t(`cases.redLine.${code}`) }))} />
              </Form.Item>
              <Form.Item name="discStyle" label={t('cases.disc')} style={{ minWidth: 200 }}>
                <Select allowClear options={options(discStyles)} />
              </Form.Item>
            </Space>
            {textFields.slice(0, 3).map((field) => (
              <Form.Item key={field} name={['content', field]} label={t(`cases.field.${field}`)}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid={`case-${field}`} />
              </Form.Item>
            ))}
            <Typography.Text strong>{t('cases.clear')}</Typography.Text>
            {clearKeys.map((step) => (
              <Form.Item key={step} name={['content', 'clear', step]} label={t(`cases.step.${step}`)}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
              </Form.Item>
            ))}
            {textFields.slice(3).map((field) => (
              <Form.Item key={field} name={['content', field]} label={t(`cases.field.${field}`)}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid={`case-${field}`} />
              </Form.Item>
            ))}
          </Form>
        </Flex>
      ) : null}
    </Drawer>
  );
}

/** 案例金典 (issue 18 §6): cases drafted from closed complaints, searched, edited, published, practised, taken to the weekly meeting. */
export function CasesPage() {
  const { t } = useTranslation();
  const { label, options, text } = useVocabulary();
  const { projectId } = useProjectScope();
  const edits = useAbility('case.edit');
  const [filters, setFilters] = useState<CaseFilters>({});
  const cases = useCases({ ...filters, projectId });
  const [open, setOpen] = useState<CaseRecord | null>(null);
  const set = (patch: Partial<CaseFilters>) => setFilters((previous) => ({ ...previous, ...patch }));
  return (
    <>
      <PageHeader title={t('cases.pageTitle')} />
      <Typography.Paragraph type="secondary">{t('cases.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('cases.search')}
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q || undefined })}
          data-testid="case-search"
        />
        {edits ? (
          <Select
            allowClear
            placeholder={t('cases.statusFilter')}
            style={{ width: 120 }}
            options={(['draft', 'published'] as const).map((value) => ({ value, label: t(`cases.status.${value}`) }))}
            onChange={(status?: 'draft' | 'published') => set({ status })}
            data-testid="case-status-filter"
          />
        ) : null}
        <CategoryCascader
          value={filters.category}
          onChange={(category) => set({ category })}
          placeholder={t('cases.category')}
          width={180}
          testId="case-category-filter"
        />
        <Select
          allowClear
          placeholder={t('cases.redLines')}
          style={{ width: 140 }}
          options={redLines.map((code) => ({ value: code, label: t(`cases.redLine.${code}`) }))}
          onChange={(redLine?: (typeof redLines)[number]) => set({ redLine })}
        />
        <Select
          allowClear
          placeholder={t('cases.disc')}
          style={{ width: 140 }}
          options={options(discStyles)}
          onChange={(disc?: CaseFilters['disc']) => set({ disc })}
        />
        <Select
          allowClear
          placeholder={t('cases.outcome')}
          style={{ width: 160 }}
          options={options(caseOutcomes)}
          onChange={(outcome?: CaseFilters['outcome']) => set({ outcome })}
        />
        <Space size={4}>
          <Switch size="small" onChange={(on) => set({ meeting: on ? 'yes' : undefined })} />
          <span>{t('cases.meetingOnly')}</span>
        </Space>
      </Flex>
      <ListState isPending={cases.isPending} error={cases.error} refetch={cases.refetch}>
        <Table<CaseRecord>
          rowKey="id"
          data-testid="case-list"
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: t('cases.empty') }}
          onRow={(record) => ({ onClick: () => setOpen(record), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('cases.title'), dataIndex: 'title', render: (value: string) => <Typography.Link>{value}</Typography.Link> },
            {
              title: t('cases.statusFilter'),
              dataIndex: 'status',
              render: (status: CaseRecord['status'], record) => (
                <Space size={4}>
                  <Tag color={status === 'published' ? 'green' : 'default'}>{t(`cases.status.${status}`)}</Tag>
                  {record.meetingFlaggedAt ? <Tag color="purple">{t('cases.meeting')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('cases.project'), dataIndex: 'projectName' },
            { title: t('cases.category'), render: (_, row) => (row.categoryName ? text(row.categoryName) : (row.categoryCode ?? '—')) },
            {
              title: t('cases.redLines'),
              dataIndex: 'redLines',
              render: (value: CaseRecord['redLines']) =>
                value.map((code) => (
                  <Tag key={code} color="red">
                    {t(`cases.redLine.${code}`)}
                  </Tag>
                )),
            },
            { title: t('cases.disc'), dataIndex: 'discStyle', render: (value: CaseRecord['discStyle']) => label(discStyles, value) },
            { title: t('cases.outcome'), dataIndex: 'outcome', render: (value: CaseRecord['outcome']) => label(caseOutcomes, value) },
            { title: t('cases.created'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
          ]}
        />
      </ListState>
      <CaseDrawer record={open} onClose={() => setOpen(null)} />
    </>
  );
}
