import { rankingMetrics, type RankingMetric } from '@manyi/contracts/analytics';
import { Card, Segmented, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportTable } from '../../shared/ExportTable';
import { useRanking, type Ranking } from '../../api/analytics';
import { fixed, percent, tooFewAnswers } from './format';

type Row = Ranking['rows'][number];

const isRate = (metric: RankingMetric) => metric !== 'nps' && metric !== 'complaintsPer1000';
const show = (metric: RankingMetric, value: number | null) => (isRate(metric) ? percent(value) : fixed(value, metric === 'nps' ? 1 : 2));
const difference = (metric: RankingMetric, value: number | null) => {
  if (value === null) return '—';
  const points = isRate(metric) ? value * 100 : value;
  return `${points >= 0 ? '+' : ''}${points.toFixed(1)}${isRate(metric) ? ' pt' : ''}`;
};

/**
 * Projects ranked by one metric, with n and whether the gap to the rest of the company is
 * significant (packages/core fair-ranking.ts): a grey "差异不显著" tag instead of a colour, so a
 * small project is not shamed for noise (seed 002 适度竞争).
 */
export function RankingCard({ month }: { month: string | undefined }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<RankingMetric>('satisfaction');
  const ranking = useRanking(metric, month);
  const data = ranking.data;
  // A survey figure of a handful of answers is not ranked against the company as if it meant something.
  const surveyMetric = metric === 'satisfaction' || metric === 'nps';
  const markTag = (row: Row) => {
    if (row.mark === 'no_data' || (surveyMetric && row.projectId && tooFewAnswers(row.n)))
      return (
        <Tag data-testid="ranking-mark" data-mark="no_data">
          {t('analytics.marks.no_data')}
        </Tag>
      );
    if (row.mark === 'not_significant')
      return (
        <Tag data-testid="ranking-mark" data-mark="not_significant">
          {t('analytics.marks.not_significant')}
        </Tag>
      );
    const better = (row.mark === 'above') === (data?.higherIsBetter ?? true);
    return (
      <Tag color={better ? 'success' : 'error'} data-testid="ranking-mark" data-mark={row.mark}>
        {t(better ? 'analytics.marks.better' : 'analytics.marks.worse')}
      </Tag>
    );
  };
  const columns: ColumnsType<Row> = [
    { title: t('analytics.ranking.rank'), dataIndex: 'rank', width: 64, render: (rank: number | null) => rank ?? '—' },
    {
      title: t('analytics.ranking.project'),
      dataIndex: 'name',
      render: (name: string, row) =>
        row.projectId ? (
          <Typography.Text strong={row.mine}>{name}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('analytics.ranking.peer')}</Typography.Text>
        ),
    },
    { title: t(`analytics.metrics.${metric}`), dataIndex: 'value', render: (value: number | null) => show(metric, value) },
    { title: 'n', dataIndex: 'n', width: 80 },
    {
      title: t('analytics.ranking.difference'),
      dataIndex: 'differenceFromCompany',
      render: (value: number | null, row) => (
        <Tooltip
          title={
            row.marginOfError !== null
              ? t('analytics.ranking.margin', { value: fixed(row.marginOfError) })
              : row.pValue !== null
                ? `p = ${row.pValue.toFixed(4)}`
                : undefined
          }
        >
          <span>{difference(metric, value)}</span>
        </Tooltip>
      ),
    },
    { title: t('analytics.ranking.significance'), key: 'mark', render: (_, row) => markTag(row) },
  ];
  return (
    <Card
      size="small"
      title={t('analytics.ranking.title')}
      data-testid="ranking-card"
      extra={
        data ? (
          <Typography.Text type="secondary">{t('analytics.ranking.company', { value: show(metric, data.company.value), n: data.company.n })}</Typography.Text>
        ) : null
      }
    >
      <Segmented
        size="small"
        value={metric}
        onChange={(value) => setMetric(value as RankingMetric)}
        options={rankingMetrics.map((value) => ({ value, label: t(`analytics.metrics.${value}`) }))}
        style={{ marginBottom: 12, flexWrap: 'wrap' }}
      />
      <ExportTable<Row>
        exportName={`${t('analytics.ranking.title')}-${t(`analytics.metrics.${metric}`)}-${data?.month ?? ''}`}
        size="small"
        rowKey={(row) => `${row.projectId ?? 'peer'}-${row.rank ?? 'x'}-${row.n}-${row.value ?? ''}`}
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={ranking.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        data-testid="ranking-table"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('analytics.ranking.method')}
      </Typography.Paragraph>
    </Card>
  );
}
