import { PlusOutlined } from '@ant-design/icons';
import { projectTypes, type ProjectType } from '@manyi/core';
import { Button, Card, Col, Empty, Flex, Form, Input, Modal, Row, Select, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import { useCreateJourney, useJourneys } from '../../api/journeys';
import { errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { DelightLog } from './DelightLog';

type CreateForm = { name: string; projectType: ProjectType; projectId?: string };

function CreateJourney({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const { projects } = useProjectScope();
  const message = useMessage();
  const navigate = useNavigate();
  const create = useCreateJourney();
  const [form] = Form.useForm<CreateForm>();
  const submit = async (values: CreateForm) => {
    try {
      const journey = await create.mutateAsync({ name: values.name, projectType: values.projectType, projectId: values.projectId ?? null });
      onClose();
      navigate(`/experience/journeys/${journey.id}`);
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Modal open={open} title={t('journeys.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ projectType: 'residential' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t('journeys.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input data-testid="journey-name" />
        </Form.Item>
        <Form.Item name="projectType" label={t('journeys.projectType')} rules={[{ required: true }]}>
          <Select options={options(projectTypes)} />
        </Form.Item>
        <Form.Item name="projectId" label={t('journeys.project')}>
          <Select allowClear options={projects.map((project) => ({ value: project.id, label: project.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The journey maps of the company, by project type or project. */
function JourneyList() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const manages = useAbility('journey.manage');
  const journeys = useJourneys();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('journeys.title')}
        extra={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="journey-create">
              {t('journeys.create')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t('journeys.intro')}</Typography.Paragraph>
      <ListState isPending={journeys.isPending} error={journeys.error} refetch={journeys.refetch}>
        {journeys.data?.items.length === 0 ? <Empty description={t('journeys.empty')} /> : null}
        <Row gutter={[16, 16]}>
          {journeys.data?.items.map((journey) => (
            <Col key={journey.id} xs={24} md={12} xl={8}>
              <Link to={`/experience/journeys/${journey.id}`}>
                <Card hoverable title={journey.name}>
                  <Flex wrap gap={6}>
                    <Tag>{label(projectTypes, journey.projectType)}</Tag>
                    {journey.projectName ? <Tag color="blue">{journey.projectName}</Tag> : null}
                    <Tag>{t('journeys.touchpoints', { count: journey.touchpointCount })}</Tag>
                    {journey.publishedNumber ? (
                      <Tag color="green">{t('journeys.published', { number: journey.publishedNumber })}</Tag>
                    ) : (
                      <Tag>{t('journeys.noPublished')}</Tag>
                    )}
                    {journey.latestNumber !== journey.publishedNumber ? (
                      <Tag color="orange">{t('journeys.draft', { number: journey.latestNumber })}</Tag>
                    ) : null}
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </ListState>
      <CreateJourney open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** 体验管理: owner journey maps and the 感动点 log. */
export function JourneysPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  return (
    <Tabs
      activeKey={search.get('tab') ?? 'journeys'}
      onChange={(key) => setSearch({ tab: key }, { replace: true })}
      destroyOnHidden
      items={[
        { key: 'journeys', label: t('journeys.title'), children: <JourneyList /> },
        { key: 'delight', label: t('delight.title'), children: <DelightLog /> },
      ]}
    />
  );
}
