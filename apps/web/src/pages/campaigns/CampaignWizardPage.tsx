import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { householdStatuses, type HouseholdStatus } from '@manyi/core';
import { Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Steps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  useBuildingsOf,
  useCampaigns,
  useCreateCampaign,
  usePlanPreview,
  type CampaignInput,
  type PreviewInput,
  type Quota,
  type Sampling,
} from '../../api/campaigns';
import { errorMessage } from '../../api/problem';
import { useProjectOptions } from '../../api/projects';
import { useSurvey, useSurveys } from '../../api/surveys';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { showServerErrors } from '../../shared/server-errors';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { PlanPanel } from './PlanPanel';

type Values = {
  surveyId?: string;
  surveyVersion?: number;
  name?: string;
  opensAt?: Dayjs | null;
  closesAt?: Dayjs | null;
  previousCampaignId?: string | null;
  projectIds?: string[];
  buildingIds?: string[];
  householdStatuses?: HouseholdStatus[];
  ownerTags?: string[];
  kind?: Sampling['kind'];
  by?: 'project' | 'building';
  marginPercent?: number;
  confidence?: Extract<Sampling, { kind: 'simple' }>['confidence'];
  responseRatePercent?: number;
  seed?: number | null;
  contactIntervalDays?: number;
  quotas?: Partial<Quota>[];
  reminderIntervalHours?: number;
};

const initialValues: Values = {
  projectIds: [],
  buildingIds: [],
  householdStatuses: [],
  ownerTags: [],
  kind: 'census',
  by: 'project',
  marginPercent: 5,
  confidence: 0.95,
  responseRatePercent: 100,
  contactIntervalDays: 90,
  quotas: [],
  reminderIntervalHours: 48,
};

/** The form's population and sampling fields as the API's preview input. */
function previewOf(values: Values): PreviewInput {
  const plan = {
    marginOfError: (values.marginPercent ?? 5) / 100,
    confidence: values.confidence ?? 0.95,
    expectedResponseRate: (values.responseRatePercent ?? 100) / 100,
  };
  const seed = typeof values.seed === 'number' ? { seed: values.seed } : {};
  const sampling: Sampling =
    values.kind === 'simple'
      ? { kind: 'simple', ...plan, ...seed }
      : values.kind === 'stratified'
        ? { kind: 'stratified', by: values.by ?? 'project', ...plan, ...seed }
        : { kind: 'census' };
  return {
    population: {
      projectIds: values.projectIds ?? [],
      buildingIds: values.buildingIds ?? [],
      householdStatuses: values.householdStatuses ?? [],
      ownerTags: values.ownerTags ?? [],
    },
    sampling,
    contactIntervalDays: values.contactIntervalDays ?? 0,
  };
}

const stepFields: (keyof Values)[][] = [
  ['surveyId', 'surveyVersion', 'name', 'opensAt', 'closesAt', 'previousCampaignId'],
  [
    'projectIds',
    'buildingIds',
    'householdStatuses',
    'ownerTags',
    'kind',
    'by',
    'marginPercent',
    'confidence',
    'responseRatePercent',
    'seed',
    'contactIntervalDays',
  ],
  ['quotas', 'reminderIntervalHours'],
];

/**
 * Create wizard (issue 4 §3): questionnaire and dates, then population and sampling with the plan
 * recomputed live by the server, then quotas and reminders. Creates a draft; launching is on the detail page.
 */
export function CampaignWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useMessage();
  const { options } = useVocabulary();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const values = Form.useWatch([], form) ?? initialValues;
  const surveys = useSurveys();
  const survey = useSurvey(values.surveyId);
  const campaigns = useCampaigns();
  const projects = useProjectOptions();
  const chosenProjects = values.projectIds?.length ? values.projectIds : (projects.data ?? []).map((project) => project.id);
  const buildings = useBuildingsOf(chosenProjects);
  const projectName = useMemo(() => new Map((projects.data ?? []).map((project) => [project.id, project.name])), [projects.data]);
  // Recomputed by the server a moment after the user stops typing; the JSON string keeps the debounce stable across renders.
  const previewJson = useDebouncedValue(step >= 1 ? JSON.stringify(previewOf(values)) : null, 400);
  const preview = usePlanPreview(previewJson === null ? null : (JSON.parse(previewJson) as PreviewInput));
  const create = useCreateCampaign();

  const kind = values.kind ?? 'census';
  const previousOptions = (campaigns.data?.items ?? [])
    .filter((campaign) => campaign.surveyId === values.surveyId)
    .map((campaign) => ({ value: campaign.id, label: `${campaign.name}(${campaign.surveyName})` }));

  const next = async () => {
    await form.validateFields(stepFields[step]);
    setStep(step + 1);
  };

  const submit = async () => {
    const all = await form.validateFields();
    const input: CampaignInput = {
      ...previewOf(all),
      surveyId: all.surveyId!,
      surveyVersion: all.surveyVersion!,
      name: all.name!,
      opensAt: all.opensAt ? all.opensAt.toISOString() : null,
      closesAt: all.closesAt ? all.closesAt.toISOString() : null,
      previousCampaignId: all.previousCampaignId ?? null,
      quotas: (all.quotas ?? []).filter((quota): quota is Quota => Boolean(quota.level && quota.id && quota.maxCompleted)),
      reminderIntervalHours: all.reminderIntervalHours ?? 48,
    };
    try {
      const campaign = await create.mutateAsync(input);
      void message.success(t('campaigns.created'));
      navigate(`/campaigns/${campaign.id}`);
    } catch (error) {
      showServerErrors(error, form, (text) => void message.error(text), t('common.requestFailed'));
    }
  };

  const projectOptions = (projects.data ?? []).map((project) => ({ value: project.id, label: project.name }));
  const buildingOptions = buildings.map((building) => ({ value: building.id, label: `${projectName.get(building.projectId) ?? ''} · ${building.name}` }));
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  return (
    <>
      <PageHeader title={t('campaigns.create')} extra={<Button onClick={() => navigate('/campaigns')}>{t('common.back')}</Button>} />
      <Steps
        current={step}
        items={[{ title: t('campaigns.steps.basics') }, { title: t('campaigns.steps.population') }, { title: t('campaigns.steps.rules') }]}
        style={{ marginBottom: 24 }}
      />
      <Row gutter={24}>
        <Col xs={24} lg={step === 0 ? 16 : 12}>
          <Form form={form} layout="vertical" initialValues={initialValues} data-testid="campaign-form">
            <div hidden={step !== 0}>
              <Form.Item name="surveyId" label={t('campaigns.survey')} rules={required(t('campaigns.survey'))}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={surveys.isPending}
                  options={(surveys.data?.items ?? []).filter((item) => item.status !== 'archived').map((item) => ({ value: item.id, label: item.name }))}
                  onChange={(id: string) =>
                    form.setFieldsValue({ surveyVersion: surveys.data?.items.find((item) => item.id === id)?.currentVersion, previousCampaignId: null })
                  }
                  data-testid="campaign-survey"
                />
              </Form.Item>
              <Form.Item name="surveyVersion" label={t('campaigns.version')} rules={required(t('campaigns.version'))}>
                <Select
                  options={(survey.data?.versions ?? []).map((version) => ({
                    value: version.version,
                    label: `${t('campaigns.versionOption', { version: version.version })}${version.frozenAt ? t('campaigns.versionFrozen') : ''}`,
                  }))}
                  data-testid="campaign-version"
                />
              </Form.Item>
              <Form.Item name="name" label={t('campaigns.name')} rules={[...required(t('campaigns.name')), { max: 100 }]}>
                <Input maxLength={100} data-testid="campaign-name" />
              </Form.Item>
              <Space wrap>
                <Form.Item name="opensAt" label={t('campaigns.opensAt')}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
                <Form.Item
                  name="closesAt"
                  label={t('campaigns.closesAt')}
                  dependencies={['opensAt']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_rule, value: Dayjs | null | undefined) => {
                        const opens = getFieldValue('opensAt') as Dayjs | null | undefined;
                        return !value || !opens || value.isAfter(opens) ? Promise.resolve() : Promise.reject(new Error(t('campaigns.closesAt')));
                      },
                    }),
                  ]}
                >
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
              </Space>
              <Form.Item name="previousCampaignId" label={t('campaigns.previous')} extra={t('campaigns.previousHint')}>
                <Select allowClear options={previousOptions} />
              </Form.Item>
            </div>

            <div hidden={step !== 1}>
              <Form.Item name="projectIds" label={t('campaigns.projects')}>
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('campaigns.allProjects')}
                  options={projectOptions}
                  optionFilterProp="label"
                  data-testid="campaign-projects"
                />
              </Form.Item>
              <Form.Item name="buildingIds" label={t('campaigns.buildings')}>
                <Select mode="multiple" allowClear placeholder={t('campaigns.allBuildings')} options={buildingOptions} optionFilterProp="label" />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name="householdStatuses" label={t('campaigns.householdStatuses')}>
                  <Select mode="multiple" allowClear placeholder={t('campaigns.anyStatus')} options={options(householdStatuses)} style={{ minWidth: 200 }} />
                </Form.Item>
                <Form.Item name="ownerTags" label={t('campaigns.ownerTags')} extra={t('campaigns.ownerTagsHint')}>
                  <Select mode="tags" allowClear style={{ minWidth: 240 }} />
                </Form.Item>
              </Space>
              <Form.Item name="kind" label={t('campaigns.sampling')}>
                <Radio.Group
                  optionType="button"
                  options={(['census', 'simple', 'stratified'] as const).map((value) => ({ value, label: t(`campaigns.kinds.${value}`) }))}
                  data-testid="campaign-kind"
                />
              </Form.Item>
              {kind === 'stratified' ? (
                <Form.Item name="by" label={t('campaigns.stratifyBy')}>
                  <Radio.Group
                    options={[
                      { value: 'project', label: t('campaigns.byProject') },
                      { value: 'building', label: t('campaigns.byBuilding') },
                    ]}
                  />
                </Form.Item>
              ) : null}
              {kind !== 'census' ? (
                <Space wrap align="start">
                  <Form.Item name="marginPercent" label={t('campaigns.margin')} extra={t('campaigns.marginHint')} rules={[{ type: 'number', min: 1, max: 20 }]}>
                    <InputNumber min={1} max={20} step={0.5} suffix="%" data-testid="campaign-margin" />
                  </Form.Item>
                  <Form.Item name="confidence" label={t('campaigns.confidence')}>
                    <Select style={{ width: 110 }} options={[0.9, 0.95, 0.99].map((value) => ({ value, label: `${value * 100}%` }))} />
                  </Form.Item>
                  <Form.Item
                    name="responseRatePercent"
                    label={t('campaigns.expectedResponseRate')}
                    extra={t('campaigns.expectedResponseRateHint')}
                    rules={[{ type: 'number', min: 5, max: 100 }]}
                  >
                    <InputNumber min={5} max={100} suffix="%" />
                  </Form.Item>
                  <Form.Item name="seed" label={t('campaigns.seed')} extra={t('campaigns.seedHint')}>
                    <InputNumber min={0} max={2_147_483_647} precision={0} style={{ width: 160 }} />
                  </Form.Item>
                </Space>
              ) : null}
              <Form.Item
                name="contactIntervalDays"
                label={t('campaigns.contactInterval')}
                extra={t('campaigns.contactIntervalHint')}
                rules={[{ type: 'number', min: 0, max: 730 }]}
              >
                <InputNumber min={0} max={730} precision={0} data-testid="campaign-contact-interval" />
              </Form.Item>
            </div>

            <div hidden={step !== 2}>
              <Form.Item label={t('campaigns.quotas')} extra={t('campaigns.quotasHint')}>
                <Form.List name="quotas">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Form.Item name={[field.name, 'level']} noStyle rules={[{ required: true }]}>
                            <Select
                              style={{ width: 100 }}
                              placeholder={t('campaigns.quotaLevel')}
                              options={[
                                { value: 'project', label: t('campaigns.byProject') },
                                { value: 'building', label: t('campaigns.byBuilding') },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item noStyle dependencies={[['quotas', field.name, 'level']]}>
                            {() => (
                              <Form.Item name={[field.name, 'id']} noStyle rules={[{ required: true }]}>
                                <Select
                                  showSearch
                                  optionFilterProp="label"
                                  style={{ width: 240 }}
                                  placeholder={t('campaigns.quotaTarget')}
                                  options={form.getFieldValue(['quotas', field.name, 'level']) === 'building' ? buildingOptions : projectOptions}
                                />
                              </Form.Item>
                            )}
                          </Form.Item>
                          <Form.Item name={[field.name, 'maxCompleted']} noStyle rules={[{ required: true }]}>
                            <InputNumber min={1} precision={0} placeholder={t('campaigns.quotaMax')} style={{ width: 150 }} />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                        </Space>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 'building' })} style={{ width: 200 }}>
                        {t('campaigns.addQuota')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
              <Form.Item
                name="reminderIntervalHours"
                label={t('campaigns.reminderInterval')}
                extra={t('campaigns.reminderIntervalHint')}
                rules={[{ type: 'number', min: 1, max: 720 }]}
              >
                <InputNumber min={1} max={720} precision={0} />
              </Form.Item>
            </div>
          </Form>
          <Flex gap={8} style={{ marginTop: 8 }}>
            {step > 0 ? <Button onClick={() => setStep(step - 1)}>{t('campaigns.previousStep')}</Button> : null}
            {step < 2 ? (
              <Button type="primary" onClick={() => void next()} data-testid="campaign-next">
                {t('campaigns.next')}
              </Button>
            ) : null}
            {step === 2 ? (
              <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="campaign-submit">
                {t('campaigns.submit')}
              </Button>
            ) : null}
          </Flex>
        </Col>
        {step >= 1 ? (
          <Col xs={24} lg={12}>
            <Card size="small" variant="borderless" style={{ position: 'sticky', top: 16 }}>
              <PlanPanel
                plan={preview.data}
                loading={preview.isFetching}
                error={preview.error ? errorMessage(preview.error, t('common.requestFailed')) : null}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
