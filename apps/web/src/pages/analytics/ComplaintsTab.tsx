import { Card, Col, Empty, Row, Spin, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ExportTable } from '../../shared/ExportTable';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useComplaintAnalytics, type ComplaintAnalytics } from '../../api/analytics';
import { useProjectScope } from '../../layout/ProjectScope';
import { AnalyticsChart, type AnalyticsChartOption } from './AnalyticsChart';
import { labelledGrid, longCategoryLabel } from '../../shared/chart-layout';

type CountRow = ComplaintAnalytics['repeatedHouseholds'][number];

const hours = Array.from({ length: 24 }, (_, hour) => `${hour}`);

function options(data: ComplaintAnalytics, t: TFunction) {
  const max = (values: (number | undefined)[]) => Math.max(1, ...values.map((value) => value ?? 0));
  const heat: AnalyticsChartOption = {
    tooltip: { position: 'top' },
    grid: labelledGrid({ top: 8 }),
    xAxis: { type: 'category', data: data.heat.places.map((place) => place.label), axisLabel: { rotate: 30, ...longCategoryLabel } },
    yAxis: { type: 'category', data: data.heat.categories.map((category) => category.label), axisLabel: longCategoryLabel },
    visualMap: { min: 0, max: max(data.heat.cells.map((cell) => cell[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, show: false },
    series: [{ type: 'heatmap', data: data.heat.cells, label: { show: true } }],
  };
  const weekdays = t('analytics.complaints.weekdays').split(',');
  const clock: AnalyticsChartOption = {
    tooltip: { position: 'top' },
    grid: labelledGrid({ top: 8 }),
    xAxis: { type: 'category', data: hours },
    yAxis: { type: 'category', data: weekdays },
    visualMap: { min: 0, max: max(data.weekdayHour.map((cell) => cell[2])), show: false },
    series: [{ type: 'heatmap', data: data.weekdayHour.map(([weekday, hour, count]) => [hour, weekday, count]) }],
  };
  const ageing: AnalyticsChartOption = {
    tooltip: {},
    grid: labelledGrid({ top: 16 }),
    xAxis: { type: 'category', data: data.ageing.map((row) => row.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: data.ageing.map((row) => row.count) }],
  };
  const causes: AnalyticsChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: labelledGrid({ top: 40 }),
    xAxis: { type: 'category', data: data.causes.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.causes.series.map((series) => ({ type: 'line', name: series.label, data: series.counts })),
  };
  return { heat, clock, ageing, causes };
}

/** Complaint analytics (issue 16 §3) of the project chosen in the header, or of every project in scope. */
export function ComplaintsTab() {
  const { t } = useTranslation();
  const { projectId } = useProjectScope();
  const query = useComplaintAnalytics(projectId);
  const data = query.data;
  const charts = useMemo(() => (data ? options(data, t) : null), [data, t]);
  if (!data || !charts) return <Spin style={{ padding: 48 }} />;
  if (data.total === 0) return <Empty description={t('analytics.complaints.none', { from: data.from, to: data.to })} />;
  return (
    <Row gutter={[12, 12]} data-testid="complaints-tab">
      <Col xs={24}>
        <Typography.Text type="secondary">{t('analytics.complaints.period', { from: data.from, to: data.to, total: data.total })}</Typography.Text>
      </Col>
      <Col xs={24} xl={14}>
        <AnalyticsChart
          title={t(`analytics.complaints.heat.${data.placeLevel}`)}
          option={charts.heat}
          fileName="complaints-heat"
          height={360}
          testId="complaints-heat"
        />
      </Col>
      <Col xs={24} xl={10}>
        <AnalyticsChart title={t('analytics.complaints.clock')} option={charts.clock} fileName="complaints-weekday-hour" height={360} />
      </Col>
      <Col xs={24} xl={12}>
        <AnalyticsChart title={t('analytics.complaints.causes')} option={charts.causes} fileName="complaints-causes" />
      </Col>
      <Col xs={24} xl={12}>
        <AnalyticsChart title={t('analytics.complaints.ageing')} option={charts.ageing} fileName="complaints-ageing" />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" title={t('analytics.complaints.households')}>
          <ExportTable<CountRow>
            exportName={`${t('analytics.complaints.households')}-${data.from}-${data.to}`}
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={data.repeatedHouseholds}
            locale={{ emptyText: '—' }}
            columns={[
              {
                title: t('analytics.complaints.household'),
                dataIndex: 'label',
                render: (label: string, row) => (
                  <Link to={`/service-desk?householdId=${row.key}&type=complaint&group=all`} data-testid="repeated-household-link">
                    {label}
                  </Link>
                ),
              },
              { title: t('analytics.complaints.count'), dataIndex: 'count', width: 64 },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" title={t('analytics.complaints.places')}>
          <ExportTable<CountRow>
            exportName={`${t('analytics.complaints.places')}-${data.from}-${data.to}`}
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={data.repeatedPlaces}
            locale={{ emptyText: '—' }}
            columns={[
              { title: t('analytics.complaints.place'), dataIndex: 'label' },
              { title: t('analytics.complaints.count'), dataIndex: 'count', width: 64 },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small">
          <Statistic title={t('analytics.figures.referrals')} value={data.referrals.count} />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" title={t('analytics.complaints.incidents', { count: data.groupIncidents.count })}>
          <ExportTable<ComplaintAnalytics['groupIncidents']['items'][number]>
            exportName={`${t('analytics.complaints.incidents', { count: data.groupIncidents.count })}-${data.from}-${data.to}`}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.groupIncidents.items}
            locale={{ emptyText: '—' }}
            columns={[
              { title: t('analytics.complaints.incident'), dataIndex: 'title', render: (title: string) => <Link to="/incidents">{title}</Link> },
              { title: t('analytics.complaints.count'), dataIndex: 'tickets', width: 64 },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
