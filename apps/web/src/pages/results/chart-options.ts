/**
 * ECharts options for the results page, built from the analysis JSON (@manyi/core analyseTally).
 * Pure functions of data and labels, so the page stays about layout.
 */
import type { ImportancePerformanceMap, KeyDriverAnalysis, LocalText, ServqualGaps, SurveyAnalysis } from '@manyi/core';
import {
  BarChart,
  LineChart,
  RadarChart,
  ScatterChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type RadarSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerCharts, type ComposeOption } from 'echarts/core';
import type { WaveSummary } from '../../api/results';
import type { Messages } from '../../i18n/zh-CN';
import type { ChartOption } from '../service-desk/EChart';
import { labelledGrid, longCategoryLabel } from '../../shared/chart-layout';

// The service desk's EChart wrapper registers bars only; the results page adds what it draws. echarts' registry is global.
registerCharts([BarChart, LineChart, RadarChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent]);

export type ResultsChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

/** The wrapper's prop is typed for bars; these options use the series registered above. */
export const asChartOption = (option: ResultsChartOption): ChartOption => option as unknown as ChartOption;

export type ChartTextKey = `results.charts.${keyof Messages['results']['charts']}`;
export type Labels = { text: (key: ChartTextKey) => string; local: (text: LocalText | undefined, fallback: string) => string };

export const colours = {
  detractor: '#f5222d',
  passive: '#faad14',
  promoter: '#52c41a',
  expectation: '#8c8c8c',
  perception: '#1677ff',
  insignificant: '#d9d9d9',
  significant: '#1677ff',
};

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Dimension means of expectation and perception (mean of their items' means), on the SERVQUAL scale. */
export function servqualRadar(servqual: ServqualGaps, names: Record<string, LocalText>, scaleMaximum: number, labels: Labels): ResultsChartOption {
  const dimensions = servqual.dimensions.filter((dimension) => dimension.items.some((item) => item.expectation !== null));
  const mean = (values: (number | null)[]) => {
    const present = values.filter((value): value is number => value !== null);
    return present.length === 0 ? 0 : round(present.reduce((a, b) => a + b, 0) / present.length);
  };
  return {
    tooltip: {},
    legend: { bottom: 0, data: [labels.text('results.charts.expectation'), labels.text('results.charts.perception')] },
    radar: { indicator: dimensions.map((dimension) => ({ name: labels.local(names[dimension.id], dimension.id), max: scaleMaximum, min: 0 })), radius: '62%' },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: labels.text('results.charts.expectation'),
            value: dimensions.map((dimension) => mean(dimension.items.map((item) => item.expectation))),
            itemStyle: { color: colours.expectation },
          },
          {
            name: labels.text('results.charts.perception'),
            value: dimensions.map((dimension) => mean(dimension.items.map((item) => item.perception))),
            itemStyle: { color: colours.perception },
            areaStyle: { opacity: 0.15 },
          },
        ],
      },
    ],
  };
}

export function servqualGapBars(analysis: SurveyAnalysis, labels: Labels): ResultsChartOption {
  const items = analysis.questions.flatMap((question) =>
    question.type === 'servqual' && question.gap.gap !== null ? [{ name: labels.local(question.title, question.key), gap: round(question.gap.gap) }] : [],
  );
  return {
    tooltip: { trigger: 'axis' },
    grid: labelledGrid({ left: 8, right: 24, top: 8, bottom: 8 }),
    xAxis: { type: 'value', name: labels.text('results.charts.gap') },
    yAxis: { type: 'category', data: items.map((item) => item.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', data: items.map((item) => ({ value: item.gap, itemStyle: { color: item.gap < 0 ? colours.detractor : colours.promoter } })) }],
  };
}

export function npsDistribution(distribution: Record<string, number>, labels: Labels): ResultsChartOption {
  const scores = Array.from({ length: 11 }, (_, score) => score);
  const colour = (score: number) => (score <= 6 ? colours.detractor : score <= 8 ? colours.passive : colours.promoter);
  return {
    tooltip: { trigger: 'axis' },
    grid: labelledGrid({ left: 8, right: 8, top: 16, bottom: 8 }),
    xAxis: { type: 'category', data: scores.map(String) },
    yAxis: { type: 'value', name: labels.text('results.charts.answers'), minInterval: 1 },
    series: [{ type: 'bar', data: scores.map((score) => ({ value: distribution[String(score)] ?? 0, itemStyle: { color: colour(score) } })) }],
  };
}

export function kanoScatter(analysis: SurveyAnalysis, labels: Labels): ResultsChartOption {
  const points = analysis.questions.flatMap((question) =>
    question.type === 'kano' && question.kano.better !== null && question.kano.worse !== null
      ? [{ name: labels.local(question.title, question.key), value: [round(Math.abs(question.kano.worse), 3), round(question.kano.better, 3)] }]
      : [],
  );
  return {
    tooltip: {
      formatter: (params) => {
        const item = params as unknown as { name: string; value: number[] };
        return `${item.name}<br/>Better ${item.value[1]} · |Worse| ${item.value[0]}`;
      },
    },
    // Room on the right for the names of the points nearest the edge (their labels sit to the right of the point).
    grid: labelledGrid({ left: 8, right: 120, top: 24, bottom: 8 }),
    xAxis: { type: 'value', name: labels.text('results.charts.worse'), min: 0, max: 1, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', name: labels.text('results.charts.better'), min: 0, max: 1 },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: points,
        label: { show: true, position: 'right', formatter: '{b}', width: 120, overflow: 'truncate' },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#bfbfbf' }, data: [{ xAxis: 0.5 }, { yAxis: 0.5 }] },
      },
    ],
  };
}

/** Item ids are question keys or `key.row` for matrix rows (@manyi/core ratedItems). */
export function itemName(analysis: SurveyAnalysis, id: string, labels: Labels): string {
  const [key, row] = id.split('.');
  const question = analysis.questions.find((candidate) => candidate.key === key);
  if (!question) return id;
  if (question.type === 'matrix' && row) return labels.local(question.rows.find((candidate) => candidate.key === row)?.label, id);
  return labels.local(question.title, id);
}

export function importancePerformance(map: ImportancePerformanceMap, analysis: SurveyAnalysis, labels: Labels): ResultsChartOption {
  const placed = map.points.filter((point) => point.importance !== null && point.performance !== null);
  return {
    tooltip: {
      formatter: (params) => {
        const item = params as unknown as { name: string; value: number[] };
        return `${item.name}<br/>${labels.text('results.charts.importance')} ${item.value[0]} · ${labels.text('results.charts.performance')} ${item.value[1]}`;
      },
    },
    // Room on the right for the names of the points nearest the edge (their labels sit to the right of the point).
    grid: labelledGrid({ left: 8, right: 120, top: 24, bottom: 8 }),
    xAxis: { type: 'value', name: labels.text('results.charts.importance'), scale: true, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', name: labels.text('results.charts.performance'), scale: true },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        label: { show: true, position: 'right', formatter: '{b}', width: 110, overflow: 'truncate', fontSize: 11 },
        data: placed.map((point) => ({
          name: itemName(analysis, point.id, labels),
          value: [round(point.importance ?? 0, 3), round(point.performance ?? 0, 1)],
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#bfbfbf' },
          data: [{ xAxis: round(map.importanceThreshold ?? 0, 3) }, { yAxis: round(map.performanceThreshold ?? 0, 1) }],
        },
      },
    ],
  };
}

/** Standardised coefficients; drivers whose p ≥ α are grey and say "not significant" rather than being ranked. */
export function keyDriverBars(drivers: Extract<KeyDriverAnalysis, { status: 'fitted' }>, names: Record<string, LocalText>, labels: Labels): ResultsChartOption {
  const sorted = [...drivers.drivers].sort((a, b) => a.standardisedCoefficient - b.standardisedCoefficient);
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const [first] = params as unknown as { dataIndex: number }[];
        const driver = sorted[first?.dataIndex ?? 0];
        if (!driver) return '';
        return `${labels.local(names[driver.id], driver.id)}<br/>β ${round(driver.standardisedCoefficient, 3)} · p ${round(driver.pValue, 4)} · ${labels.text(driver.significant ? 'results.charts.significant' : 'results.charts.notSignificant')}`;
      },
    },
    grid: labelledGrid({ left: 8, right: 24, top: 8, bottom: 8 }),
    xAxis: { type: 'value', name: labels.text('results.charts.coefficient'), nameLocation: 'middle', nameGap: 24 },
    yAxis: {
      type: 'category',
      axisLabel: longCategoryLabel,
      data: sorted.map(
        (driver) => `${labels.local(names[driver.id], driver.id)}${driver.significant ? '' : `（${labels.text('results.charts.notSignificant')}）`}`,
      ),
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((driver) => ({
          value: round(driver.standardisedCoefficient, 3),
          itemStyle: { color: driver.significant ? colours.significant : colours.insignificant },
        })),
      },
    ],
  };
}

export function trendLines(trend: readonly WaveSummary[], labels: Labels): ResultsChartOption {
  const percent = (value: number | null) => (value === null ? null : round(value * 100, 1));
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: labelledGrid({ left: 8, right: 24, top: 16, bottom: 32 }),
    xAxis: { type: 'category', data: trend.map((wave) => wave.name) },
    yAxis: { type: 'value' },
    series: [
      { type: 'line', name: labels.text('results.charts.satisfactionRate'), data: trend.map((wave) => percent(wave.satisfactionRate)) },
      { type: 'line', name: labels.text('results.charts.npsScore'), data: trend.map((wave) => (wave.nps === null ? null : round(wave.nps, 1))) },
      {
        type: 'line',
        name: labels.text('results.charts.indexScore'),
        data: trend.map((wave) => (wave.weightedIndex === null ? null : round(wave.weightedIndex, 1))),
      },
    ],
  };
}
