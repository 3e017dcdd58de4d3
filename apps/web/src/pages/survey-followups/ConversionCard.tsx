import { Alert, Card, Col, Row, Skeleton, Statistic, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDetractorConversion, type DetractorConversion } from '../../api/survey-followups';
import { EChart, type ChartOption } from '../service-desk/EChart';
import { labelledGrid } from '../../shared/chart-layout';

type Outcome = keyof Pick<DetractorConversion, 'promoters' | 'passives' | 'detractors' | 'noNpsAnswer' | 'notAnswered'>;

/** Green for those won back, grey for the unknown, red for those still lost. */
const outcomes: { key: Outcome; colour: string }[] = [
  { key: 'promoters', colour: '#52c41a' },
  { key: 'passives', colour: '#95de64' },
  { key: 'detractors', colour: '#f5222d' },
  { key: 'noNpsAnswer', colour: '#bfbfbf' },
  { key: 'notAnswered', colour: '#d9d9d9' },
];

function ConversionChart({ report }: { report: DetractorConversion }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      grid: labelledGrid({ left: 8, right: 16, top: 24, bottom: 8 }),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: outcomes.map((outcome) => t(`detractorConversion.${outcome.key}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: outcomes.map((outcome) => ({ value: report[outcome.key], itemStyle: { color: outcome.colour } })),
        },
      ],
    }),
    [report, t],
  );
  return <EChart option={option} height={220} testId="conversion-chart" />;
}

/** Issue 4 §7: how many of the previous wave's detractors became passives or promoters this wave. */
export function ConversionCard({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const query = useDetractorConversion(campaignId);
  const report = query.data;
  let body;
  if (query.error) body = <Alert type="error" showIcon title={t('common.loadFailed')} description={query.error.message} />;
  else if (!report) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (!report.previousCampaignId) body = <Alert type="info" showIcon title={t('detractorConversion.noPrevious')} />;
  else if (report.previousDetractors === 0) body = <Alert type="info" showIcon title={t('detractorConversion.noDetractors')} />;
  else {
    body = (
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={6}>
          <Statistic title={t('detractorConversion.previousDetractors')} value={report.previousDetractors} />
          <Tooltip title={t('detractorConversion.rateHint')}>
            <Statistic
              title={t('detractorConversion.rate')}
              value={report.conversionRate === null ? '—' : (report.conversionRate * 100).toFixed(1)}
              suffix={report.conversionRate === null ? undefined : '%'}
            />
          </Tooltip>
        </Col>
        <Col xs={24} md={18}>
          <ConversionChart report={report} />
        </Col>
      </Row>
    );
  }
  return (
    <Card size="small" title={t('detractorConversion.title')} data-testid="conversion-card">
      {body}
    </Card>
  );
}
