import { z } from 'zod';

/**
 * Analytics (issue 16): role homes, drill-down and fair rankings. Rates are fractions 0–1, NPS
 * points −100…100. Every figure carries its counts (numerator and base) so the console can show
 * the sample and link to the records behind it.
 */
export const analyticsLevels = ['company', 'region', 'project', 'building'] as const;
export type AnalyticsLevel = (typeof analyticsLevels)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const overviewQuery = z.object({
  level: z.enum(analyticsLevels).default('company'),
  /** The region, project or building; none for the company. A region id of the nil UUID is "no region". */
  id: z.uuid().optional(),
  /** Shanghai month of the ticket figures; the current one by default. */
  month: month.optional(),
  /** The survey wave of the satisfaction figures; the latest with responses in scope by default. */
  campaignId: z.uuid().optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

const rate = z.object({ count: z.number().int(), base: z.number().int(), rate: z.number().nullable() });

export const figures = z.object({
  /** 满意率 of the wave's overall question: satisfied (4–5) ÷ valid answers. */
  satisfaction: rate,
  nps: z.object({
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    score: z.number().nullable(),
    /** Adjusted-Wald 95 % band (packages/core nps.ts). */
    lower: z.number().nullable(),
    upper: z.number().nullable(),
  }),
  /** SLA compliance of the month: met ÷ (judged at resolution + open tickets overdue now, counted as missed; the current month only). */
  sla: z.object({ met: z.number().int(), judged: z.number().int(), overdueNow: z.number().int(), rate: z.number().nullable() }),
  /** Complaints received in the month per 1,000 households. */
  complaints: z.object({ count: z.number().int(), households: z.number().int(), per1000: z.number().nullable() }),
  /** Complaints of the month flagged as repeats (same household, same category within 30 days) ÷ complaints. */
  repeatComplaints: rate,
  referrals: z.number().int(),
  received: z.number().int(),
  /** Return-visit ratings of the month: CSAT 4–5 ÷ rated. */
  visits: rate,
  /** 收缴率 of the month: received ÷ receivable (yuan); null without an entry. */
  feeCollection: z.object({ received: z.number(), receivable: z.number(), rate: z.number().nullable() }),
  open: z.number().int(),
  overdue: z.number().int(),
  dueToday: z.number().int(),
});
export type Figures = z.infer<typeof figures>;

const scopeRef = z.object({ level: z.enum(analyticsLevels), id: z.string().nullable(), name: z.string() });

export const overviewView = z.object({
  scope: scopeRef,
  /** From the company down to this scope, for the breadcrumb back up. */
  path: z.array(scopeRef),
  month: month,
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** When the ticket rollups were last refreshed (they lag the tickets by at most a minute). */
  asOf: z.date().nullable(),
  headline: figures,
  /** Headline only: the wave's weighted satisfaction index (0–100) and detractor conversion. */
  weightedIndex: z.number().nullable(),
  detractorConversion: z.object({ converted: z.number().int(), previousDetractors: z.number().int(), rate: z.number().nullable() }).nullable(),
  /** One level down (region → project → building); the headline is the sum of these rows' counts. */
  childLevel: z.enum(analyticsLevels).nullable(),
  children: z.array(z.object({ id: z.string(), name: z.string(), figures })),
  trendMonths: z.array(z.object({ month, figures })),
  trendWaves: z.array(z.object({ campaignId: z.uuid(), name: z.string(), createdAt: z.date(), satisfaction: rate, nps: z.number().nullable() })),
});

export const rankingMetrics = ['satisfaction', 'nps', 'sla', 'complaintsPer1000', 'repeatComplaints', 'visits'] as const;
export type RankingMetric = (typeof rankingMetrics)[number];

export const rankingQuery = z.object({
  metric: z.enum(rankingMetrics).default('satisfaction'),
  month: month.optional(),
  campaignId: z.uuid().optional(),
});

export const comparisonMarks = ['above', 'below', 'not_significant', 'no_data'] as const;

export const rankingView = z.object({
  metric: z.enum(rankingMetrics),
  month,
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  higherIsBetter: z.boolean(),
  company: z.object({ value: z.number().nullable(), n: z.number().int() }),
  rows: z.array(
    z.object({
      /** Null for a peer outside the reader's projects: a project manager sees where peers stand, not who they are. */
      projectId: z.uuid().nullable(),
      name: z.string(),
      rank: z.number().int().nullable(),
      value: z.number().nullable(),
      /** The sample behind the value (valid answers, judged tickets, complaints, households). */
      n: z.number().int(),
      differenceFromCompany: z.number().nullable(),
      /** NPS: the combined margin of the difference, in points. Rates: null (pValue is given). */
      marginOfError: z.number().nullable(),
      pValue: z.number().nullable(),
      mark: z.enum(comparisonMarks),
      mine: z.boolean(),
    }),
  ),
});

export const projectHomeQuery = z.object({ projectId: z.uuid().optional(), month: month.optional(), campaignId: z.uuid().optional() });

const target = z.object({
  satisfactionRate: z.number().min(0).max(1).nullable(),
  nps: z.number().min(-100).max(100).nullable(),
  slaCompliance: z.number().min(0).max(1).nullable(),
  feeCollectionRate: z.number().min(0).max(1).nullable(),
  /** The contract's yearly value in yuan: the project's weight in the company's GB/T 45698 score. */
  contractValue: z.number().min(0).max(1e13).nullable().default(null),
});
export const targetBody = target;
export type TargetBody = z.infer<typeof targetBody>;
export const projectParams = z.object({ projectId: z.uuid() });

export const projectHomeView = z.object({
  project: z.object({ id: z.uuid(), name: z.string() }),
  projects: z.array(z.object({ id: z.uuid(), name: z.string() })),
  month,
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  figures,
  company: figures,
  targets: target,
  /** Rank among the company's projects per metric (1 = best), with how many were ranked. */
  ranks: z.array(z.object({ metric: z.enum(rankingMetrics), rank: z.number().int().nullable(), of: z.number().int(), mark: z.enum(comparisonMarks) })),
  openFollowups: z.number().int(),
  notices: z.object({ delivered: z.number().int(), read: z.number().int(), rate: z.number().nullable() }),
});

export const stewardHomeView = z.object({
  month,
  queue: z.object({ open: z.number().int(), overdue: z.number().int(), dueToday: z.number().int() }),
  ratings: z.object({ rated: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable(), mean: z.number().nullable() }),
  visitsDue: z.array(z.object({ ticketId: z.uuid(), number: z.string(), title: z.string(), visitDueAt: z.date(), overdue: z.boolean() })),
});

const week = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const weeklyReportQuery = z.object({
  projectId: z.uuid(),
  /** A day of the week to report (its Monday is taken); the last whole week by default. */
  week: week.optional(),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});
export const monthlyReportQuery = z.object({ month: month.optional(), format: z.enum(['pdf', 'xlsx']).default('pdf') });

const localText = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** One month's fees of a project, entered in the console (amounts in yuan). */
export const feeEntryBody = z.object({
  projectId: z.uuid(),
  month,
  receivable: z.number().min(0).max(1e12),
  received: z.number().min(0).max(1e12),
  householdsInArrears: z.number().int().min(0).default(0),
});
export type FeeEntryBody = z.infer<typeof feeEntryBody>;

export const feeImportResult = z.object({
  rows: z.number().int(),
  /** New project-months, and project-months whose earlier figures the file replaced. */
  inserted: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), value: z.string(), code: z.string(), messages: localText })),
});

export const feeCorrelationQuery = z.object({ month: month.optional(), campaignId: z.uuid().optional() });
export const feeCorrelationView = z.object({
  /** The twelve months ending here whose fees are summed per project. */
  from: month,
  to: month,
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  points: z.array(
    z.object({
      projectId: z.uuid(),
      name: z.string(),
      collectionRate: z.number(),
      satisfactionRate: z.number(),
      n: z.number().int(),
      householdsInArrears: z.number().int(),
      openComplaints: z.number().int(),
    }),
  ),
  /** Pearson's r across projects with its Fisher-z 95 % interval; null below four projects. */
  correlation: z.object({ r: z.number().nullable(), n: z.number().int(), lower: z.number().nullable(), upper: z.number().nullable() }),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const complaintAnalyticsQuery = z.object({
  /** One project, or every project in the caller's scope. */
  projectId: z.uuid().optional(),
  /** Shanghai days, both included; the last 90 days by default. */
  from: day.optional(),
  to: day.optional(),
});
const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const complaintAnalyticsView = z.object({
  from: day,
  to: day,
  total: z.number().int(),
  /** Category × place (building in a project, project across the company): complaints per cell. */
  placeLevel: z.enum(['building', 'project']),
  heat: z.object({ categories: z.array(countRow), places: z.array(countRow), cells: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])) }),
  /** [weekday 0 = Monday … 6, hour 0–23, count], Shanghai time. */
  weekdayHour: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
  /** Open complaints by age now. */
  ageing: z.array(countRow),
  repeatedHouseholds: z.array(countRow),
  repeatedPlaces: z.array(countRow),
  referrals: z.object({ count: z.number().int(), byMonth: z.array(countRow) }),
  groupIncidents: z.object({
    count: z.number().int(),
    items: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), tickets: z.number().int() })),
  }),
  /** Complaints per month of the top categories. */
  causes: z.object({ months: z.array(z.string()), series: z.array(z.object({ key: z.string(), label: z.string(), counts: z.array(z.number().int()) })) }),
});

export const gbtScoreQuery = z.object({ campaignId: z.uuid().optional() });
export const gbtScoreView = z.object({
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The company's score, 0–100: projects weighted by contract value (equal weights when no project has one). */
  company: z.object({ score: z.number().nullable(), weighting: z.enum(['contract_value', 'equal']), projects: z.number().int() }),
  projects: z.array(
    z.object({ projectId: z.uuid(), name: z.string(), score: z.number().nullable(), responses: z.number().int(), contractValue: z.number().nullable() }),
  ),
  /** First-level indicator scores of the whole scope, 0–100. */
  dimensions: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number(), score: z.number().nullable() })),
});

export const reportKinds = ['weekly', 'monthly'] as const;
export const reportStatuses = ['queued', 'running', 'done', 'failed'] as const;

/** Ask for a report to be generated in the background (progress in the report list). */
export const reportRequestBody = z
  .object({
    kind: z.enum(reportKinds),
    /** The project of a weekly report; none for the company's monthly report. */
    projectId: z.uuid().optional(),
    /** Weekly: a day of the week (its Monday is taken); monthly: the month. The last whole week or month by default. */
    period: z.union([week, month]).optional(),
  })
  .superRefine((body, issues) => {
    if (body.kind === 'weekly' && !body.projectId) issues.addIssue({ code: 'custom', path: ['projectId'], message: 'required' });
    if (body.kind === 'monthly' && body.projectId) issues.addIssue({ code: 'custom', path: ['projectId'], message: 'forbidden' });
    if (body.period && body.kind === 'weekly' && !/^\d{4}-\d{2}-\d{2}$/.test(body.period))
      issues.addIssue({ code: 'custom', path: ['period'], message: 'YYYY-MM-DD' });
    if (body.period && body.kind === 'monthly' && !/^\d{4}-\d{2}$/.test(body.period)) issues.addIssue({ code: 'custom', path: ['period'], message: 'YYYY-MM' });
  });
export type ReportRequestBody = z.infer<typeof reportRequestBody>;

export const reportJob = z.object({
  id: z.uuid(),
  kind: z.enum(reportKinds),
  projectId: z.uuid().nullable(),
  projectName: z.string().nullable(),
  /** Weekly: the Monday (YYYY-MM-DD); monthly: YYYY-MM. */
  period: z.string(),
  status: z.enum(reportStatuses),
  /** 0–100 and the step under way: figures, tables, pdf, xlsx, announce. */
  progress: z.number().int(),
  step: z.string(),
  title: z.string(),
  /** The period had no data: the report says so instead of showing zeros. */
  empty: z.boolean(),
  pdfBytes: z.number().int().nullable(),
  xlsxBytes: z.number().int().nullable(),
  failure: z.string().nullable(),
  /** Null: generated by the schedule. */
  requestedBy: z.uuid().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export const reportListQuery = z.object({ kind: z.enum(reportKinds).optional(), projectId: z.uuid().optional() });
export const reportListView = z.object({ items: z.array(reportJob) });
export const reportParams = z.object({ id: z.uuid() });
export const reportFileQuery = z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') });

export const arrearsReasonValues = ['construction', 'service', 'hardship', 'other', 'unknown'] as const;
export const arrearsQuery = z.object({ projectId: z.uuid().optional() });
export const arrearsParams = z.object({ householdId: z.uuid() });
/**
 * One household's arrears entered in the console (the sheet import's row for one household; it replaces an earlier
 * entry of the household). Amount in yuan, more than 0: a household that has paid is removed (DELETE) instead.
 */
export const arrearsEntryBody = z.object({
  amount: z.number().positive().max(1e10),
  months: z.number().int().min(0).max(600).default(0),
  reason: z.enum(arrearsReasonValues).default('unknown'),
});
export type ArrearsEntryBody = z.infer<typeof arrearsEntryBody>;
export const arrearsEntry = z.object({
  householdId: z.uuid(),
  projectId: z.uuid(),
  label: z.string(),
  amount: z.number(),
  months: z.number().int(),
  reason: z.enum(arrearsReasonValues),
});
/** Households in arrears against their open complaints and ratings (issue 16 §4). */
export const arrearsView = z.object({
  summary: z.object({
    households: z.number().int(),
    amount: z.number(),
    /** Shares of the amount owed and of the households per recorded reason; construction's is 施工遗留问题占拖欠费的比率. */
    shares: z.array(z.object({ reason: z.enum(arrearsReasonValues), amount: z.number().nullable(), households: z.number().nullable() })),
    /** Households in arrears with an open complaint, and the same share among the households that pay. */
    withOpenComplaint: z.object({ arrears: z.number().nullable(), paying: z.number().nullable() }),
    /** Mean return-visit rating (1–5) of households in arrears and of those that pay. */
    meanRating: z.object({ arrears: z.number().nullable(), paying: z.number().nullable() }),
  }),
  households: z.array(
    z.object({
      householdId: z.uuid(),
      projectId: z.uuid(),
      label: z.string(),
      amount: z.number(),
      months: z.number().int(),
      reason: z.enum(arrearsReasonValues),
      openComplaints: z.number().int(),
      openTickets: z.number().int(),
      /** Open tickets' categories (names), most frequent first. */
      openCategories: z.array(z.string()),
      ratings: z.number().int(),
      meanRating: z.number().nullable(),
    }),
  ),
});
