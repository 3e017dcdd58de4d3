/**
 * Reports (issue 16 §6): the weekly report of a project (周例会) and the monthly report of the
 * company, as PDF and .xlsx, on demand. Both are built from the same overview the homes show
 * (service.ts), so a report never disagrees with the dashboard of the same moment.
 *
 * PDF: an HTML page (charts drawn by ECharts' server-side SVG renderer) printed by Chromium
 * through playwright-core, with the Noto CJK fonts of the machine (fonts-noto-cjk, installed by
 * .ci/run), so Chinese text and chart labels render as glyphs, not boxes. A period with no tickets
 * and no survey answers says so on the page instead of printing zeros.
 *
 * Generated on a schedule and on demand with progress by report-jobs.ts; other modules append
 * sections to the weekly report through report-sections.ts.
 */
import ExcelJS from 'exceljs';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use as registerCharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { chromium } from 'playwright-core';
import type { Figures } from '@manyi/contracts/analytics';
import { addLocalDays, shanghaiDate, shanghaiMidnight } from '@manyi/core';
import type { Context } from '../http/context';
import { HttpProblem } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { extraWeeklySections, type ReportSection } from './report-sections';
import { projectsOf, weekTickets } from './repository';
import { overview, rankings } from './service';

registerCharts([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const fontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";

type Section = ReportSection;
export type Report = { title: string; subtitle: string; empty: boolean; sections: Section[]; fileName: string };

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const fixed = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

function tilesOf(figures: Figures, extra: [string, string][] = []): [string, string][] {
  return [
    ['满意率', `${percent(figures.satisfaction.rate)}（样本 ${figures.satisfaction.base}）`],
    ['NPS', figures.nps.score === null ? '—' : `${fixed(figures.nps.score)}（${fixed(figures.nps.lower)} ～ ${fixed(figures.nps.upper)}）`],
    ['SLA 达成率', percent(figures.sla.rate)],
    ['超时工单', String(figures.overdue)],
    ['每千户投诉', fixed(figures.complaints.per1000, 2)],
    ['重复投诉率', percent(figures.repeatComplaints.rate)],
    ['回访满意率', percent(figures.visits.rate)],
    ['收缴率', percent(figures.feeCollection.rate)],
    ...extra,
  ];
}

function trendSvg(months: { month: string; figures: Figures }[]): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 680, height: 240 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily },
    legend: { top: 0, textStyle: { fontFamily } },
    grid: { left: 44, right: 44, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: months.map((row) => row.month) },
    yAxis: [
      { type: 'value', name: '%', min: 0, max: 100 },
      { type: 'value', name: '件/千户' },
    ],
    series: [
      { type: 'line', name: 'SLA 达成率', data: months.map((row) => (row.figures.sla.rate === null ? null : Math.round(row.figures.sla.rate * 1000) / 10)) },
      {
        type: 'line',
        name: '回访满意率',
        data: months.map((row) => (row.figures.visits.rate === null ? null : Math.round(row.figures.visits.rate * 1000) / 10)),
      },
      {
        type: 'bar',
        name: '每千户投诉',
        yAxisIndex: 1,
        data: months.map((row) => (row.figures.complaints.per1000 === null ? 0 : Math.round(row.figures.complaints.per1000 * 100) / 100)),
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const typeLabels: Record<string, string> = { repair: '报修', complaint: '投诉', inquiry: '咨询', suggestion: '建议', praise: '表扬', common_area: '公区报事' };
const statusLabels: Record<string, string> = {
  new: '新建',
  accepted: '已受理',
  assigned: '已派单',
  in_progress: '处理中',
  on_hold: '挂起',
  reopened: '重开',
  resolved: '已解决',
  visited: '已回访',
  closed: '已关闭',
  cancelled: '已取消',
  merged: '已合并',
};

const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6

/** The Monday of the week a Shanghai day falls in. */
export const mondayOf = (day: string) => addLocalDays(day, -weekday(day));

/** The week a weekly report covers by default: the last whole week (Monday to Sunday) before today, Shanghai time. */
export const lastWholeWeek = (now: Date) => addLocalDays(mondayOf(shanghaiDate(now)), -7);

/** The month a monthly report covers by default: the last whole month before today, Shanghai time. */
export const lastWholeMonth = (now: Date) => addLocalDays(`${shanghaiDate(now).slice(0, 7)}-01`, -1).slice(0, 7);

/**
 * The weekly report of one project for the week starting Monday `week` (default the last whole
 * week): the week's tickets and complaints, the figures of the month the week ends in, buildings,
 * trend, then the sections other modules register (report-sections.ts).
 */
export async function weeklyReport(context: Context, projectId: string, week?: string): Promise<Report> {
  requirePermission(context.principal, 'analytics.read');
  const from = mondayOf(week ?? lastWholeWeek(context.clock.now()));
  const until = addLocalDays(from, 7);
  const lastDay = addLocalDays(until, -1);
  const view = await overview(context, { level: 'project', id: projectId, month: lastDay.slice(0, 7) });
  const tickets = await weekTickets(context.db, context.principal.tenantId, projectId, shanghaiMidnight(from), shanghaiMidnight(until));
  const empty = tickets.length === 0 && view.headline.satisfaction.base === 0 && view.headline.received === 0;
  const byType = new Map<string, number>();
  for (const ticket of tickets) byType.set(ticket.type, (byType.get(ticket.type) ?? 0) + 1);
  const complaints = tickets.filter((ticket) => ticket.type === 'complaint');
  const [project] = await projectsOf(context.db, context.principal.tenantId, [projectId]);
  const extra = await extraWeeklySections(context, { projectId, projectName: project?.name ?? view.scope.name, from, until });
  return {
    title: `${view.scope.name} 周报`,
    subtitle: `${from} 至 ${lastDay}（周例会）${view.campaign ? ` · 调查：${view.campaign.name}` : ''}`,
    empty,
    fileName: `周报-${view.scope.name}-${from}`,
    sections: [
      ...(empty
        ? []
        : [
            { heading: `${view.month} 主要指标`, tiles: tilesOf(view.headline, [['满意度指数', fixed(view.weightedIndex)]]) },
            {
              heading: '本周工单',
              table: { columns: ['类型', '件数'], rows: [...byType.entries()].map(([type, count]) => [typeLabels[type] ?? type, count]) },
              note: tickets.length === 0 ? '本周没有新工单。' : `本周共 ${tickets.length} 件，其中投诉 ${complaints.length} 件。`,
            },
            {
              heading: '本周投诉',
              table: {
                columns: ['单号', '标题', '状态', '受理时间'],
                rows: complaints
                  .slice(0, 40)
                  .map((ticket) => [ticket.number, ticket.title, statusLabels[ticket.status] ?? ticket.status, shanghaiDate(new Date(ticket.reportedAt))]),
              },
              note: complaints.length === 0 ? '本周没有投诉。' : undefined,
            },
            {
              heading: '按楼栋',
              table: {
                columns: ['楼栋', '满意率', '样本', '超时', '每千户投诉'],
                rows: view.children.map((child) => [
                  child.name,
                  percent(child.figures.satisfaction.rate),
                  child.figures.satisfaction.base,
                  child.figures.overdue,
                  fixed(child.figures.complaints.per1000, 2),
                ]),
              },
            },
            { heading: '近 12 个月趋势', chart: trendSvg(view.trendMonths) },
          ]),
      ...extra,
    ],
  };
}

/** The monthly report of the company: headline, regions, the satisfaction ranking with significance marks, the trend. */
export async function monthlyReport(context: Context, month: string | undefined): Promise<Report> {
  requirePermission(context.principal, 'analytics.read');
  if (context.principal.projectIds !== null) throw new HttpProblem(403, 'forbidden');
  const view = await overview(context, { level: 'company', month });
  const ranking = await rankings(context, { metric: 'satisfaction', month: view.month });
  const empty = view.headline.received === 0 && view.headline.satisfaction.base === 0 && view.headline.sla.judged === 0;
  const marks: Record<string, string> = { above: '显著优于公司', below: '显著低于公司', not_significant: '差异不显著', no_data: '样本不足' };
  return {
    title: `公司月报 ${view.month}`,
    subtitle: view.campaign ? `调查：${view.campaign.name}` : '当前没有已汇总的调查',
    empty,
    fileName: `公司月报-${view.month}`,
    sections: empty
      ? []
      : [
          {
            heading: '主要指标',
            tiles: tilesOf(view.headline, [
              ['满意度指数', fixed(view.weightedIndex)],
              ['贬损者转化率', view.detractorConversion ? percent(view.detractorConversion.rate) : '—'],
            ]),
          },
          {
            heading: '按区域',
            table: {
              columns: ['区域', '满意率', '样本', 'NPS', 'SLA 达成率', '每千户投诉', '收缴率'],
              rows: view.children.map((child) => [
                child.name,
                percent(child.figures.satisfaction.rate),
                child.figures.satisfaction.base,
                fixed(child.figures.nps.score),
                percent(child.figures.sla.rate),
                fixed(child.figures.complaints.per1000, 2),
                percent(child.figures.feeCollection.rate),
              ]),
            },
          },
          {
            heading: '项目满意率排名',
            table: {
              columns: ['名次', '项目', '满意率', '样本', '与公司差', '显著性'],
              rows: ranking.rows.map((row) => [
                row.rank ?? '—',
                row.name,
                percent(row.value),
                row.n,
                row.differenceFromCompany === null ? '—' : `${(row.differenceFromCompany * 100).toFixed(1)} pt`,
                marks[row.mark] ?? row.mark,
              ]),
            },
            note: '与公司其余项目比较：双比例 z 检验，p < 0.05 为显著；差异不显著的项目不分高下。',
          },
          { heading: '近 12 个月趋势', chart: trendSvg(view.trendMonths) },
        ],
  };
}

const escape = (text: string | number) =>
  String(text).replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character] ?? character);

export function reportHtml(report: Report, generatedAt: Date): string {
  const sections = report.sections
    .map((section) => {
      const tiles = section.tiles
        ? `<div class="tiles">${section.tiles.map(([label, value]) => `<div class="tile"><div class="label">${escape(label)}</div><div class="value">${escape(value)}</div></div>`).join('')}</div>`
        : '';
      const table =
        section.table && section.table.rows.length > 0
          ? `<table><thead><tr>${section.table.columns.map((column) => `<th>${escape(column)}</th>`).join('')}</tr></thead><tbody>${section.table.rows
              .map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`)
              .join('')}</tbody></table>`
          : '';
      const note = section.note ? `<p class="note">${escape(section.note)}</p>` : '';
      return `<section><h2>${escape(section.heading)}</h2>${tiles}${note}${table}${section.chart ?? ''}</section>`;
    })
    .join('');
  const empty = report.empty ? '<p class="empty">本期没有数据：这段时间没有工单，也没有已汇总的调查答卷。</p>' : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(report.title)}</title><style>
    body { font-family: ${fontFamily}; color: #1f1f1f; margin: 0; font-size: 12px; }
    h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 8px; border-left: 4px solid #1677ff; padding-left: 8px; }
    .subtitle { color: #666; margin-bottom: 12px; }
    .tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
    .tile { border: 1px solid #e5e5e5; border-radius: 6px; padding: 8px; } .label { color: #666; } .value { font-size: 15px; font-weight: 600; margin-top: 2px; }
    table { width: 100%; border-collapse: collapse; margin-top: 4px; } th, td { border: 1px solid #e5e5e5; padding: 4px 6px; text-align: left; } th { background: #f5f7fa; }
    .note { color: #555; } .empty { font-size: 16px; padding: 24px; background: #fffbe6; border: 1px solid #ffe58f; border-radius: 6px; }
    footer { color: #999; margin-top: 16px; font-size: 10px; }
  </style></head><body><h1>${escape(report.title)}</h1><div class="subtitle">${escape(report.subtitle)}</div>${empty}${sections}
  <footer>满意 Manyi · 生成于 ${escape(generatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC</footer></body></html>`;
}

/** Prints the page with the machine's Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // The page is self-contained (inline CSS and SVG): nothing may be fetched while printing it.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('概览');
  summary.addRow([report.title]);
  summary.addRow([report.subtitle]);
  if (report.empty) summary.addRow(['本期没有数据：这段时间没有工单，也没有已汇总的调查答卷。']);
  for (const section of report.sections) {
    if (section.tiles) {
      summary.addRow([]);
      summary.addRow([section.heading]);
      for (const [label, value] of section.tiles) summary.addRow([label, value]);
    }
    if (section.table) {
      const sheet = workbook.addWorksheet(section.heading.slice(0, 28).replace(/[\\/*?:[\]]/g, ' '));
      sheet.addRow(section.table.columns);
      for (const row of section.table.rows) sheet.addRow(row);
      sheet.getRow(1).font = { bold: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
