/**
 * The campaign's .xlsx export (issue 4 §6): sheet 原始数据 with one row per complete response (one
 * column per question, per matrix row, per side of a SERVQUAL/Kano pair; household, source and a
 * 纸质 paper flag), then the results sheets from the same analysis the page shows. Responses are
 * read a page at a time and streamed into the zip as they come, so a large campaign never sits in
 * memory; the results sheets follow once the raw rows are written.
 */
import { PassThrough, type Readable } from 'node:stream';
import { householdLabel, kanoAnswers, kanoCategories, localText, notExperienced, type Answers, type Question, type SurveyAnalysis } from '@manyi/core';
import ExcelJS from 'exceljs';
import type { Context } from '../http/context';
import { attachment } from '../imports/template';
import { scopedProjectIds } from '../policy/policy';
import { exportResponsePage, type ExportResponse } from './repository';
import type { ResultsQuery } from '@manyi/contracts/results';
import { campaignResults, readableCampaign } from './service';

const pageSize = 1_000;
const sources: Record<string, string> = { h5: '线上', paper: '纸质', import: '导入' };

type Column = { header: string; value: (answers: Answers) => string | number | null };

const kanoLabel = (value: unknown) =>
  typeof value === 'string' && value in kanoAnswers.labels ? kanoAnswers.labels[value as keyof typeof kanoAnswers.labels]['zh-CN'] : null;
const rating = (value: unknown) => (value === notExperienced ? '未体验' : typeof value === 'number' ? value : null);

/** The raw sheet's answer columns for one question, headed by its Chinese title. */
function columnsOf(question: Question): Column[] {
  const title = localText(question.title, 'zh-CN');
  const answer = (answers: Answers) => answers[question.key];
  const part = (answers: Answers, key: string) => (answer(answers) as Record<string, unknown> | undefined)?.[key];
  switch (question.type) {
    case 'satisfaction':
    case 'nps':
      return [{ header: title, value: (answers) => rating(answer(answers)) }];
    case 'servqual':
      return [
        { header: `${title}·期望`, value: (answers) => rating(part(answers, 'expectation')) },
        { header: `${title}·感知`, value: (answers) => rating(part(answers, 'perception')) },
      ];
    case 'kano':
      return [
        { header: `${title}·具备时`, value: (answers) => kanoLabel(part(answers, 'functional')) },
        { header: `${title}·不具备时`, value: (answers) => kanoLabel(part(answers, 'dysfunctional')) },
      ];
    case 'matrix':
      return question.rows.map((row) => ({ header: `${title}·${localText(row.label, 'zh-CN')}`, value: (answers) => rating(part(answers, row.key)) }));
    case 'single':
    case 'multiple': {
      const label = (value: string) => localText(question.options.find((option) => option.value === value)?.label ?? { 'zh-CN': value }, 'zh-CN');
      return [
        {
          header: title,
          value: (answers) => {
            const value = answer(answers);
            if (typeof value === 'string') return label(value);
            return Array.isArray(value) ? value.map((item) => label(String(item))).join('、') : null;
          },
        },
      ];
    }
    case 'text':
      return [{ header: title, value: (answers) => (typeof answer(answers) === 'string' ? (answer(answers) as string) : null) }];
  }
}

function rawRow(response: ExportResponse, columns: readonly Column[]): (string | number | Date | null)[] {
  const household = response.buildingName && response.room ? householdLabel(response.buildingName, response.unitName, response.room) : '';
  const answers = (response.answers ?? {}) as Answers;
  return [
    response.projectName ?? '',
    household,
    sources[response.source] ?? response.source,
    response.source === 'paper' ? '是' : '否',
    response.submittedAt,
    ...columns.map((column) => column.value(answers)),
  ];
}

const percent = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1000) / 10);
const round = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/** The results sheets: per question/item figures, NPS, SERVQUAL gaps, Kano, key drivers. */
function addResultSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, analysis: SurveyAnalysis): void {
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow(headers).font = { bold: true };
    for (const row of rows) worksheet.addRow(row).commit();
    worksheet.commit();
  };
  const items = analysis.questions.flatMap((question) => {
    const title = localText(question.title, 'zh-CN');
    if (question.type === 'satisfaction')
      return [[title, question.valid, question.notExperienced, round(question.mean), percent(question.satisfactionRate?.rate)]];
    if (question.type === 'matrix')
      return question.rows.map((row) => [
        `${title}·${localText(row.label, 'zh-CN')}`,
        row.valid,
        row.notExperienced,
        round(row.mean),
        percent(row.satisfactionRate?.rate),
      ]);
    return [];
  });
  sheet('满意度', ['题目', '有效样本', '未体验', '均值', '满意率(%)'], items);
  const nps = analysis.nps;
  sheet(
    'NPS',
    ['指标', '值'],
    nps
      ? [
          ['有效样本', nps.valid],
          ['推荐者', nps.promoters],
          ['被动者', nps.passives],
          ['贬损者', nps.detractors],
          ['NPS', round(nps.score, 1)],
          ['误差范围(Wald)', round(nps.wald?.marginOfError, 1)],
          ['调整Wald 下限', round(nps.adjustedWald?.lower, 1)],
          ['调整Wald 上限', round(nps.adjustedWald?.upper, 1)],
        ]
      : [],
  );
  sheet(
    'SERVQUAL',
    ['维度', '题目', '期望', '感知', '差距', '配对样本'],
    (analysis.servqual?.dimensions ?? []).flatMap((dimension) =>
      dimension.items.map((item) => [dimension.id, item.id, round(item.expectation), round(item.perception), round(item.gap), item.pairs]),
    ),
  );
  sheet(
    'Kano',
    ['题目', '类别', 'Better', 'Worse', '有效样本'],
    analysis.questions.flatMap((question) =>
      question.type === 'kano'
        ? [
            [
              localText(question.title, 'zh-CN'),
              question.kano.category ? kanoCategories.labels[question.kano.category]['zh-CN'] : null,
              round(question.kano.better, 3),
              round(question.kano.worse, 3),
              question.kano.valid,
            ],
          ]
        : [],
    ),
  );
  const drivers = analysis.keyDrivers;
  sheet(
    '关键驱动',
    ['维度', '系数', '标准化系数', 'p 值', '显著'],
    drivers?.status === 'fitted'
      ? drivers.drivers.map((driver) => [
          driver.id,
          round(driver.estimate, 4),
          round(driver.standardisedCoefficient, 3),
          round(driver.pValue, 4),
          driver.significant ? '是' : '否',
        ])
      : [],
  );
}

export type ResultsExport = { fileName: string; contentDisposition: string; stream: Readable };

export async function exportResults(context: Context, campaignId: string, query: ResultsQuery): Promise<ResultsExport> {
  const survey = await readableCampaign(context, campaignId);
  const results = await campaignResults(context, campaignId, query);
  const columns = survey.definition.questions.flatMap(columnsOf);
  const filter = {
    tenantId: context.principal.tenantId,
    campaignId,
    projectIds: scopedProjectIds(context.principal, query.projectId),
    buildingId: query.buildingId,
  };

  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const raw = workbook.addWorksheet('原始数据');
  raw.addRow(['项目', '房屋', '来源', '纸质', '提交时间', ...columns.map((column) => column.header)]).font = { bold: true };
  const write = async () => {
    let after: string | null = null;
    for (;;) {
      const page = await exportResponsePage(context.db, filter, query.tags, after, pageSize);
      for (const response of page) raw.addRow(rawRow(response, columns)).commit();
      if (page.length < pageSize) break;
      after = page.at(-1)!.id;
    }
    raw.commit();
    addResultSheets(workbook, results.analysis);
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    context.log.error({ err: error }, 'results export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const date = new Date(context.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const fileName = `${survey.name}-结果-${date}.xlsx`;
  return { fileName, contentDisposition: attachment(fileName, `survey-results-${date}.xlsx`), stream };
}
