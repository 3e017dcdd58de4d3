/**
 * Built-in indicator systems (issue 4 §1; DESIGN §1/§3 "indicator system"): the trees a company
 * starts from and then adapts to its own posts and service standards (seed 001 现场作业1
 * "满意度指标细化 … 权数分配"). Weights sum to 100 among the children of every node, as
 * validateIndicatorWeights requires; the starting weights are a reasonable default, not a norm —
 * the seed asks each company to set its own.
 *
 * Codes are stable: answers, weighted indices and rollups are keyed by them, so a code is never
 * renamed, only retired in a later version.
 */
import type { LocalText } from '../definition';
import type { StaffPost } from '../../organisation/vocabulary';
import type { IndicatorNode } from '../../metrics/indicator-weights';
import { gbt45698Tree } from './gbt-45698';

export type IndicatorTreeNode = {
  /** Dotted path of the node, e.g. 'responsiveness.repair_timeliness'. */
  code: string;
  name: LocalText;
  /** Share of this node among its siblings, in percent (siblings sum to 100). */
  weight: number;
  /** The post whose work the node measures, for per-post results (organisation vocabulary staffPosts). */
  post?: StaffPost | undefined;
  children?: IndicatorTreeNode[] | undefined;
};

export type IndicatorTemplate = {
  code: string;
  name: LocalText;
  description: LocalText;
  roots: IndicatorTreeNode[];
};

function node(code: string, zh: string, en: string, weight: number, extra: { post?: StaffPost; children?: IndicatorTreeNode[] } = {}): IndicatorTreeNode {
  return { code, name: { 'zh-CN': zh, 'en-US': en }, weight, ...extra };
}

/**
 * SERVQUAL adapted to property service as seed 001 第二讲 teaches it: 有形度 (tangibles),
 * 专业度 (professionalism — the seed's stand-in for "assurance"), 反应度 (responsiveness),
 * 信赖度 (reliability), 同理度 (empathy); each dimension broken down into the indicators of the
 * front-line posts that deliver it.
 */
const servqualProperty: IndicatorTemplate = {
  code: 'servqual-property',
  name: { 'zh-CN': '物业服务质量五维度（SERVQUAL）', 'en-US': 'Property service quality (SERVQUAL, five dimensions)' },
  description: {
    'zh-CN': '有形度、专业度、反应度、信赖度、同理度五大维度，按客服、工程、秩序、保洁、绿化岗位细化指标。',
    'en-US': 'Tangibles, professionalism, responsiveness, reliability and empathy, broken down by front-line post.',
  },
  roots: [
    node('tangibles', '有形度', 'Tangibles', 20, {
      children: [
        node('tangibles.facilities', '公共设施设备完好', 'Shared facilities in good order', 30, { post: 'engineering' }),
        node('tangibles.cleanliness', '公共区域干净整洁', 'Common areas clean and tidy', 25, { post: 'cleaning' }),
        node('tangibles.landscape', '绿化养护美观', 'Well-kept landscaping', 20, { post: 'greening' }),
        node('tangibles.staff_appearance', '服务人员仪容仪表', 'Staff appearance and grooming', 15, { post: 'steward' }),
        node('tangibles.security_posts', '岗亭与巡逻形象规范', 'Guard posts and patrols look orderly', 10, { post: 'security' }),
      ],
    }),
    node('professionalism', '专业度', 'Professionalism', 20, {
      children: [
        node('professionalism.steward_competence', '管家业务熟练、解答准确', 'Stewards know their job and answer correctly', 30, { post: 'steward' }),
        node('professionalism.repair_skill', '维修技术过硬', 'Repair work is competent', 30, { post: 'engineering' }),
        node('professionalism.security_courtesy', '秩序维护人员礼貌规范', 'Security staff courteous and by the book', 20, { post: 'security' }),
        node('professionalism.cleaning_standard', '保洁作业规范', 'Cleaning done to standard', 20, { post: 'cleaning' }),
      ],
    }),
    node('responsiveness', '反应度', 'Responsiveness', 25, {
      children: [
        node('responsiveness.enquiry_reply', '诉求及时答复', 'Requests answered promptly', 35, { post: 'steward' }),
        node('responsiveness.repair_timeliness', '报修及时上门', 'Repairs attended promptly', 40, { post: 'engineering' }),
        node('responsiveness.complaint_resolution', '投诉及时解决', 'Complaints resolved promptly', 25, { post: 'steward' }),
      ],
    }),
    node('reliability', '信赖度', 'Reliability', 20, {
      children: [
        node('reliability.promise_kept', '兑现服务承诺', 'Service promises kept', 30, { post: 'steward' }),
        node('reliability.safety', '小区安全、无重大事故', 'Estate safe, no major incidents', 40, { post: 'security' }),
        node('reliability.repair_first_time', '维修一次修好', 'Repairs fixed the first time', 30, { post: 'engineering' }),
      ],
    }),
    node('empathy', '同理度', 'Empathy', 15, {
      children: [
        node('empathy.proactive_care', '主动关心、超越期待', 'Proactive care beyond expectations', 50, { post: 'steward' }),
        node('empathy.listening', '耐心倾听、坦诚沟通', 'Listens patiently and speaks candidly', 30, { post: 'steward' }),
        node('empathy.greening_consideration', '绿化作业顾及业主作息', 'Landscaping work respects residents\u2019 routines', 20, { post: 'greening' }),
      ],
    }),
  ],
};

/**
 * The typical 年度满意度调查: one branch per front-line post, a few indicators each, so a 5-point
 * matrix per post stays within the ~15-item guidance.
 */
const postSatisfaction: IndicatorTemplate = {
  code: 'post-satisfaction',
  name: { 'zh-CN': '岗位满意度（年度）', 'en-US': 'Satisfaction by post (annual)' },
  description: {
    'zh-CN': '客服、工程维修、秩序维护、保洁、绿化五个岗位，每岗位 2–3 项指标。',
    'en-US': 'Five front-line posts with 2–3 indicators each.',
  },
  roots: [
    node('steward', '客服管家', 'Customer steward', 25, {
      post: 'steward',
      children: [
        node('steward.attitude', '服务态度', 'Attitude', 35, { post: 'steward' }),
        node('steward.reply', '诉求答复及时', 'Prompt replies', 35, { post: 'steward' }),
        node('steward.follow_up', '问题跟进到底', 'Follows issues through', 30, { post: 'steward' }),
      ],
    }),
    node('engineering', '工程维修', 'Engineering & repair', 25, {
      post: 'engineering',
      children: [
        node('engineering.timeliness', '报修上门及时', 'Repairs attended promptly', 35, { post: 'engineering' }),
        node('engineering.quality', '维修质量', 'Repair quality', 40, { post: 'engineering' }),
        node('engineering.facilities', '公共设施完好', 'Shared facilities in order', 25, { post: 'engineering' }),
      ],
    }),
    node('security', '秩序维护', 'Security & order', 20, {
      post: 'security',
      children: [
        node('security.safety', '小区安全', 'Estate safety', 60, { post: 'security' }),
        node('security.access_parking', '门岗与车辆管理', 'Gate and parking management', 40, { post: 'security' }),
      ],
    }),
    node('cleaning', '保洁', 'Cleaning', 15, {
      post: 'cleaning',
      children: [
        node('cleaning.common_areas', '公共区域清洁', 'Common areas clean', 60, { post: 'cleaning' }),
        node('cleaning.waste', '垃圾清运及时', 'Waste removed on time', 40, { post: 'cleaning' }),
      ],
    }),
    node('greening', '绿化', 'Landscaping', 15, {
      post: 'greening',
      children: [
        node('greening.upkeep', '绿化养护', 'Planting upkeep', 60, { post: 'greening' }),
        node('greening.environment', '园区景观环境', 'Estate landscape', 40, { post: 'greening' }),
      ],
    }),
  ],
};

/**
 * Seed 001 第二讲 二 "满意8大因素": four values that raise what owners perceive and four costs
 * that lower it (a customer-delivered-value view of satisfaction).
 */
const satisfactionFactors: IndicatorTemplate = {
  code: 'satisfaction-factors',
  name: { 'zh-CN': '满意八大因素（四价值·四成本）', 'en-US': 'Eight satisfaction factors (four values, four costs)' },
  description: {
    'zh-CN': '品牌、服务、人员、形象四大价值提升感知；货币、时间、体力、精神四大成本降低感知。',
    'en-US': 'Brand, service, people and image value raise perception; money, time, effort and worry costs lower it.',
  },
  roots: [
    node('value', '四大价值', 'Four values', 50, {
      children: [
        node('value.brand', '品牌价值', 'Brand value', 25),
        node('value.service', '服务价值', 'Service value', 25),
        node('value.people', '人员价值', 'People value', 25),
        node('value.image', '形象价值', 'Image value', 25),
      ],
    }),
    node('cost', '四大成本', 'Four costs', 50, {
      children: [
        node('cost.money', '货币成本', 'Money cost', 25),
        node('cost.time', '时间成本', 'Time cost', 25),
        node('cost.effort', '体力成本', 'Effort cost', 25),
        node('cost.worry', '精神成本', 'Worry cost', 25),
      ],
    }),
  ],
};

/** Candidate value-added services to classify with Kano (seed 004) before investing in them. */
const candidateServices: IndicatorTemplate = {
  code: 'candidate-services',
  name: { 'zh-CN': '增值服务候选（Kano）', 'en-US': 'Candidate value-added services (Kano)' },
  description: {
    'zh-CN': '待评估的增值服务，用 Kano 问卷区分必备、期望、魅力与无差异属性。',
    'en-US': 'Services under consideration, sorted by Kano into must-be, performance, attractive and indifferent.',
  },
  roots: [
    node('services', '增值服务', 'Value-added services', 100, {
      children: [
        node('services.parcel_collection', '代收快递', 'Parcel collection', 20, { post: 'steward' }),
        node('services.community_events', '社区活动', 'Community events', 20, { post: 'steward' }),
        node('services.smart_access', '智能门禁', 'Smart access control', 15, { post: 'security' }),
        node('services.home_repair', '入户有偿维修', 'Paid in-home repairs', 15, { post: 'engineering' }),
        node('services.car_wash', '车辆清洗', 'Car washing', 15, { post: 'cleaning' }),
        node('services.elderly_care', '独居老人关怀', 'Check-ins on elderly living alone', 15, { post: 'steward' }),
      ],
    }),
  ],
};

export const indicatorTemplates: readonly IndicatorTemplate[] = [servqualProperty, postSatisfaction, satisfactionFactors, candidateServices, gbt45698Tree];
export const indicatorTemplateCodes = indicatorTemplates.map((template) => template.code);

export function indicatorTemplate(code: string): IndicatorTemplate | undefined {
  return indicatorTemplates.find((template) => template.code === code);
}

/** Every node of a tree, depth first (parents before children). */
export function flattenIndicatorTree(roots: readonly IndicatorTreeNode[]): IndicatorTreeNode[] {
  return roots.flatMap((root) => [root, ...flattenIndicatorTree(root.children ?? [])]);
}

/** The tree in the shape validateIndicatorWeights and weightedIndex read (the code is the id). */
export function toIndicatorNodes(roots: readonly IndicatorTreeNode[]): IndicatorNode[] {
  return roots.map((root) => ({
    id: root.code,
    weight: root.weight,
    ...(root.children && root.children.length > 0 ? { children: toIndicatorNodes(root.children) } : {}),
  }));
}

/** The node with `code` anywhere in the tree. */
export function findIndicator(roots: readonly IndicatorTreeNode[], code: string): IndicatorTreeNode | undefined {
  return flattenIndicatorTree(roots).find((item) => item.code === code);
}
