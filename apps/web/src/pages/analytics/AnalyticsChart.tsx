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
import { init, use as registerCharts, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Button, Card } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

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
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

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
      <div ref={element} style={{ width: '100%', height }} data-testid={testId} />
    </Card>
  );
}
