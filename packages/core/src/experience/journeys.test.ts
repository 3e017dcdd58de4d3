import { describe, expect, it } from 'vitest';
import { projectTypes } from '../organisation/vocabulary';
import { categoryMatches, journeyIssues, starterJourney, touchpointHealth } from './journeys';

describe('journey maps', () => {
  it.each(projectTypes.values.map((type) => [type]))('the %s starter journey is valid, with a designed peak and end', (type) => {
    const journey = starterJourney(type);
    expect(journeyIssues(journey)).toEqual([]);
    expect(journey.touchpoints.some((touchpoint) => touchpoint.peak)).toBe(true);
    expect(journey.touchpoints.some((touchpoint) => touchpoint.end)).toBe(true);
  });

  it('refuses a touchpoint without a post or a standard, a duplicate id, and two peaks in one stage', () => {
    const [first] = starterJourney('residential').touchpoints;
    const issues = journeyIssues({
      touchpoints: [
        { ...first!, id: 'a', stage: 'repair', peak: true },
        { ...first!, id: 'a', post: undefined, standard: ' ', stage: 'repair', peak: true },
      ],
    });
    expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['touchpoints.1.post', 'touchpoint_post_missing'],
      ['touchpoints.1.standard', 'touchpoint_standard_missing'],
      ['touchpoints.1.id', 'touchpoint_duplicate'],
      ['touchpoints.1.peak', 'stage_two_peaks'],
    ]);
  });

  it('matches a category by its code or anything under it', () => {
    expect(categoryMatches('engineering.leak', ['engineering'])).toBe(true);
    expect(categoryMatches('engineering', ['engineering'])).toBe(true);
    expect(categoryMatches('engineeringx', ['engineering'])).toBe(false);
    expect(categoryMatches('order.visitors', ['engineering', 'order.visitors'])).toBe(true);
  });
});

describe('touchpoint health', () => {
  const none = { surveySatisfaction: null, surveyAnswers: 0, csatAverage: null, visits: 0, slaMissedRate: null, judged: 0 };
  it('needs enough data before it judges', () => {
    expect(touchpointHealth(none)).toBe('no_data');
    expect(touchpointHealth({ ...none, surveySatisfaction: 0.2, surveyAnswers: 9 })).toBe('no_data');
    expect(touchpointHealth({ ...none, surveySatisfaction: 0.2, surveyAnswers: 10 })).toBe('weak');
  });
  it('is weak on any weak figure, watch on a middling one, good otherwise', () => {
    expect(touchpointHealth({ ...none, surveySatisfaction: 0.9, surveyAnswers: 50, csatAverage: 3.2, visits: 8 })).toBe('weak');
    expect(touchpointHealth({ ...none, slaMissedRate: 0.2, judged: 20 })).toBe('watch');
    expect(touchpointHealth({ ...none, surveySatisfaction: 0.9, surveyAnswers: 50, csatAverage: 4.6, visits: 8, slaMissedRate: 0.05, judged: 40 })).toBe(
      'good',
    );
  });
});
