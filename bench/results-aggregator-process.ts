/**
 * The results aggregator on its own, as a separate worker process would run it (an API instance
 * with MANYI_RESULTS_AGGREGATOR=off beside one that only aggregates): used by bench/survey-ingest.ts
 * with SURVEY_BENCH_AGGREGATOR=process. Runs until its parent disconnects.
 */
import { connect } from '@manyi/db';
import pino from 'pino';
import { systemClock } from '../apps/server/src/clock';
import { startResultsTimer } from '../apps/server/src/results/aggregator';

const connection = await connect({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const timer = startResultsTimer(connection.db, systemClock, pino({ level: 'warn' }));
process.on('disconnect', () => {
  void timer
    .stop()
    .then(() => connection.close())
    .then(() => process.exit(0));
});
