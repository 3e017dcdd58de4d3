import { Card, Empty, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress, ProgressRow } from '../../api/campaigns';
import { EChart, type ChartOption } from '../service-desk/EChart';
import { percent } from './campaign-labels';
import { labelledGrid } from '../../shared/chart-layout';

/** Stacked bars: completed, partly answered, opened only, not yet opened — together the invitations of each row. */
function progressChart(rows: ProgressRow[], labels: Record<'completed' | 'partial' | 'opened' | 'invited', string>): ChartOption {
  const series = [
    { key: 'completed', value: (row: ProgressRow) => row.completed, colour: '#52c41a' },
    { key: 'partial', value: (row: ProgressRow) => row.partial - row.completed, colour: '#faad14' },
    { key: 'opened', value: (row: ProgressRow) => row.opened - row.partial, colour: '#69b1ff' },
    { key: 'invited', value: (row: ProgressRow) => row.invited - row.opened - row.expired, colour: '#d9d9d9' },
  ] as const;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: labelledGrid({ left: 8, right: 16, top: 16, bottom: 8 }),
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((row) => row.name), inverse: true },
    series: series.map((item) => ({ type: 'bar', stack: 'total', name: labels[item.key], data: rows.map(item.value), itemStyle: { color: item.colour } })),
  };
}

function ProgressTable({ rows, testId }: { rows: ProgressRow[]; testId: string }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      progressChart(rows.slice(0, 30), {
        completed: t('campaigns.completed'),
        partial: t('campaigns.partial'),
        opened: t('campaigns.opened'),
        invited: t('campaigns.invited'),
      }),
    [rows, t],
  );
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.progressEmpty')} />;
  return (
    <>
      <EChart option={option} height={Math.max(160, Math.min(rows.length, 30) * 28 + 40)} testId={`${testId}-chart`} />
      <Table<ProgressRow>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('campaigns.stratum'), dataIndex: 'name' },
          { title: t('campaigns.invited'), dataIndex: 'invited', width: 80 },
          { title: t('campaigns.opened'), dataIndex: 'opened', width: 80 },
          { title: t('campaigns.partial'), dataIndex: 'partial', width: 100 },
          { title: t('campaigns.completed'), dataIndex: 'completed', width: 80 },
          { title: t('campaigns.responseRate'), dataIndex: 'responseRate', width: 90, render: (value: number | null) => percent(value) },
          { title: t('campaigns.target'), dataIndex: 'target', width: 70, render: (value: number | null) => value ?? '—' },
          { title: t('campaigns.quota'), dataIndex: 'quota', width: 70, render: (value: number | null) => value ?? '—' },
        ]}
        data-testid={testId}
      />
    </>
  );
}

/** Response progress of a launched campaign: the overall count against the plan, then by project and by building. */
export function ProgressCard({ progress, loading }: { progress: Progress | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('campaigns.progress')} loading={loading && !progress} style={{ marginTop: 16 }}>
      {progress ? (
        <>
          <Typography.Title level={5} data-testid="progress-summary">
            {t('campaigns.progressSummary', { completed: progress.total.completed, target: progress.total.target })}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 12 }}>
              {t('campaigns.invited')} {progress.total.invited} · {t('campaigns.responseRate')} {percent(progress.total.responseRate)}
            </Typography.Text>
          </Typography.Title>
          <Tabs
            items={[
              { key: 'buildings', label: t('campaigns.byBuildingTab'), children: <ProgressTable rows={progress.buildings} testId="progress-buildings" /> },
              { key: 'projects', label: t('campaigns.byProjectTab'), children: <ProgressTable rows={progress.projects} testId="progress-projects" /> },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
