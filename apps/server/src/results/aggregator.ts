/**
 * The results aggregator: adds complete responses to the rollup cell of their campaign × project ×
 * building (survey_result_cells/_counts), so results never read the responses themselves.
 *
 * Exactly once: a batch of the 'results' queue (responses/queue.ts) is taken (locked SKIP LOCKED
 * and deleted), tallied in memory (@manyi/core tallyResponses) and added to its cells in ONE
 * transaction — a crash rolls all of it back, and a second instance running at the same time
 * claims other responses. Cells are locked in key order, so two instances adding to the same cells
 * cannot deadlock. Responses are complete once; when answers are replaced or moved anyway (an import
 * re-run), the writer calls markCellStale for the old and new cell and the next pass recounts those
 * cells from their responses instead of trying to subtract an unknown earlier contribution.
 */
import { addResponse, emptyTally, mergeTallies, type Answers, type SurveyTally } from '@manyi/core';
import type { Database, Executor } from '@manyi/db';
import type { FastifyBaseLogger } from 'fastify';
import { startBackgroundTimer, type BackgroundTimer } from '../background-timer';
import type { Clock } from '../clock';
import { noPlace, tallyRows, type CellMoments, type CountRow } from './cells';
import {
  addCounts,
  campaignSurvey,
  cellKeyText,
  claimStaleCells,
  clearCell,
  countedCellResponses,
  dropStaleCell,
  lockCells,
  writeCells,
  type CampaignSurvey,
  type CellKey,
} from './repository';
import { takeQueued } from '../responses/queue';

export type AggregationOptions = {
  /** Only these companies (tests); default every company. */
  tenantIds?: readonly string[] | undefined;
  /** Only this campaign (the on-demand run after an import). */
  campaignId?: string | undefined;
  batchSize?: number | undefined;
  /** Stop after this many batches (the timer keeps ticks short); default until nothing is left. */
  maxBatches?: number | undefined;
};

export type AggregationResult = { counted: number; recounted: number; batches: number };

type SurveyCache = Map<string, CampaignSurvey | null>;

const defaultBatchSize = 5000;

async function surveyOf(db: Executor, cache: SurveyCache, tenantId: string, campaignId: string): Promise<CampaignSurvey | null> {
  const key = `${tenantId}/${campaignId}`;
  if (!cache.has(key)) cache.set(key, (await campaignSurvey(db, tenantId, campaignId)) ?? null);
  return cache.get(key) ?? null;
}

type CellTally = { key: CellKey; survey: CampaignSurvey; tally: SurveyTally };

const asMoments = (moments: CellMoments): SurveyTally => ({
  responses: 0,
  counts: {},
  answered: {},
  notExperienced: {},
  kanoPairs: {},
  overallPairs: moments.overallPairs,
  drivers: moments.drivers,
  driversExcluded: moments.driversExcluded,
});

/** Adds the tallies to their cells: rows locked in key order, counts summed in SQL, moments merged here. */
async function addToCells(tx: Executor, unsorted: readonly CellTally[], now: Date): Promise<void> {
  // Sorted so that the inserts of new cells also take their locks in one order across aggregators.
  const cells = [...unsorted].sort((a, b) => cellKeyText(a.key).localeCompare(cellKeyText(b.key)));
  const byKey = new Map(cells.map((cell) => [cellKeyText(cell.key), cell]));
  const locked = await lockCells(
    tx,
    cells.map((cell) => cell.key),
    (key) => {
      const survey = byKey.get(cellKeyText(key))!.survey;
      return tallyRows(emptyTally(survey.definition, survey.tree)).moments;
    },
  );
  const counts: (CountRow & CellKey)[] = [];
  const updates = cells.map((cell) => {
    const { counts: rows, moments } = tallyRows(cell.tally);
    for (const row of rows) counts.push({ ...cell.key, ...row });
    const current = locked.get(cellKeyText(cell.key))!;
    const merged = mergeTallies([asMoments(current.moments), asMoments(moments)]);
    return {
      key: cell.key,
      responses: current.responses + cell.tally.responses,
      moments: { overallPairs: merged.overallPairs, drivers: merged.drivers, driversExcluded: merged.driversExcluded },
    };
  });
  await addCounts(tx, counts);
  await writeCells(tx, updates, now);
}

/** One claimed batch, counted in one transaction; returns how many responses it counted (0 = nothing left). */
async function countBatch(db: Database, clock: Clock, cache: SurveyCache, batchSize: number, options: AggregationOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await takeQueued(tx, 'results', batchSize, options);
    if (batch.length === 0) return 0;
    const cells = new Map<string, CellTally>();
    for (const [index, response] of batch.entries()) {
      // The aggregator shares the event loop with the API: give requests a turn every few hundred responses.
      if (index % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
      const survey = await surveyOf(tx, cache, response.tenantId, response.campaignId);
      if (!survey) continue; // a campaign without its survey version cannot be analysed; mark it counted rather than retry forever
      const key: CellKey = {
        tenantId: response.tenantId,
        campaignId: response.campaignId,
        projectId: response.projectId ?? noPlace,
        buildingId: response.buildingId ?? noPlace,
      };
      const text = cellKeyText(key);
      let cell = cells.get(text);
      if (!cell) cells.set(text, (cell = { key, survey, tally: emptyTally(survey.definition, survey.tree) }));
      addResponse(cell.tally, survey.definition, response.answers as Answers, survey.tree);
    }
    const now = clock.now();
    await addToCells(tx, [...cells.values()], now);
    return batch.length;
  });
}

/**
 * Rebuilds one stale cell from the responses already counted into it; returns whether there was
 * one to rebuild. The cell row is locked first and the responses read after (countedCellResponses
 * says why that order counts each response exactly once); the recount takes no queue row, so it
 * cannot deadlock with a batch, which takes queue rows and then cells.
 */
async function recountStaleCell(db: Database, clock: Clock, cache: SurveyCache, tenantIds?: readonly string[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [key] = await claimStaleCells(tx, 1, tenantIds);
    if (!key) return false;
    const survey = await surveyOf(tx, cache, key.tenantId, key.campaignId);
    const empty = () => (survey ? tallyRows(emptyTally(survey.definition, survey.tree)).moments : { overallPairs: {}, drivers: null, driversExcluded: 0 });
    await lockCells(tx, [key], empty);
    const responses = await countedCellResponses(tx, key);
    await clearCell(tx, key);
    if (survey && responses.length > 0) {
      const tally = emptyTally(survey.definition, survey.tree);
      for (const response of responses) addResponse(tally, survey.definition, response.answers as Answers, survey.tree);
      await addToCells(tx, [{ key, survey, tally }], clock.now());
    }
    await dropStaleCell(tx, key);
    return true;
  });
}

/** Counts the complete responses queued when it starts (and recounts stale cells); safe to run on several instances at once. */
export async function runResultsAggregation(db: Database, clock: Clock, options: AggregationOptions = {}): Promise<AggregationResult> {
  const cache: SurveyCache = new Map();
  const result: AggregationResult = { counted: 0, recounted: 0, batches: 0 };
  while (await recountStaleCell(db, clock, cache, options.tenantIds)) result.recounted += 1;
  const batchSize = options.batchSize ?? defaultBatchSize;
  for (;;) {
    if (options.maxBatches !== undefined && result.batches >= options.maxBatches) break;
    const counted = await countBatch(db, clock, cache, batchSize, options);
    if (counted === 0) break;
    result.counted += counted;
    result.batches += 1;
    // A short batch has caught up with what was committed when it began. Under a steady stream of
    // answers, looping on until the queue is empty would chase the few that arrived meanwhile in
    // ever smaller batches, each paying the whole cell update: the next tick takes them in one.
    if (counted < batchSize) break;
  }
  return result;
}

export type ResultsTimer = BackgroundTimer;

/**
 * The aggregator on its own in-process interval (default 5 s), beside the SLA timer; results lag
 * new responses by about that. Ticks never overlap; failures are logged and retried next tick.
 */
export function startResultsTimer(db: Database, clock: Clock, log: FastifyBaseLogger, intervalMs = 5_000): ResultsTimer {
  return startBackgroundTimer('survey results aggregation', intervalMs, log, async () => {
    const result = await runResultsAggregation(db, clock, { maxBatches: 50 });
    if (result.counted + result.recounted > 0) log.debug(result, 'survey results aggregated');
  });
}
