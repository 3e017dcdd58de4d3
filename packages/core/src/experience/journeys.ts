/**
 * Owner journey maps (业主体验旅程, seed 001 第三讲 现场作业3): the stages of an owner's life with the company,
 * the touchpoints (moments of truth, MOT) of every post that meets owners in each stage (现场作业2: e.g. the
 * guard who shows a visitor the way), each with its service standard and the indicator it feeds, and the
 * designed peak (感动点) and end (结束体验) of each service: the peak-end rule says owners remember a service
 * by its most intense moment and its end (seed 000, seed 001 峰终定律 / 近因效应).
 *
 * A journey has versions (1.0 → 2.0); a published version is fixed, a change is a new version with the reason.
 */
import { vocabulary, type ProjectType, type StaffPost } from '../organisation/vocabulary';

export const journeyStages = vocabulary({
  move_in: { 'zh-CN': '交付入伙', 'en-US': 'Handover and move-in' },
  decoration: { 'zh-CN': '装修', 'en-US': 'Renovation' },
  daily: { 'zh-CN': '日常居住', 'en-US': 'Daily life' },
  repair: { 'zh-CN': '报修', 'en-US': 'Repairs' },
  complaint: { 'zh-CN': '投诉', 'en-US': 'Complaints' },
  payment: { 'zh-CN': '缴费', 'en-US': 'Paying fees' },
  renewal: { 'zh-CN': '续约', 'en-US': 'Contract renewal' },
});
export type JourneyStage = (typeof journeyStages.values)[number];

export type Touchpoint = {
  id: string;
  stage: JourneyStage;
  /** The post whose staff meet the owner here. */
  post: StaffPost;
  name: string;
  /** The service standard of this moment (what "done right" looks like). */
  standard: string;
  /** Indicator codes of the indicator system whose survey answers measure this moment (e.g. engineering.timeliness). */
  indicatorCodes: string[];
  /** Ticket categories (codes or prefixes, e.g. engineering.leak or engineering) whose tickets happen here. */
  categoryCodes: string[];
  /** The designed peak (感动点) of its service, and its closing experience. */
  peak: boolean;
  end: boolean;
  /** The detail designed to delight at this moment, if any. */
  delight: string;
};

export type JourneyContent = { touchpoints: Touchpoint[] };

export type JourneyIssue = {
  path: (string | number)[];
  code: 'touchpoint_post_missing' | 'touchpoint_standard_missing' | 'touchpoint_name_missing' | 'touchpoint_duplicate' | 'stage_two_peaks' | 'stage_two_ends';
};

/**
 * What must hold of a journey before it is saved: every touchpoint is named, belongs to a post and has a
 * standard (a moment nobody owns or nobody can check cannot be managed), ids are unique, and a stage has at
 * most one designed peak and one designed end (the peak-end rule is about one of each per service).
 */
export function journeyIssues(content: { touchpoints: readonly Partial<Touchpoint>[] }): JourneyIssue[] {
  const issues: JourneyIssue[] = [];
  const seen = new Set<string>();
  const peaks = new Set<string>();
  const ends = new Set<string>();
  content.touchpoints.forEach((touchpoint, index) => {
    if (!touchpoint.name?.trim()) issues.push({ path: ['touchpoints', index, 'name'], code: 'touchpoint_name_missing' });
    if (!touchpoint.post) issues.push({ path: ['touchpoints', index, 'post'], code: 'touchpoint_post_missing' });
    if (!touchpoint.standard?.trim()) issues.push({ path: ['touchpoints', index, 'standard'], code: 'touchpoint_standard_missing' });
    if (touchpoint.id && seen.has(touchpoint.id)) issues.push({ path: ['touchpoints', index, 'id'], code: 'touchpoint_duplicate' });
    if (touchpoint.id) seen.add(touchpoint.id);
    const stage = touchpoint.stage ?? '';
    if (touchpoint.peak) {
      if (peaks.has(stage)) issues.push({ path: ['touchpoints', index, 'peak'], code: 'stage_two_peaks' });
      peaks.add(stage);
    }
    if (touchpoint.end) {
      if (ends.has(stage)) issues.push({ path: ['touchpoints', index, 'end'], code: 'stage_two_ends' });
      ends.add(stage);
    }
  });
  return issues;
}

/** Whether a ticket's category belongs to a touchpoint: the code itself or anything under it. */
export function categoryMatches(categoryCode: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => categoryCode === pattern || categoryCode.startsWith(`${pattern}.`));
}

const tp = (
  id: string,
  stage: JourneyStage,
  post: StaffPost,
  name: string,
  standard: string,
  extra: Partial<Pick<Touchpoint, 'indicatorCodes' | 'categoryCodes' | 'peak' | 'end' | 'delight'>> = {},
): Touchpoint => ({ id, stage, post, name, standard, indicatorCodes: [], categoryCodes: [], peak: false, end: false, delight: '', ...extra });

/**
 * Journey map 1.0 for a residential estate, as a starting point a quality department edits: the moments
 * the seeds name (a guard showing the way, a repair visit, a complaint call, the fee notice) with standards
 * in our words. Office and commercial projects start from the same stages with their own touchpoints.
 */
export function starterJourney(type: ProjectType): JourneyContent {
  const common: Touchpoint[] = [
    tp('repair-call', 'repair', 'steward', '电话报修受理', '三声内接听，复述确认问题和地址，告知上门时间', {
      indicatorCodes: ['steward.reply'],
      categoryCodes: ['engineering'],
    }),
    tp('repair-visit', 'repair', 'engineering', '师傅上门维修', '按约定时间到达，穿鞋套，先讲清原因再动手', {
      indicatorCodes: ['engineering.timeliness'],
      categoryCodes: ['engineering'],
      peak: true,
      delight: '修完顺手检查同类设施，教业主日常保养方法',
    }),
    tp('repair-close', 'repair', 'engineering', '修后清理与确认', '清理现场，请业主当面试用确认，留下联系卡', {
      indicatorCodes: ['engineering.quality'],
      categoryCodes: ['engineering'],
      end: true,
    }),
    tp('complaint-call', 'complaint', 'steward', '投诉受理', 'CLEAR：控制情绪、聆听复述、同理、道歉、给出有时限的方案', {
      indicatorCodes: ['steward.attitude'],
      categoryCodes: ['service'],
      peak: true,
    }),
    tp('complaint-visit', 'complaint', 'steward', '投诉回访', '承诺时间内回访，确认业主满意后才关闭', {
      indicatorCodes: ['steward.follow_up'],
      categoryCodes: ['service'],
      end: true,
    }),
    tp('fee-notice', 'payment', 'steward', '缴费通知', '提前告知金额与方式，账目清楚，支持多种付款方式', { categoryCodes: ['fees'] }),
  ];
  if (type !== 'residential') {
    return {
      touchpoints: [
        tp('reception', 'daily', 'security', '前台访客接待', '起身问候，一分钟内完成登记并指引', {
          indicatorCodes: ['security.access_parking'],
          categoryCodes: ['order.visitors'],
          peak: true,
        }),
        tp('cleaning-restroom', 'daily', 'cleaning', '卫生间保洁', '每小时巡查，无异味无积水，耗材充足', {
          indicatorCodes: ['cleaning.common_areas'],
          categoryCodes: ['environment.cleaning'],
        }),
        ...common,
      ],
    };
  }
  return {
    touchpoints: [
      tp('handover', 'move_in', 'steward', '交房验房陪同', '陪同逐项验房，问题当场登记并告知整改时限', {
        peak: true,
        delight: '交钥匙时送上入住指南和管家名片',
      }),
      tp('move-in-guide', 'move_in', 'steward', '入伙手续办理', '一次讲清所需材料，30 分钟内办完', { end: true }),
      tp('decoration-application', 'decoration', 'steward', '装修申请与交底', '一次告知装修规定和时间，签订协议', {
        categoryCodes: ['renovation.application'],
      }),
      tp('decoration-patrol', 'decoration', 'engineering', '装修巡查', '每日巡查，发现违规先说明规定再给出可行办法', { categoryCodes: ['renovation'] }),
      tp('gate-guidance', 'daily', 'security', '门岗指路', '起身问候，为访客和业主亲友指明道路，必要时陪同', {
        indicatorCodes: ['security.access_parking'],
        categoryCodes: ['order.visitors'],
        peak: true,
        delight: '雨天为老人和带小孩的业主撑伞送到单元门',
      }),
      tp('cleaning-daily', 'daily', 'cleaning', '公共区域保洁', '楼道每日清洁，垃圾日产日清', {
        indicatorCodes: ['cleaning.common_areas'],
        categoryCodes: ['environment'],
      }),
      tp('greening', 'daily', 'greening', '绿化养护', '作业避开业主休息时间，修剪后当日清理', { categoryCodes: ['environment.greening'] }),
      ...common,
      tp('renewal-meeting', 'renewal', 'project_manager', '业主大会与续约沟通', '提前公示年度服务报告和收支，逐条回应业主意见', { end: true }),
    ],
  };
}

export type TouchpointHealth = 'good' | 'watch' | 'weak' | 'no_data';

/**
 * How a moment of truth is doing, so a weak moment stands out on the map. Our thresholds (the seeds give
 * none): weak when, with enough data to say so, the survey 满意率 is under 60 % (≥ 10 answers), the return
 * visits' CSAT averages under 3.5 of 5 (≥ 5 visits), or more than 30 % of resolved tickets missed their
 * deadline (≥ 5 tickets); watch at under 75 %, under 4.0, or over 15 %; good when there is data and none of
 * these; no_data otherwise.
 */
export function touchpointHealth(figures: {
  surveySatisfaction: number | null;
  surveyAnswers: number;
  csatAverage: number | null;
  visits: number;
  slaMissedRate: number | null;
  judged: number;
}): TouchpointHealth {
  const satisfaction = figures.surveyAnswers >= 10 ? figures.surveySatisfaction : null;
  const csat = figures.visits >= 5 ? figures.csatAverage : null;
  const missed = figures.judged >= 5 ? figures.slaMissedRate : null;
  if (satisfaction === null && csat === null && missed === null) return 'no_data';
  if ((satisfaction !== null && satisfaction < 0.6) || (csat !== null && csat < 3.5) || (missed !== null && missed > 0.3)) return 'weak';
  if ((satisfaction !== null && satisfaction < 0.75) || (csat !== null && csat < 4) || (missed !== null && missed > 0.15)) return 'watch';
  return 'good';
}
