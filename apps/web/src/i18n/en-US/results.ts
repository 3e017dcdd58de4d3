import type { results as zh } from '../zh-CN/results';

export const results: typeof zh = {
  results: {
    title: 'Survey results',
    campaign: 'Campaign',
    chooseCampaign: 'Choose a campaign',
    noCampaign: 'Choose a campaign to see its results',
    refresh: 'Count now',
    refreshed: '{{count}} new responses counted',
    export: 'Export to Excel',
    filters: { project: 'Project', building: 'Building', post: 'Post', tags: 'Owner tags', all: 'All', tagsPlaceholder: 'Type a tag and press Enter' },
    rawSource: 'Filtering by owner tags reads the responses themselves rather than the rollups; it is slower on large campaigns.',
    pending: '{{count}} responses are still being counted; refresh in a few seconds.',
    empty: 'No completed responses under this filter yet',
    tiles: {
      responses: 'Responses', responseRate: 'Response rate', satisfaction: 'Overall satisfaction', nps: 'NPS', index: 'Satisfaction index', gap: 'SERVQUAL weighted gap',
      margin: '±{{value}} (95%)', base: 'Base {{count}}', invited: '{{count}} households invited',
    },
    change: { significant: '{{value}} vs previous wave (significant)', notSignificant: '{{value}} vs previous wave (not significant)', previous: 'Previous wave: {{name}}' },
    charts: {
      radar: 'SERVQUAL dimensions: expectation vs perception', expectation: 'Expectation', perception: 'Perception', gapBars: 'Gap per item (perception − expectation)', gap: 'Gap',
      nps: 'NPS distribution (0–10)', detractors: 'Detractors 0–6', passives: 'Passives 7–8', promoters: 'Promoters 9–10', answers: 'Answers',
      kano: 'Kano: Better / Worse', better: 'Better (satisfaction gained)', worse: '|Worse| (dissatisfaction avoided)',
      ipa: 'Importance–performance', ipaCorrelation: 'By correlation with overall', ipaWeights: 'By indicator weights', importance: 'Importance', performance: 'Performance (0–100)',
      drivers: 'Key drivers (regression)', coefficient: 'Standardised coefficient', notSignificant: 'Not significant', significant: 'Significant', driversNotFitted: 'Too few responses or collinear data: no regression',
      trend: 'Trend across waves', satisfactionRate: 'Satisfaction %', npsScore: 'NPS', indexScore: 'Index',
      noData: 'No data',
    },
    rates: { title: 'Response rate', byProject: 'By project', byBuilding: 'By building', name: 'Name', invited: 'Invited', completed: 'Completed', rate: 'Rate' },
    questions: { title: 'Satisfaction rate per question', question: 'Question', valid: 'Valid', notExperienced: 'Not experienced', mean: 'Mean', rate: 'Rate', change: 'Change' },
  },
};
