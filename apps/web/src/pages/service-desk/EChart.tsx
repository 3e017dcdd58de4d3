import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerCharts, type ComposeOption, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type RefObject } from 'react';

// Only the pieces the console draws: the full echarts bundle is several times larger.
registerCharts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

type EChartProps = {
  /** A ChartOption; callers that register more chart types themselves (analytics) pass their own options. */
  option: ChartOption | EChartsCoreOption;
  /** Index of the clicked data item (a bar). */
  onItemClick?: (dataIndex: number) => void;
  height?: number;
  testId?: string;
  /** Receives the chart instance, e.g. to export it as an image. */
  instanceRef?: RefObject<ECharts | null>;
};

/**
 * A tiny wrapper around echarts: one instance per element, the option replaced whenever it
 * changes, resized with its container (the sider collapses, the window narrows), disposed on unmount.
 */
export function EChart({ option, onItemClick, height = 280, testId, instanceRef }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = init(element.current);
    chart.current = instance;
    if (instanceRef) instanceRef.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (instanceRef) instanceRef.current = null;
    };
  }, [instanceRef]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return undefined;
    const handler = (params: { dataIndex: number }) => onItemClick(params.dataIndex);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onItemClick]);

  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}
