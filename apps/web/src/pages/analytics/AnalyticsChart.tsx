import { DownloadOutlined } from '@ant-design/icons';
import {
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { use as registerCharts, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Button, Card } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../service-desk/EChart';

// Only what the analytics charts draw: lines and bars for trends, heat maps for complaints, a scatter for fees.
registerCharts([BarChart, LineChart, HeatmapChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type AnalyticsChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** A chart in a card with a PNG download (issue 16 §6: every chart downloads as PNG). */
export function AnalyticsChart({
  title,
  option,
  fileName,
  height = 260,
  testId,
}: {
  title: string;
  option: AnalyticsChartOption;
  fileName: string;
  height?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const chart = useRef<ECharts | null>(null);

  const download = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName}.png`;
    link.click();
  };

  return (
    <Card
      size="small"
      title={title}
      extra={
        <Button size="small" type="text" icon={<DownloadOutlined />} onClick={download} aria-label={t('analytics.downloadPng')}>
          PNG
        </Button>
      }
    >
      <EChart option={option} height={height} testId={testId} instanceRef={chart} />
    </Card>
  );
}
