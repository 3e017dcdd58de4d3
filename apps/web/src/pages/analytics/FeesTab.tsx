import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, InputNumber, Row, Select, Spin, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportTable } from '../../shared/ExportTable';
import { useAbility } from '../../api/auth';
import { useEnterFees, useFeeCorrelation, useImportFees, type FeeImportResult } from '../../api/analytics';
import { useProjectScope } from '../../layout/ProjectScope';
import { AnalyticsChart, type AnalyticsChartOption } from './AnalyticsChart';
import { ArrearsCard } from './ArrearsCard';
import { fixed } from './format';
import { labelledGrid } from '../../shared/chart-layout';

type EntryForm = { projectId: string; month: Dayjs; receivable: number; received: number; householdsInArrears?: number };

/**
 * 收缴率 (issue 16 §4): collection against satisfaction across projects (scatter, r with its 95 %
 * interval and n), and for the quality department the sheet import and the single-month entry.
 */
export function FeesTab() {
  const { t } = useTranslation();
  const correlation = useFeeCorrelation();
  const canManage = useAbility('analytics.manage');
  const importFees = useImportFees();
  const enterFees = useEnterFees();
  const { projects } = useProjectScope();
  const [result, setResult] = useState<FeeImportResult>();
  const data = correlation.data;
  const option = useMemo<AnalyticsChartOption | null>(
    () =>
      data
        ? {
            tooltip: { formatter: (params: unknown) => String((params as { data: [number, number, string] }).data[2]) },
            grid: labelledGrid({ right: 24, top: 16, bottom: 24 }),
            xAxis: { type: 'value', name: t('analytics.fees.collection'), nameLocation: 'middle', nameGap: 26, scale: true },
            yAxis: { type: 'value', name: t('analytics.figures.satisfaction'), scale: true },
            series: [
              {
                type: 'scatter',
                symbolSize: 12,
                data: data.points.map((point) => [Math.round(point.collectionRate * 1000) / 10, Math.round(point.satisfactionRate * 1000) / 10, point.name]),
              },
            ],
          }
        : null,
    [data, t],
  );
  return (
    <Row gutter={[12, 12]} data-testid="fees-tab">
      <Col xs={24} xl={14}>
        {!data || !option ? (
          <Spin />
        ) : (
          <>
            <AnalyticsChart title={t('analytics.fees.scatter', { from: data.from, to: data.to })} option={option} fileName="fees-satisfaction" height={320} />
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="fee-correlation">
              {data.correlation.r === null
                ? t('analytics.fees.tooFew', { n: data.correlation.n })
                : t('analytics.fees.correlation', {
                    r: fixed(data.correlation.r, 2),
                    lower: fixed(data.correlation.lower, 2),
                    upper: fixed(data.correlation.upper, 2),
                    n: data.correlation.n,
                  })}
            </Typography.Paragraph>
          </>
        )}
      </Col>
      {canManage ? (
        <Col xs={24} xl={10}>
          <Card size="small" title={t('analytics.fees.import')}>
            <Typography.Paragraph type="secondary">{t('analytics.fees.columns')}</Typography.Paragraph>
            <Upload accept=".xlsx" showUploadList={false} customRequest={({ file }) => importFees.mutate(file as File, { onSuccess: setResult })}>
              <Button icon={<UploadOutlined />} loading={importFees.isPending} data-testid="fee-upload">
                {t('analytics.fees.upload')}
              </Button>
            </Upload>
            {result ? (
              <>
                <Alert
                  style={{ marginTop: 12 }}
                  type={result.errors.length ? 'warning' : 'success'}
                  showIcon
                  message={t('analytics.fees.result', { inserted: result.inserted, updated: result.updated, refused: result.errors.length })}
                />
                {result.errors.length ? (
                  <ExportTable
                    exportName={t('analytics.fees.import')}
                    size="small"
                    rowKey={(row) => `${row.row}-${row.field}`}
                    dataSource={result.errors}
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    columns={[
                      { title: t('analytics.fees.row'), dataIndex: 'row', width: 60 },
                      { title: t('analytics.fees.value'), dataIndex: 'value' },
                      { title: t('analytics.fees.reason'), key: 'reason', render: (_, row) => row.messages['zh-CN'] },
                    ]}
                  />
                ) : null}
              </>
            ) : null}
          </Card>
          <Card size="small" title={t('analytics.fees.entry')} style={{ marginTop: 12 }}>
            <Form<EntryForm>
              layout="vertical"
              onFinish={(values) =>
                enterFees.mutate({
                  projectId: values.projectId,
                  month: values.month.format('YYYY-MM'),
                  receivable: values.receivable,
                  received: values.received,
                  householdsInArrears: values.householdsInArrears ?? 0,
                })
              }
            >
              <Form.Item name="projectId" label={t('analytics.ranking.project')} rules={[{ required: true }]}>
                <Select options={projects.map((project) => ({ value: project.id, label: project.name }))} />
              </Form.Item>
              <Form.Item name="month" label={t('analytics.fees.month')} rules={[{ required: true }]}>
                <DatePicker picker="month" />
              </Form.Item>
              <Form.Item name="receivable" label={t('analytics.fees.receivable')} rules={[{ required: true }]}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="received" label={t('analytics.fees.received')} rules={[{ required: true }]}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="householdsInArrears" label={t('analytics.fees.arrears')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={enterFees.isPending}>
                {t('analytics.fees.save')}
              </Button>
            </Form>
          </Card>
        </Col>
      ) : null}
      <Col xs={24}>
        <ArrearsCard />
      </Col>
    </Row>
  );
}
