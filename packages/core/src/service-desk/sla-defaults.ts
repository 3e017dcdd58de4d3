/**
 * Default SLA policies, drawn from common Chinese property-management practice. They are
 * configurable defaults, not law: each tenant copies and edits them, and the rationale travels
 * with each policy so that the numbers are never edited blindly.
 *
 * Sources: 中国物业管理协会《普通住宅小区物业管理服务等级标准(试行)》 (急修半小时内到达现场, other
 * repairs at the agreed time); for emergencies, 8 minutes on site is a widespread company norm
 * across an estate (where a 微型消防站 exists its own rule, 1分钟响应、3分钟到场, is stricter and a
 * tenant should tighten this); TSG T5002-2017 for the elevator contractor after an entrapment; city 12345 hotline rules, which vary by city (typically contact the
 * complainant within 1 working day and conclude within 5 working days).
 */
import { type SlaPolicy } from './sla';
import { safetyCriticalCategoryCodes } from './category-tree';

const minutesPerWorkingDay = 8 * 60; // matches the default calendar: 08:30–12:00 and 13:30–18:00
const minutesPerDay = 24 * 60;

export const defaultSlaPolicies: readonly SlaPolicy[] = [
  {
    code: 'safety',
    name: { 'zh-CN': '安全紧急事件', 'en-US': 'Safety emergency' },
    // Before every other policy, so a gas leak reported through 12345 still gets 8 minutes.
    match: { categoryPrefixes: safetyCriticalCategoryCodes() },
    targets: {
      first_response: { minutes: 5, calendar: '24x7' },
      on_site: { minutes: 8, calendar: '24x7' },
      owner_update: { minutes: 60, calendar: '24x7' },
      resolution: { minutes: minutesPerDay, calendar: '24x7' },
      return_visit: { minutes: minutesPerDay, calendar: '24x7' },
    },
    rationale: {
      'zh-CN': '火情、燃气、电梯困人、高空抛物、人身安全:全天候,8分钟内到场先行处置',
      'en-US': 'Fire, gas, elevator entrapment, falling objects, personal safety: round the clock, on site within 8 minutes',
    },
  },
  {
    code: 'gov_12345',
    name: { 'zh-CN': '12345政务热线转办', 'en-US': '12345 hotline referral' },
    match: { channels: ['gov_12345'] },
    targets: {
      first_response: { minutes: minutesPerWorkingDay, calendar: 'working_hours' },
      owner_update: { minutes: minutesPerDay, calendar: '24x7' },
      resolution: { minutes: 5 * minutesPerWorkingDay, calendar: 'working_hours' },
      return_visit: { minutes: minutesPerWorkingDay, calendar: 'working_hours' },
    },
    rationale: {
      'zh-CN': '常见转办时限:1个工作日内联系诉求人,5个工作日内办结;以当地12345规定为准,可配置',
      'en-US': 'Common referral deadlines: contact within 1 working day, conclude within 5; local 12345 rules prevail and are configurable',
    },
  },
  {
    code: 'survey_followup',
    name: { 'zh-CN': '调查回访(不满意/贬损业主)', 'en-US': 'Survey follow-up (dissatisfied or detractor)' },
    // Before 'complaint': a survey recovery is a complaint the owner did not make, and its clock starts
    // when the answers are read, so it gets a day to call rather than the 30 minutes of a live complaint.
    match: { channels: ['survey'] },
    targets: {
      first_response: { minutes: minutesPerDay, calendar: '24x7' },
      owner_update: { minutes: minutesPerDay, calendar: '24x7' },
      resolution: { minutes: 3 * minutesPerDay, calendar: '24x7' },
      return_visit: { minutes: 3 * minutesPerDay, calendar: '24x7' },
    },
    rationale: {
      'zh-CN': '满意度调查中的贬损业主(NPS 0–6)与不满意答案:24小时内联系业主(情感补救:快速行动、及时沟通),3天内完成补救并回访(种子001 服务补救策略)',
      'en-US':
        'Detractors (NPS 0–6) and dissatisfied answers from a survey: contact the owner within 24 hours, recover and visit within 3 days (seed 001 service recovery)',
    },
  },
  {
    code: 'urgent_repair',
    name: { 'zh-CN': '急修', 'en-US': 'Urgent repair' },
    match: { types: ['repair', 'common_area'], priorities: ['urgent'] },
    targets: {
      first_response: { minutes: 10, calendar: '24x7' },
      on_site: { minutes: 30, calendar: '24x7' },
      resolution: { minutes: 8 * 60, calendar: '24x7' },
      return_visit: { minutes: minutesPerDay, calendar: '24x7' },
    },
    rationale: {
      'zh-CN': '影响业主正常生活(户内停水停电、漏水入户等):急修半小时内到场',
      'en-US': 'Issues affecting an occupant (no water or power, water coming in): on site within 30 minutes',
    },
  },
  {
    code: 'equipment_fault',
    name: { 'zh-CN': '设施设备故障', 'en-US': 'Equipment fault' },
    match: {
      types: ['repair', 'common_area'],
      categoryPrefixes: [
        'engineering.elevator',
        'engineering.access_control',
        'engineering.public_lighting',
        'engineering.fire_facilities',
        'engineering.public_facilities',
        'engineering.parking_garage',
      ],
    },
    targets: {
      first_response: { minutes: 15, calendar: '24x7' },
      on_site: { minutes: 60, calendar: '24x7' },
      resolution: { minutes: minutesPerDay, calendar: '24x7' },
      return_visit: { minutes: minutesPerDay, calendar: '24x7' },
    },
    rationale: { 'zh-CN': '公共设施设备故障:1小时内到场', 'en-US': 'Shared equipment faults: on site within 1 hour' },
  },
  {
    code: 'high_priority_repair',
    name: { 'zh-CN': '优先维修', 'en-US': 'High-priority repair' },
    match: { types: ['repair', 'common_area'], priorities: ['high'] },
    targets: {
      first_response: { minutes: 15, calendar: '24x7' },
      on_site: { minutes: 60, calendar: '24x7' },
      resolution: { minutes: minutesPerDay, calendar: '24x7' },
      return_visit: { minutes: minutesPerDay, calendar: '24x7' },
    },
    rationale: { 'zh-CN': '高优先级维修按设备故障标准:1小时内到场', 'en-US': 'High-priority repairs follow the equipment standard: on site within 1 hour' },
  },
  {
    code: 'routine_repair',
    name: { 'zh-CN': '一般维修', 'en-US': 'Routine repair' },
    // No on-site target: routine repairs are done at the time agreed with the owner (预约上门).
    match: { types: ['repair', 'common_area'] },
    // Round the clock like the other repairs: a leak reported on Sunday gets its 30-minute answer on
    // Sunday (seed 002: 快速响应; issue 15 §8). A company with a weekday-only desk switches to
    // working_hours itself.
    targets: {
      first_response: { minutes: 30, calendar: '24x7' },
      resolution: { minutes: minutesPerDay, calendar: '24x7' },
      return_visit: { minutes: minutesPerDay, calendar: '24x7' },
    },
    rationale: {
      'zh-CN': '一般维修30分钟内响应，24小时内完成（全天候计时），按约定时间上门，完成后24小时内回访',
      'en-US': 'Routine repairs: answer within 30 minutes, done within 24 hours (round the clock), at the agreed time; return visit within 24 hours',
    },
  },
  {
    code: 'complaint',
    name: { 'zh-CN': '投诉', 'en-US': 'Complaint' },
    match: { types: ['complaint'] },
    targets: {
      first_response: { minutes: 30, calendar: '24x7' },
      owner_update: { minutes: minutesPerDay, calendar: '24x7' },
      resolution: { minutes: 3 * minutesPerDay, calendar: '24x7' },
      return_visit: { minutes: 3 * minutesPerDay, calendar: '24x7' },
    },
    rationale: {
      'zh-CN': '投诉30分钟内响应，每24小时主动告知进展，3天内办结（全天候计时），办结后3天内回访（种子001：迅速、全程跟进）',
      'en-US': 'Respond within 30 minutes, update the owner every 24 hours, conclude within 3 days (round the clock), visit within 3 days (seed 001)',
    },
  },
  {
    code: 'inquiry',
    name: { 'zh-CN': '咨询', 'en-US': 'Inquiry' },
    match: { types: ['inquiry'] },
    targets: {
      first_response: { minutes: 30, calendar: 'working_hours' },
      resolution: { minutes: minutesPerWorkingDay, calendar: 'working_hours' },
    },
    rationale: { 'zh-CN': '咨询1个工作日内答复', 'en-US': 'Answer inquiries within one working day' },
  },
  {
    code: 'suggestion_praise',
    name: { 'zh-CN': '建议与表扬', 'en-US': 'Suggestions and praise' },
    match: { types: ['suggestion', 'praise'] },
    targets: {
      first_response: { minutes: minutesPerWorkingDay, calendar: 'working_hours' },
      resolution: { minutes: 5 * minutesPerWorkingDay, calendar: 'working_hours' },
    },
    rationale: {
      'zh-CN': '1个工作日内致谢,5个工作日内答复采纳情况或转达表扬',
      'en-US': 'Thank the owner within 1 working day; reply on the suggestion or pass on the praise within 5',
    },
  },
  {
    code: 'fallback',
    name: { 'zh-CN': '默认', 'en-US': 'Default' },
    match: {},
    targets: {
      first_response: { minutes: 60, calendar: 'working_hours' },
      resolution: { minutes: 5 * minutesPerWorkingDay, calendar: 'working_hours' },
    },
    rationale: { 'zh-CN': '兜底规则,确保每张工单都有时限', 'en-US': 'Catch-all so that every ticket has a deadline' },
  },
];
