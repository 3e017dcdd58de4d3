/** One worker of bench/text-engine.ts: analyses its share of the comments and posts back the polarity counts. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseComment } from '@manyi/text';

const { texts, count, offset } = workerData as { texts: string[]; count: number; offset: number };
const polarity = { positive: 0, negative: 0, neutral: 0 };
let topics = 0;
for (let index = 0; index < count; index += 1) {
  const result = analyseComment(texts[(offset + index) % texts.length] ?? '');
  polarity[result.sentiment.polarity] += 1;
  topics += result.topics.length;
}
parentPort?.postMessage({ polarity, topics });
