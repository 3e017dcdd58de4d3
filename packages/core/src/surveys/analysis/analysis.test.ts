import { describe, expect, it } from 'vitest';
import { rescaleTo100, type RatingAnswer } from '../../metrics/answers';
import { importancePerformanceAnalysis } from '../../metrics/importance-performance';
import { kanoAnalysis } from '../../metrics/kano';
import { keyDriverAnalysis } from '../../metrics/key-driver';
import { netPromoterScore } from '../../metrics/nps';
import { satisfactionRate } from '../../metrics/satisfaction-rate';
import { servqualGaps } from '../../metrics/servqual';
import { weightedSatisfactionIndex } from '../../metrics/weighted-index';
import { compareNps, compareRates } from '../../metrics/wave-change';
import { kanoAnswers } from '../../metrics/vocabulary';
import { checkAnswers } from '../answers';
import { notExperienced, type AnswerValue, type Answers } from '../definition';
import { toIndicatorNodes } from '../templates/indicator-trees';
import { analyseTally, compareWaves, mergeTallies, questionKeysForPost, tallyResponses } from './index';
import { analysisDefinition as definition, analysisTree as tree, randomAnswers } from './analysis.fixture';

const responses = randomAnswers(400, 7).map((answers) => {
  const checked = checkAnswers(definition, answers, true);
  expect(checked.issues).toEqual([]);
  return checked.answers;
});

/** One column of raw answers: a rating per response, null when skipped or 未体验. */
function column(read: (answers: Answers) => AnswerValue | undefined): RatingAnswer[] {
  return responses.map((answers) => {
    const value = read(answers);
    return typeof value === 'number' ? value : null;
  });
}
const matrixRow = (row: string) => (answers: Answers) => (answers['posts'] as Record<string, number | typeof notExperienced> | undefined)?.[row];
const servqualSide = (side: 'expectation' | 'perception') => (answers: Answers) => (answers['facilities'] as Record<string, number>)[side];
const kanoCode = (answer: AnswerValue | undefined, side: 'functional' | 'dysfunctional') =>
  answer === undefined ? null : kanoAnswers.values.indexOf((answer as Record<string, (typeof kanoAnswers.values)[number]>)[side]!) + 1;

const overall = column((answers) => answers['overall']);
const clean = column((answers) => answers['clean']);
const repair = column(matrixRow('repair'));
const reply = column(matrixRow('reply'));
const perception = column(servqualSide('perception'));

describe('analyseTally on a tally equals the metrics on the raw answers', () => {
  const analysis = analyseTally(definition, tallyResponses(definition, responses, tree), tree);

  it('satisfaction rates, means and distributions, with 未体验 out of the base', () => {
    const question = analysis.questions.find((candidate) => candidate.key === 'clean');
    if (question?.type !== 'satisfaction') throw new Error('clean missing');
    const raw = satisfactionRate(clean);
    expect(question.satisfactionRate).toMatchObject({ satisfied: raw.satisfied, valid: raw.valid, rate: raw.rate });
    expect(question.notExperienced).toBe(responses.filter((answers) => answers['clean'] === notExperienced).length);
    expect(question.mean).toBeCloseTo(clean.reduce<number>((total, value) => total + (value ?? 0), 0) / raw.valid, 12);
    expect(analysis.overall?.satisfactionRate?.rate).toBe(satisfactionRate(overall).rate);
    const matrix = analysis.questions.find((candidate) => candidate.key === 'posts');
    if (matrix?.type !== 'matrix') throw new Error('posts missing');
    expect(matrix.rows[1]?.satisfactionRate?.rate).toBe(satisfactionRate(reply).rate);
    expect(Object.values(matrix.rows[1]?.distribution ?? {}).reduce((a, b) => a + b, 0)).toBe(satisfactionRate(reply).valid);
  });

  it('NPS with both margins', () => {
    const raw = netPromoterScore(column((answers) => answers['nps']));
    expect(analysis.nps).toMatchObject({ promoters: raw.promoters, detractors: raw.detractors, score: raw.score });
    expect(analysis.nps?.wald?.marginOfError).toBeCloseTo(raw.wald?.marginOfError ?? Number.NaN, 12);
    expect(analysis.nps?.adjustedWald?.lower).toBeCloseTo(raw.adjustedWald?.lower ?? Number.NaN, 12);
  });

  it('SERVQUAL item, dimension and weighted gaps', () => {
    const raw = servqualGaps([{ id: 'tangibles', weight: 40, items: [{ id: 'facilities', expectation: column(servqualSide('expectation')), perception }] }], {
      minimum: 1,
      maximum: 7,
    });
    expect(analysis.servqual?.dimensions[0]?.items[0]?.gap).toBeCloseTo(raw.dimensions[0]?.items[0]?.gap ?? Number.NaN, 12);
    expect(analysis.servqual?.weightedGap).toBeCloseTo(raw.weightedGap ?? Number.NaN, 12);
  });

  it('Kano category and Better/Worse', () => {
    const raw = kanoAnalysis(
      responses.map((answers) => ({
        functional: kanoCode(answers['concierge'], 'functional'),
        dysfunctional: kanoCode(answers['concierge'], 'dysfunctional'),
      })),
    );
    const question = analysis.questions.find((candidate) => candidate.key === 'concierge');
    if (question?.type !== 'kano') throw new Error('concierge missing');
    expect(question.kano).toEqual(raw);
  });

  it('weighted index over the tree, each leaf on its own scale', () => {
    const responsivenessTree = toIndicatorNodes(tree.slice(1));
    const raw = weightedSatisfactionIndex(responsivenessTree, { 'responsiveness.repair': repair, 'responsiveness.reply': reply });
    // The facilities leaf is 7-point: rescaled separately and combined by hand with the 5-point rest.
    const leaf = (scores: RatingAnswer[], maximum: number) => {
      const valid = scores.filter((value): value is number => value !== null);
      return rescaleTo100(valid.reduce((a, b) => a + b, 0) / valid.length, { minimum: 1, maximum });
    };
    const tangibles = 0.6 * leaf(clean, 5) + 0.4 * leaf(perception, 7);
    const responsiveness = raw.index ?? Number.NaN;
    expect(analysis.weightedIndex?.nodes[1]?.index).toBeCloseTo(responsiveness, 10);
    expect(analysis.weightedIndex?.nodes[0]?.index).toBeCloseTo(tangibles, 10);
    expect(analysis.weightedIndex?.index).toBeCloseTo(0.4 * tangibles + 0.6 * responsiveness, 10);
  });

  it('importance–performance by correlation with the overall question and by weights', () => {
    const attributes = [
      { id: 'clean', ratings: clean, weight: 0.24 },
      { id: 'posts.repair', ratings: repair, weight: 0.42 },
      { id: 'posts.reply', ratings: reply, weight: 0.18 },
    ];
    const byCorrelation = importancePerformanceAnalysis(attributes, { kind: 'correlation', overall });
    const tallied = analysis.importancePerformance.correlation?.points ?? [];
    for (const point of byCorrelation.points) {
      const found = tallied.find((candidate) => candidate.id === point.id);
      expect(found?.importance).toBeCloseTo(point.importance ?? Number.NaN, 10);
      expect(found?.performance).toBeCloseTo(rescaleTo100(point.performance ?? Number.NaN, { minimum: 1, maximum: 5 }), 10);
    }
    const weights = analysis.importancePerformance.weights?.points ?? [];
    expect(weights.find((point) => point.id === 'posts.repair')?.importance).toBeCloseTo(0.42, 12);
    expect(weights.find((point) => point.id === 'facilities')?.importance).toBeCloseTo(0.16, 12);
  });

  it('key drivers: OLS of overall on dimension scores (items rescaled to 0–100, averaged per response)', () => {
    const score = (values: (number | null)[], maximum: number) => values.map((value) => (value === null ? null : rescaleTo100(value, { minimum: 1, maximum })));
    const [cleanScore, perceptionScore, repairScore, replyScore] = [score(clean, 5), score(perception, 7), score(repair, 5), score(reply, 5)];
    const average = (...values: (number | null)[]) => {
      const present = values.filter((value): value is number => value !== null);
      return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
    };
    const raw = keyDriverAnalysis({
      overall,
      drivers: [
        { id: 'tangibles', answers: responses.map((_, i) => average(cleanScore[i] ?? null, perceptionScore[i] ?? null)) },
        { id: 'responsiveness', answers: responses.map((_, i) => average(repairScore[i] ?? null, replyScore[i] ?? null)) },
      ],
    });
    const tallied = analysis.keyDrivers;
    if (raw.status !== 'fitted' || tallied?.status !== 'fitted') throw new Error('regression not fitted');
    expect(tallied.observations).toBe(raw.observations);
    expect(tallied.rSquared).toBeCloseTo(raw.rSquared, 9);
    raw.drivers.forEach((driver, index) => {
      expect(tallied.drivers[index]).toMatchObject({ id: driver.id, significant: driver.significant });
      expect(tallied.drivers[index]?.estimate).toBeCloseTo(driver.estimate, 9);
      expect(tallied.drivers[index]?.pValue).toBeCloseTo(driver.pValue, 9);
      expect(tallied.drivers[index]?.standardisedCoefficient).toBeCloseTo(driver.standardisedCoefficient, 9);
    });
  });

  it('choice shares on the respondents who answered', () => {
    const question = analysis.questions.find((candidate) => candidate.key === 'topics');
    if (question?.type !== 'multiple') throw new Error('topics missing');
    const answered = responses.filter((answers) => (answers['topics'] as string[]).length > 0).length;
    expect(question.answered).toBe(answered);
    expect(question.options[0]?.count).toBe(responses.filter((answers) => (answers['topics'] as string[]).includes('a')).length);
  });
});

describe('mergeTallies', () => {
  it('merging the tallies of two halves equals tallying the union', () => {
    const first = tallyResponses(definition, responses.slice(0, 150), tree);
    const second = tallyResponses(definition, responses.slice(150), tree);
    const merged = mergeTallies([first, second]);
    const whole = tallyResponses(definition, responses, tree);
    // Counts add exactly; the driver moments hold fractional dimension scores, so they agree to rounding.
    expect({ ...merged, drivers: null }).toEqual({ ...whole, drivers: null });
    expect(merged.drivers?.observations).toBe(whole.drivers?.observations);
    merged.drivers?.crossProducts.flat().forEach((value, index) => expect(value).toBeCloseTo(whole.drivers?.crossProducts.flat()[index] ?? Number.NaN, 6));
    const [mergedDrivers, wholeDrivers] = [analyseTally(definition, merged, tree).keyDrivers, analyseTally(definition, whole, tree).keyDrivers];
    if (mergedDrivers?.status !== 'fitted' || wholeDrivers?.status !== 'fitted') throw new Error('regression not fitted');
    expect(mergedDrivers.drivers[0]?.estimate).toBeCloseTo(wholeDrivers.drivers[0]?.estimate ?? Number.NaN, 9);
    expect({ ...analyseTally(definition, merged, tree), keyDrivers: null }).toEqual({ ...analyseTally(definition, whole, tree), keyDrivers: null });
    expect(first.responses).toBe(150);
  });

  it('refuses tallies of different driver layouts', () => {
    const other = tallyResponses(definition, responses.slice(0, 5));
    const withTree = tallyResponses(definition, responses.slice(0, 5), [...tree].reverse());
    expect(() => mergeTallies([other, withTree])).toThrow(RangeError);
  });
});

describe('filters and waves', () => {
  it('a post filter keeps the questions measuring that post', () => {
    expect([...questionKeysForPost(definition, tree, 'engineering')].sort()).toEqual(['facilities', 'posts']);
    expect([...questionKeysForPost(definition, tree, 'cleaning')]).toEqual(['clean']);
    const analysis = analyseTally(definition, tallyResponses(definition, responses, tree), tree, {
      questionKeys: questionKeysForPost(definition, tree, 'cleaning'),
    });
    expect(analysis.questions.map((question) => question.key)).toEqual(['clean']);
    expect(analysis.nps).toBeNull();
  });

  it('compareWaves runs the two-proportion z-test and the NPS combined margin', () => {
    const before = analyseTally(definition, tallyResponses(definition, responses.slice(0, 200), tree), tree);
    const later = responses.slice(200).map((answers) => ({ ...answers, overall: 5, nps: 10 }));
    const after = analyseTally(definition, tallyResponses(definition, later, tree), tree);
    const change = compareWaves(before, after);
    const overallBefore = satisfactionRate(overall.slice(0, 200));
    expect(change.overall).toEqual(compareRates(overallBefore, { satisfied: 200, valid: 200 }));
    expect(change.overall?.significant).toBe(true);
    const npsBefore = netPromoterScore(column((answers) => answers['nps']).slice(0, 200));
    expect(change.nps).toEqual(compareNps(npsBefore, { promoters: 200, passives: 0, detractors: 0 }));
    expect(change.rates.some((rate) => rate.questionKey === 'posts' && rate.item === 'reply' && rate.change?.significant === false)).toBe(true);
  });
});
