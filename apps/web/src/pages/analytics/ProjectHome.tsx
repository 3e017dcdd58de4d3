import type { TFunction } from 'i18next';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Modal, Row, Select, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportTable } from '../../shared/ExportTable';
import { Link } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import { useProjectHome, useSaveTargets, type HomeFigures, type ProjectHome as ProjectHomeData, type Targets } from '../../api/analytics';
import { useProjectScope } from '../../layout/ProjectScope';
import { fixed, percent, ticketsLink } from './format';
import { RankingCard } from './RankingCard';
import { ReportButtons } from './ReportButtons';

type Line = { key: string; label: string; value: string; target: string; company: string; met: boolean | null };

function lines(t: TFunction, figures: HomeFigures, company: HomeFigures, targets: Targets): Line[] {
  const against = (value: number | null, target: number | null) => (value === null || target === null ? null : value >= target);
  return [
    {
      key: 'satisfaction',
      label: t('analytics.figures.satisfaction'),
      value: percent(figures.satisfaction.rate),
      target: percent(targets.satisfactionRate),
      company: percent(company.satisfaction.rate),
      met: against(figures.satisfaction.rate, targets.satisfactionRate ?? null),
    },
    {
      key: 'nps',
      label: 'NPS',
      value: fixed(figures.nps.score),
      target: fixed(targets.nps),
      company: fixed(company.nps.score),
      met: against(figures.nps.score, targets.nps ?? null),
    },
    {
      key: 'sla',
      label: t('analytics.figures.sla'),
      value: percent(figures.sla.rate),
      target: percent(targets.slaCompliance),
      company: percent(company.sla.rate),
      met: against(figures.sla.rate, targets.slaCompliance ?? null),
    },
    {
      key: 'fee',
      label: t('analytics.figures.fee'),
      value: percent(figures.feeCollection.rate),
      target: percent(targets.feeCollectionRate),
      company: percent(company.feeCollection.rate),
      met: against(figures.feeCollection.rate, targets.feeCollectionRate ?? null),
    },
    {
      key: 'complaints',
      label: t('analytics.figures.complaints'),
      value: fixed(figures.complaints.per1000, 2),
      target: '—',
      company: fixed(company.complaints.per1000, 2),
      met: null,
    },
    {
      key: 'repeat',
      label: t('analytics.figures.repeat'),
      value: percent(figures.repeatComplaints.rate),
      target: '—',
      company: percent(company.repeatComplaints.rate),
      met: null,
    },
  ];
}

function TargetsButton({ data }: { data: ProjectHomeData }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const save = useSaveTargets(data.project.id);
  const [form] = Form.useForm<Targets>();
  return (
    <>
      <Button onClick={() => (form.setFieldsValue(data.targets), setOpen(true))} data-testid="edit-targets">
        {t('analytics.targets.edit')}
      </Button>
      <Modal
        open={open}
        title={t('analytics.targets.title', { project: data.project.name })}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        onOk={async () => {
          const values = await form.validateFields();
          await save.mutateAsync({
            satisfactionRate: values.satisfactionRate ?? null,
            nps: values.nps ?? null,
            slaCompliance: values.slaCompliance ?? null,
            feeCollectionRate: values.feeCollectionRate ?? null,
            contractValue: values.contractValue ?? null,
          });
          setOpen(false);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="satisfactionRate" label={t('analytics.targets.satisfaction')}>
            <InputNumber min={0} max={1} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="nps" label="NPS">
            <InputNumber min={-100} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="slaCompliance" label={t('analytics.targets.sla')}>
            <InputNumber min={0} max={1} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="feeCollectionRate" label={t('analytics.targets.fee')}>
            <InputNumber min={0} max={1} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="contractValue" label={t('analytics.targets.contractValue')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * The project manager's home (issue 16 §1): the project against its targets, the company and its
 * peers (ranks with significance), today's overdue and at-risk tickets, open detractor follow-ups,
 * notices' read rate; each figure opens the records behind it.
 */
export function ProjectHome() {
  const { t } = useTranslation();
  const scope = useProjectScope();
  const [chosen, setChosen] = useState<string | undefined>(scope.projectId);
  const home = useProjectHome(chosen);
  const canSetTargets = useAbility('analytics.manage');
  const data = home.data;
  if (home.isError) return <Alert type="info" showIcon message={t('analytics.noProject')} />;
  if (!data) return <Spin style={{ padding: 48 }} />;
  const rows = lines(t, data.figures, data.company, data.targets);
  return (
    <Flex vertical gap={16} data-testid="project-home">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {data.project.name}
          <Typography.Text type="secondary" style={{ fontSize: 13, marginLeft: 12 }}>
            {data.month}
            {data.campaign ? ` · ${data.campaign.name}` : ''}
          </Typography.Text>
        </Typography.Title>
        <Flex gap={8}>
          {data.projects.length > 1 ? (
            <Select
              value={data.project.id}
              onChange={setChosen}
              options={data.projects.map((project) => ({ value: project.id, label: project.name }))}
              style={{ minWidth: 180 }}
            />
          ) : null}
          <ReportButtons projectId={data.project.id} />
          {canSetTargets ? <TargetsButton data={data} /> : null}
        </Flex>
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Link to={ticketsLink(data.project.id, { overdue: true })} data-testid="pm-overdue">
            <Card size="small" hoverable>
              <Statistic
                title={t('analytics.figures.overdue')}
                value={data.figures.overdue}
                styles={{ content: { color: data.figures.overdue ? '#f5222d' : undefined } }}
              />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to={ticketsLink(data.project.id, { dueToday: true })} data-testid="pm-due-today">
            <Card size="small" hoverable>
              <Statistic
                title={t('analytics.atRisk')}
                value={data.figures.dueToday}
                styles={{ content: { color: data.figures.dueToday ? '#fa8c16' : undefined } }}
              />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to="/survey-followups" data-testid="pm-followups">
            <Card size="small" hoverable>
              <Statistic title={t('analytics.openFollowups')} value={data.openFollowups} />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to="/notices" data-testid="pm-notices">
            <Card size="small" hoverable>
              <Statistic title={t('analytics.noticeRead')} value={percent(data.notices.rate)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('analytics.noticeBase', { read: data.notices.read, delivered: data.notices.delivered })}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
      </Row>
      <Card size="small" title={t('analytics.againstTargets')}>
        <ExportTable<Line>
          exportName={`${data.project.name}-${data.month}`}
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          data-testid="targets-table"
          columns={[
            { title: t('analytics.metric'), dataIndex: 'label' },
            { title: t('analytics.thisProject'), dataIndex: 'value' },
            { title: t('analytics.target'), dataIndex: 'target' },
            {
              title: '',
              key: 'met',
              render: (_, row) =>
                row.met === null ? null : <Tag color={row.met ? 'success' : 'error'}>{t(row.met ? 'analytics.targetMet' : 'analytics.targetMissed')}</Tag>,
            },
            { title: t('analytics.companyAverage'), dataIndex: 'company' },
          ]}
        />
      </Card>
      <Card size="small" title={t('analytics.peers')}>
        <Flex wrap gap={8}>
          {data.ranks.map((entry) => (
            <Tag key={entry.metric} color={entry.mark === 'not_significant' || entry.mark === 'no_data' ? 'default' : undefined} data-testid="pm-rank">
              {t(`analytics.metrics.${entry.metric}`)}：{entry.rank ?? '—'}/{entry.of}
              {entry.mark === 'not_significant' ? `（${t('analytics.marks.not_significant')}）` : ''}
            </Tag>
          ))}
        </Flex>
      </Card>
      <RankingCard month={data.month} />
    </Flex>
  );
}
