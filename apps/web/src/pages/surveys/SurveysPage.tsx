import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateSurvey, useSurveys, useSurveyTemplates, type SurveySummary, type SurveyTemplateName } from '../../api/surveys';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { showServerErrors } from '../../shared/server-errors';
import { useCanDesign } from './can-design';
import { formatDateTime } from '../../shared/time';
import { textLimits } from '@manyi/contracts/limits';
import { surveyCreate } from '@manyi/contracts/surveys';

type CreateForm = { name: string; template: SurveyTemplateName | 'blank' };

/** 问卷: the company's questionnaires, and a new one from a built-in template or blank. */
export function SurveysPage() {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const navigate = useNavigate();
  const message = useMessage();
  const surveys = useSurveys();
  const templates = useSurveyTemplates();
  const create = useCreateSurvey();
  const canDesign = useCanDesign();
  const [form] = Form.useForm<CreateForm>();
  const [open, setOpen] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const input =
        values.template === 'blank'
          ? {
              name: values.name.trim(),
              definition: {
                title: { 'zh-CN': values.name.trim() },
                questions: [
                  {
                    key: 'overall',
                    type: 'satisfaction' as const,
                    required: true,
                    overall: true,
                    allowNotExperienced: false,
                    title: { 'zh-CN': '总体而言，您对物业服务满意吗？', 'en-US': 'Overall, how satisfied are you with the property service?' },
                  },
                ],
              },
            }
          : { name: values.name.trim(), templateName: values.template };
      const survey = await create.mutateAsync(input);
      setOpen(false);
      navigate(`/surveys/${survey.id}`);
    } catch (error) {
      showServerErrors(error, form, (content) => void message.error(content), t('common.requestFailed'));
    }
  };

  const columns: ColumnsType<SurveySummary> = [
    { title: t('surveyDesign.name'), dataIndex: 'name', render: (name: string, survey) => <Link to={`/surveys/${survey.id}`}>{name}</Link> },
    {
      title: t('surveyDesign.statusLabel'),
      dataIndex: 'status',
      width: 110,
      render: (status: SurveySummary['status']) => <Tag>{t(`surveyDesign.status.${status}`)}</Tag>,
    },
    {
      title: t('surveyDesign.template'),
      dataIndex: 'templateCode',
      width: 200,
      render: (code: string | null) => (code ? t(`surveyDesign.templates.${code}`, { defaultValue: code }) : t('surveyDesign.blank')),
    },
    {
      title: t('surveyDesign.items'),
      dataIndex: 'itemCount',
      width: 90,
      render: (count: number) => <Typography.Text type={count > 15 ? 'warning' : undefined}>{count}</Typography.Text>,
    },
    { title: t('surveyDesign.versionLabel'), dataIndex: 'currentVersion', width: 80 },
    { title: t('surveyDesign.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (value: string) => formatDateTime(value) },
  ];

  return (
    <>
      <PageHeader
        title={t('surveyDesign.title')}
        extra={
          <Space>
            <Button onClick={() => navigate('/indicator-systems')}>{t('nav.indicatorSystems')}</Button>
            {canDesign && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="survey-create"
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({ template: 'servqual-property' });
                  setOpen(true);
                }}
              >
                {t('surveyDesign.create')}
              </Button>
            )}
          </Space>
        }
      />
      <ListState isPending={surveys.isPending} error={surveys.error} refetch={surveys.refetch}>
        <Table<SurveySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={surveys.data?.items ?? []}
          pagination={false}
          data-testid="survey-table"
          locale={{ emptyText: <ListEmpty description={t('surveyDesign.empty')} /> }}
        />
      </ListState>
      <Modal
        open={open}
        title={t('surveyDesign.create')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'survey-create-ok' } as Record<`data-${string}`, string>}
        width={640}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('surveyDesign.name')} rules={[{ required: true, whitespace: true, max: textLimits(surveyCreate, 'name').max }]}>
            <Input data-testid="survey-create-name" />
          </Form.Item>
          <Form.Item name="template" label={t('surveyDesign.template')} rules={[{ required: true }]}>
            <Radio.Group style={{ width: '100%' }}>
              <Space direction="vertical">
                {(templates.data?.items ?? []).map((template) => (
                  <Radio key={template.name} value={template.name} data-testid={`template-${template.name}`}>
                    <Typography.Text strong>
                      {text({ 'zh-CN': template.title['zh-CN'], 'en-US': template.title['en-US'] ?? template.title['zh-CN'] })}
                    </Typography.Text>
                    <Typography.Text type="secondary"> · {t('surveyDesign.itemsCount', { count: template.itemCount })}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {text({ 'zh-CN': template.description['zh-CN'], 'en-US': template.description['en-US'] ?? template.description['zh-CN'] })}
                      </Typography.Text>
                    </div>
                  </Radio>
                ))}
                <Radio value="blank" data-testid="template-blank">
                  {t('surveyDesign.blank')}
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
