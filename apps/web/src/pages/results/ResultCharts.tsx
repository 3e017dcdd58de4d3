import { localText, type LocalText } from '@manyi/core';
import { Card, Col, Empty, Row, Segmented } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignResults } from '../../api/results';
import { useLocale } from '../../i18n/LocaleProvider';
import { EChart } from '../service-desk/EChart';
import {
  asChartOption,
  importancePerformance,
  kanoScatter,
  keyDriverBars,
  npsDistribution,
  servqualGapBars,
  servqualRadar,
  trendLines,
  type ChartTextKey,
  type Labels,
  type ResultsChartOption,
} from './chart-options';

function ChartCard({
  title,
  option,
  testId,
  extra,
  empty,
}: {
  title: string;
  option: ResultsChartOption | null;
  testId: string;
  extra?: ReactNode;
  empty?: string;
}) {
  const { t } = useTranslation();
  return (
    <Col xs={24} lg={12}>
      <Card size="small" title={title} extra={extra} data-testid={`${testId}-card`}>
        {option ? (
          <EChart option={asChartOption(option)} testId={testId} />
        ) : (
          <Empty description={empty ?? t('results.charts.noData')} style={{ height: 248 }} />
        )}
      </Card>
    </Col>
  );
}

/** The charts of issue 4 §6: SERVQUAL radar and gaps, NPS distribution, Kano, importance–performance, key drivers, trend. */
export function ResultCharts({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [ipaSource, setIpaSource] = useState<'correlation' | 'weights'>('correlation');
  const { analysis, indicatorNames, trend } = results;
  const labels: Labels = useMemo(
    () => ({ text: (key: ChartTextKey) => t(key), local: (text: LocalText | undefined, fallback: string) => (text ? localText(text, locale) : fallback) }),
    [t, locale],
  );

  const options = useMemo(() => {
    const servqualQuestion = analysis.questions.find((question) => question.type === 'servqual');
    const npsQuestion = analysis.questions.find((question) => question.type === 'nps');
    const hasKano = analysis.questions.some((question) => question.type === 'kano' && question.kano.valid > 0);
    const map = ipaSource === 'correlation' ? analysis.importancePerformance.correlation : analysis.importancePerformance.weights;
    return {
      radar:
        analysis.servqual && servqualQuestion?.type === 'servqual' && analysis.responses > 0
          ? servqualRadar(analysis.servqual, indicatorNames, servqualQuestion.scalePoints, labels)
          : null,
      gaps: analysis.servqual && analysis.responses > 0 ? servqualGapBars(analysis, labels) : null,
      nps: npsQuestion?.type === 'nps' && npsQuestion.nps.valid > 0 ? npsDistribution(npsQuestion.distribution, labels) : null,
      kano: hasKano ? kanoScatter(analysis, labels) : null,
      ipa: map && map.importanceThreshold !== null ? importancePerformance(map, analysis, labels) : null,
      drivers: analysis.keyDrivers?.status === 'fitted' ? keyDriverBars(analysis.keyDrivers, indicatorNames, labels) : null,
      trend: trend.length > 1 ? trendLines(trend, labels) : null,
    };
  }, [analysis, indicatorNames, trend, labels, ipaSource]);

  return (
    <Row gutter={[12, 12]}>
      <ChartCard title={t('results.charts.radar')} option={options.radar} testId="chart-servqual-radar" />
      <ChartCard title={t('results.charts.gapBars')} option={options.gaps} testId="chart-servqual-gaps" />
      <ChartCard title={t('results.charts.nps')} option={options.nps} testId="chart-nps" />
      <ChartCard title={t('results.charts.kano')} option={options.kano} testId="chart-kano" />
      <ChartCard
        title={t('results.charts.ipa')}
        option={options.ipa}
        testId="chart-ipa"
        extra={
          <Segmented
            size="small"
            value={ipaSource}
            onChange={(value) => setIpaSource(value as 'correlation' | 'weights')}
            options={[
              { value: 'correlation', label: t('results.charts.ipaCorrelation') },
              { value: 'weights', label: t('results.charts.ipaWeights') },
            ]}
          />
        }
      />
      <ChartCard
        title={t('results.charts.drivers')}
        option={options.drivers}
        testId="chart-drivers"
        empty={analysis.keyDrivers?.status === 'not_fitted' ? t('results.charts.driversNotFitted') : undefined}
      />
      <ChartCard title={t('results.charts.trend')} option={options.trend} testId="chart-trend" />
    </Row>
  );
}
