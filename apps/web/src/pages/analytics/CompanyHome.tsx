import type { AnalyticsLevel } from '@manyi/contracts/analytics';
import { Alert, Breadcrumb, Card, Col, DatePicker, Empty, Flex, Row, Spin, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportTable } from '../../shared/ExportTable';
import { Link, useSearchParams } from 'react-router-dom';
import { useOverview, type HomeFigures, type Overview } from '../../api/analytics';
import { formatDateTime } from '../../shared/time';
import { AnalyticsChart, type AnalyticsChartOption } from './AnalyticsChart';
import { FigureTiles } from './FigureTiles';
import { fixed, noPlace, percent, ticketsLink, type FigurePlace } from './format';
import { RankingCard } from './RankingCard';
import { ReportButtons } from './ReportButtons';
import { useMe } from '../../api/auth';
import { labelledGrid } from '../../shared/chart-layout';

type Child = Overview['children'][number];
type Scope = { level: AnalyticsLevel; id?: string | undefined };

/**
 * The company home (issue 16 §1): headline figures of the scope, drill-down company → region →
 * project → building and back through the breadcrumb, trends by month and by survey wave, and the
 * fair ranking. The headline is the sum of the rows below it (the server builds both from one read).
 */
export function CompanyHome({ showRanking = true }: { showRanking?: boolean }) {
  const { t } = useTranslation();
  // The drill-down lives in the address (?level=&id=&month=): a link or the browser's back button returns to the same scope.
  const [params, setParams] = useSearchParams();
  const scope = scopeFrom(params);
  const month = monthFrom(params);
  const setScope = (next: Scope) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next.level === 'company') updated.delete('level');
      else updated.set('level', next.level);
      if (next.id) updated.set('id', next.id);
      else updated.delete('id');
      return updated;
    });
  const setMonth = (next: string | undefined) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next) updated.set('month', next);
      else updated.delete('month');
      return updated;
    });
  const overview = useOverview({ level: scope.level, id: scope.id, month });
  const data = overview.data;
  const companyWide = useMe().data?.abilities.allProjects ?? false;
  const projectId =
    data?.scope.level === 'project' ? (data.scope.id ?? undefined) : data?.scope.level === 'building' ? (data.path[2]?.id ?? undefined) : undefined;
  const nameOf = (level: AnalyticsLevel, id: string | null, name: string) =>
    level === 'company' ? t('analytics.company') : id === noPlace ? t(level === 'region' ? 'analytics.noRegion' : 'analytics.noBuilding') : name;

  const monthOption = useMemo<AnalyticsChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: labelledGrid({ top: 32 }),
      xAxis: { type: 'category', data: data.trendMonths.map((row) => row.month) },
      yAxis: [
        { type: 'value', name: '%', max: 100, min: 0 },
        { type: 'value', name: t('analytics.per1000') },
      ],
      series: [
        { type: 'line', name: t('analytics.figures.sla'), data: data.trendMonths.map((row) => rounded(row.figures.sla.rate)) },
        { type: 'line', name: t('analytics.figures.visits'), data: data.trendMonths.map((row) => rounded(row.figures.visits.rate)) },
        { type: 'bar', name: t('analytics.figures.complaints'), yAxisIndex: 1, data: data.trendMonths.map((row) => row.figures.complaints.per1000 ?? 0) },
      ],
    };
  }, [data, t]);

  const waveOption = useMemo<AnalyticsChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: labelledGrid({ top: 32 }),
      xAxis: { type: 'category', data: data.trendWaves.map((row) => row.name) },
      yAxis: [
        { type: 'value', name: '%', max: 100, min: 0 },
        { type: 'value', name: 'NPS', min: -100, max: 100 },
      ],
      series: [
        { type: 'bar', name: t('analytics.figures.satisfaction'), data: data.trendWaves.map((row) => rounded(row.satisfaction.rate)) },
        { type: 'line', name: t('analytics.figures.nps'), yAxisIndex: 1, data: data.trendWaves.map((row) => row.nps) },
      ],
    };
  }, [data, t]);

  const buildingId = data?.scope.level === 'building' ? (data.scope.id ?? undefined) : undefined;
  const place = (building?: { id: string; name: string }): FigurePlace => ({
    projectId,
    buildingId: building?.id ?? buildingId,
    buildingName: building
      ? nameOf('building', building.id, building.name)
      : data?.scope.level === 'building'
        ? nameOf('building', data.scope.id, data.scope.name)
        : undefined,
    month: data?.month,
  });
  const drill = (row: Child) => data?.childLevel && setScope({ level: data.childLevel, id: row.id });
  const childProject = (row: Child) => (data?.childLevel === 'project' ? row.id : projectId);
  const columns: ColumnsType<Child> = [
    {
      title: data?.childLevel ? t(`analytics.levels.${data.childLevel}`) : '',
      dataIndex: 'name',
      render: (name: string, row) => (
        <Typography.Link onClick={() => drill(row)} data-testid="drill-row">
          {data?.childLevel ? nameOf(data.childLevel, row.id, name) : name}
        </Typography.Link>
      ),
    },
    {
      title: t('analytics.figures.satisfaction'),
      key: 'sat',
      render: (_, row) => `${percent(row.figures.satisfaction.rate)} (n=${row.figures.satisfaction.base})`,
    },
    { title: 'NPS', key: 'nps', render: (_, row) => fixed(row.figures.nps.score) },
    { title: t('analytics.figures.sla'), key: 'sla', render: (_, row) => percent(row.figures.sla.rate) },
    {
      title: t('analytics.figures.overdue'),
      key: 'overdue',
      render: (_, row) =>
        data?.childLevel === 'building' ? (
          <Link to={ticketsLink(place(row), { overdue: true })} data-testid="child-overdue-link">
            {row.figures.overdue}
          </Link>
        ) : (
          <Link to={ticketsLink({ projectId: childProject(row) }, { overdue: true })} data-testid="child-overdue-link">
            {row.figures.overdue}
          </Link>
        ),
    },
    {
      title: t('analytics.figures.complaints'),
      key: 'complaints',
      render: (_, row) =>
        data?.childLevel === 'building' || data?.childLevel === 'project' ? (
          <Link
            to={ticketsLink(data.childLevel === 'building' ? place(row) : { projectId: row.id, month: data.month }, { type: 'complaint', ofMonth: true })}
            data-testid="child-complaints-link"
          >
            {fixed(row.figures.complaints.per1000, 2)}
          </Link>
        ) : (
          fixed(row.figures.complaints.per1000, 2)
        ),
    },
    { title: t('analytics.figures.repeat'), key: 'repeat', render: (_, row) => percent(row.figures.repeatComplaints.rate) },
    { title: t('analytics.figures.fee'), key: 'fee', render: (_, row) => percent(row.figures.feeCollection.rate) },
  ];

  return (
    <Flex vertical gap={16} data-testid="company-home">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Breadcrumb
          data-testid="drill-path"
          items={(data?.path ?? [{ level: 'company', id: null, name: '' }]).map((step, index, all) => ({
            key: `${step.level}-${step.id ?? ''}`,
            title:
              index === all.length - 1 ? (
                <Typography.Text strong>{nameOf(step.level, step.id, step.name)}</Typography.Text>
              ) : (
                <Typography.Link onClick={() => setScope({ level: step.level, id: step.id ?? undefined })}>
                  {nameOf(step.level, step.id, step.name)}
                </Typography.Link>
              ),
          }))}
        />
        <Flex gap={8} align="center" wrap>
          {data?.campaign ? <Typography.Text type="secondary">{t('analytics.wave', { name: data.campaign.name })}</Typography.Text> : null}
          {projectId ? <ReportButtons projectId={projectId} /> : data?.scope.level === 'company' && companyWide ? <ReportButtons month={month} /> : null}
          <DatePicker
            picker="month"
            allowClear
            value={month ? dayjs(`${month}-01`) : null}
            onChange={(value) => setMonth(value ? value.format('YYYY-MM') : undefined)}
            placeholder={data?.month ?? ''}
            data-testid="month-picker"
          />
        </Flex>
      </Flex>
      {overview.isError ? <Alert type="error" showIcon message={t('analytics.loadFailed')} /> : null}
      {!data ? (
        <Spin style={{ padding: 48 }} />
      ) : (
        <>
          {data.asOf ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('analytics.asOf', { at: formatDateTime(data.asOf) })}
            </Typography.Text>
          ) : (
            <Alert type="info" showIcon message={t('analytics.notYetCounted')} />
          )}
          {!data.campaign ? <Alert type="info" showIcon message={t('analytics.noWave')} /> : null}
          <FigureTiles
            figures={data.headline}
            place={place()}
            campaignId={data.campaign?.id}
            weightedIndex={data.weightedIndex}
            conversion={data.detractorConversion}
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              {monthOption ? (
                <AnalyticsChart title={t('analytics.trendMonths')} option={monthOption} fileName={`trend-months-${data.month}`} testId="trend-months" />
              ) : null}
            </Col>
            <Col xs={24} xl={12}>
              {waveOption && data.trendWaves.length > 0 ? (
                <AnalyticsChart title={t('analytics.trendWaves')} option={waveOption} fileName="trend-waves" testId="trend-waves" />
              ) : (
                <Card size="small" title={t('analytics.trendWaves')}>
                  <Empty description={t('analytics.noWave')} />
                </Card>
              )}
            </Col>
          </Row>
          {data.childLevel ? (
            <Card size="small" title={t('analytics.drillTitle', { level: t(`analytics.levels.${data.childLevel}`) })}>
              <ExportTable<Child>
                exportName={`${t('analytics.drillTitle', { level: t(`analytics.levels.${data.childLevel}`) })}-${data.month}`}
                size="small"
                rowKey="id"
                columns={columns}
                dataSource={data.children}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: true }}
                locale={{ emptyText: t('analytics.noChildren') }}
                data-testid="drill-table"
              />
            </Card>
          ) : null}
          {showRanking && data.scope.level === 'company' ? <RankingCard month={month} /> : null}
        </>
      )}
    </Flex>
  );
}

function scopeFrom(params: URLSearchParams): Scope {
  const level = params.get('level');
  const id = params.get('id') ?? undefined;
  return (level === 'region' || level === 'project' || level === 'building') && id ? { level, id } : { level: 'company' };
}

function monthFrom(params: URLSearchParams): string | undefined {
  const month = params.get('month');
  return month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined;
}

const rounded = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export type { HomeFigures };
