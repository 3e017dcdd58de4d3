import { periodOf, periodsUpTo } from '@manyi/core';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, InputNumber, List, Modal, Row, Select, Space, Statistic, Typography } from 'antd';
import { LineChart } from 'echarts/charts';
import { use as registerCharts } from 'echarts/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useGapWorkspace, useSaveGapQuestionnaire, useSaveGapSwot, type GapCard, type GapWorkspace } from '../../api/gaps';
import { errorMessage } from '../../api/problem';
import { useProjectOptions } from '../../api/projects';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpin } from '../../shared/PageSpin';
import { formatDate, formatDateTime } from '../../shared/time';
import { EChart } from '../service-desk/EChart';
import { labelledGrid } from '../../shared/chart-layout';

// The trend is a line over quarters; the shared wrapper registers bars only.
registerCharts([LineChart]);

const swotFields = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
const missingReasons = ['no_wave', 'no_servqual', 'no_questionnaire', 'no_checks', 'no_promises'] as const;
const missingReason = (value: string | null) => missingReasons.find((reason) => reason === value) ?? 'no_checks';
type SwotValues = Record<(typeof swotFields)[number], string>;

function SwotEditor({ workspace, card }: { workspace: GapWorkspace; card: GapCard }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveGapSwot();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SwotValues>();
  const swot = card.swot;
  return (
    <div data-testid={`gap-swot-${card.gap}`}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('gaps.swot.title')}</Typography.Text>
        {workspace.canWrite ? (
          <Button size="small" onClick={() => setOpen(true)} data-testid={`gap-swot-edit-${card.gap}`}>
            {swot ? t('gaps.swot.edit') : t('gaps.swot.write')}
          </Button>
        ) : null}
      </Flex>
      {swot ? (
        <>
          <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
            {swotFields.map((field) => (
              <Descriptions.Item key={field} label={t(`gaps.swot.${field}`)}>
                {swot[field] || '—'}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('gaps.swot.by', { name: swot.updatedByName, at: formatDateTime(swot.updatedAt) })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('gaps.swot.empty')}
        </Typography.Paragraph>
      )}
      <Modal
        open={open}
        title={`${t(`gaps.names.${card.gap}`)} · ${t('gaps.swot.title')}`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('gaps.swot.save')}
        okButtonProps={{ 'data-testid': 'gap-swot-save' } as Record<`data-${string}`, string>}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={swot ? Object.fromEntries(swotFields.map((field) => [field, swot[field]])) : {}}
          onFinish={(values) =>
            save.mutate(
              { projectId: workspace.projectId, period: workspace.period, gap: card.gap, ...values },
              {
                onSuccess: () => {
                  message.success(t('gaps.swot.saved'));
                  setOpen(false);
                },
                onError: (error) => message.error(errorMessage(error, t('gaps.error'))),
              },
            )
          }
        >
          {swotFields.map((field) => (
            <Form.Item key={field} name={field} label={t(`gaps.swot.${field}`)}>
              <Input.TextArea rows={2} maxLength={2000} data-testid={`gap-swot-${field}`} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </div>
  );
}

function GapCardView({ workspace, card }: { workspace: GapWorkspace; card: GapCard }) {
  const { t } = useTranslation();
  const unit = t(`gaps.units.${card.unit}`);
  const figures = Object.entries(card.figures).filter(([, value]) => value !== null);
  return (
    <Card title={t(`gaps.names.${card.gap}`)} data-testid={`gap-card-${card.gap}`} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(`gaps.descriptions.${card.gap}`)}
      </Typography.Paragraph>
      {card.size === null ? (
        <Alert type="info" showIcon message={t(`gaps.missing.${missingReason(card.missing)}`)} data-testid={`gap-missing-${card.gap}`} />
      ) : (
        <Statistic value={card.size} precision={card.unit === 'count' ? 0 : 2} suffix={unit} data-testid={`gap-size-${card.gap}`} />
      )}
      {figures.length > 0 ? (
        <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
          {figures.map(([name, value]) => (
            <Descriptions.Item key={name} label={t(`gaps.figures.${name}`, { defaultValue: name })}>
              {value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
      <Typography.Text type="secondary">{t('gaps.trend')}</Typography.Text>
      <EChart
        testId={`gap-trend-${card.gap}`}
        height={140}
        option={{
          grid: labelledGrid({ right: 12, top: 12 }),
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: card.trend.map((point) => point.period) },
          yAxis: { type: 'value' },
          series: [{ type: 'line', data: card.trend.map((point) => point.size), connectNulls: false, name: unit }],
        }}
      />
      <Typography.Text strong>{t('gaps.evidence', { count: card.evidenceTotal })}</Typography.Text>
      <List
        size="small"
        data-testid={`gap-evidence-${card.gap}`}
        locale={{ emptyText: t('gaps.noEvidence') }}
        dataSource={card.evidence.slice(0, 8)}
        renderItem={(item) => (
          <List.Item extra={item.link ? <Link to={item.link}>{t('gaps.open')}</Link> : null}>
            <List.Item.Meta
              title={item.title}
              description={
                <>
                  {item.detail}
                  {item.at ? ` · ${formatDate(item.at)}` : ''}
                </>
              }
            />
          </List.Item>
        )}
      />
      {card.evidenceTotal > 8 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('gaps.evidenceMore', { total: card.evidenceTotal, shown: Math.min(8, card.evidence.length) })}
        </Typography.Text>
      ) : null}
      <div style={{ marginTop: 12 }}>
        <SwotEditor workspace={workspace} card={card} />
      </div>
    </Card>
  );
}

function Questionnaire({ workspace }: { workspace: GapWorkspace }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const save = useSaveGapQuestionnaire();
  const [form] = Form.useForm<Record<string, number>>();
  useEffect(() => {
    form.setFieldsValue(workspace.questionnaire.mine ?? {});
  }, [form, workspace.questionnaire.mine]);
  return (
    <Card title={t('gaps.questionnaire.title')} data-testid="gap-questionnaire">
      <Typography.Paragraph type="secondary">{t('gaps.questionnaire.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        disabled={!workspace.canWrite}
        onFinish={(values) =>
          save.mutate(
            { projectId: workspace.projectId, period: workspace.period, answers: values },
            {
              onSuccess: () => message.success(t('gaps.questionnaire.saved')),
              onError: (error) => message.error(errorMessage(error, t('gaps.error'))),
            },
          )
        }
      >
        {workspace.questionnaire.dimensions.map((dimension) => (
          <Form.Item
            key={dimension.code}
            name={dimension.code}
            label={text({ 'zh-CN': dimension.name['zh-CN'], 'en-US': dimension.name['en-US'] ?? dimension.name['zh-CN'] })}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={7} step={0.5} style={{ width: 80 }} data-testid={`gap-expect-${dimension.code}`} />
          </Form.Item>
        ))}
        {workspace.canWrite ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="gap-questionnaire-save">
            {t('gaps.questionnaire.save')}
          </Button>
        ) : null}
      </Form>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('gaps.questionnaire.respondents', { count: workspace.questionnaire.respondents })}
        {workspace.questionnaire.mine ? ` · ${t('gaps.questionnaire.answered')}` : ''}
      </Typography.Text>
    </Card>
  );
}

/** 5-GAP 工作台 (issue 18 §2, seed 001 第四讲): the five gaps of a project and quarter, with trend, records and SWOT. */
export function GapsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const projects = useProjectOptions();
  const current = periodOf(new Date());
  const projectId = params.get('projectId') ?? projects.data?.[0]?.id;
  const requested = params.get('period');
  const periods = periodsUpTo(current, 8).reverse();
  const period = requested && periods.includes(requested) ? requested : current;
  const workspace = useGapWorkspace(projectId, period);
  const choose = (changes: Record<string, string>) => setParams({ ...(projectId ? { projectId } : {}), period, ...changes });
  return (
    <>
      <PageHeader
        title={t('gaps.title')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 200 }}
              placeholder={t('gaps.chooseProject')}
              value={projectId}
              loading={projects.isLoading}
              options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
              onChange={(value: string) => choose({ projectId: value })}
              data-testid="gap-project"
            />
            <Select
              style={{ width: 120 }}
              value={period}
              options={periods.map((value) => ({ value, label: value }))}
              onChange={(value: string) => choose({ period: value })}
              data-testid="gap-period"
            />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('gaps.intro')}</Typography.Paragraph>
      {!projectId && !projects.isLoading ? <Empty description={t('gaps.chooseProject')} /> : null}
      {workspace.isLoading ? <PageSpin minHeight={240} /> : null}
      {workspace.isError ? <Alert type="error" showIcon message={errorMessage(workspace.error, t('gaps.error'))} /> : null}
      {workspace.data ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {workspace.data.wave ? (
            <Alert
              type="success"
              data-testid="gap-wave"
              message={t('gaps.wave', { name: workspace.data.wave.name, responses: workspace.data.wave.responses, date: formatDate(workspace.data.wave.at) })}
            />
          ) : (
            <Alert type="warning" showIcon message={t('gaps.noWave')} />
          )}
          <Row gutter={[16, 16]}>
            {workspace.data.gaps.map((card) => (
              <Col key={card.gap} xs={24} lg={12} xxl={8}>
                <GapCardView workspace={workspace.data} card={card} />
              </Col>
            ))}
          </Row>
          <Questionnaire workspace={workspace.data} />
        </Space>
      ) : null}
    </>
  );
}
