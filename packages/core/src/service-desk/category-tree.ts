/**
 * The default category taxonomy of the service desk: six groups (工程/环境/秩序/收费/装修/客服)
 * and their leaves, as Chinese property companies commonly split work by line (条线). Each node
 * names the post (岗位) that handles it by default, so a ticket can be dispatched without a human
 * deciding who does plumbing, and flags the categories where life or limb is at stake so their
 * SLA runs round the clock (sla.ts).
 *
 * Codes are stable identifiers: they are stored on tickets and matched by prefix in SLA policies
 * ('engineering.elevator' covers both elevator leaves). Never rename one; add a new code instead.
 */
import { type Label, type StaffPost } from '../organisation/vocabulary';

export type Category = {
  code: string;
  parentCode: string | null;
  labels: Label;
  /** The post that receives the ticket by default; a tenant may override per project. */
  defaultPost: StaffPost;
  /** Fire, gas, elevator entrapment, falling objects, personal safety: handled at once, 24x7. */
  isSafetyCritical: boolean;
};

type TreeNode = { code: string; zh: string; en: string; post: StaffPost; safety?: true; children?: TreeNode[] };

const tree: TreeNode[] = [
  {
    code: 'engineering',
    zh: '工程',
    en: 'Engineering',
    post: 'engineering',
    children: [
      { code: 'engineering.water_electric', zh: '水电维修', en: 'Water & electrics', post: 'engineering' },
      { code: 'engineering.leak', zh: '漏水渗水', en: 'Leaks & seepage', post: 'engineering' },
      { code: 'engineering.drain', zh: '管道堵塞', en: 'Blocked drains', post: 'engineering' },
      {
        code: 'engineering.elevator',
        zh: '电梯',
        en: 'Elevators',
        post: 'engineering',
        children: [
          { code: 'engineering.elevator.fault', zh: '电梯故障', en: 'Elevator fault', post: 'engineering' },
          // The property team must reach a trapped passenger at once and call the maintenance
          // contractor, who by TSG T5002-2017 must arrive within 30 minutes in a city.
          { code: 'engineering.elevator.entrapment', zh: '电梯困人', en: 'Elevator entrapment', post: 'engineering', safety: true },
        ],
      },
      { code: 'engineering.access_control', zh: '门禁对讲', en: 'Access control & intercom', post: 'engineering' },
      // Security staff are on site round the clock and trained to evacuate and shut the valve
      // before the gas company arrives, so they are the first responders.
      { code: 'engineering.gas', zh: '燃气泄漏', en: 'Gas leak or smell', post: 'security', safety: true },
      { code: 'engineering.public_lighting', zh: '公共照明', en: 'Common-area lighting', post: 'engineering' },
      { code: 'engineering.fire_facilities', zh: '消防设施', en: 'Fire equipment fault', post: 'engineering' },
      // Seed 001 案例三: a broken floor-drain cover that clogged the pipes when it rained.
      { code: 'engineering.public_facilities', zh: '公共设施损坏', en: 'Damaged common facilities', post: 'engineering' },
      { code: 'engineering.parking_garage', zh: '车库设施', en: 'Garage facilities', post: 'engineering' },
    ],
  },
  {
    code: 'environment',
    zh: '环境',
    en: 'Environment',
    post: 'cleaning',
    children: [
      { code: 'environment.cleaning', zh: '保洁', en: 'Cleaning', post: 'cleaning' },
      { code: 'environment.greening', zh: '绿化', en: 'Landscaping', post: 'greening' },
      { code: 'environment.garbage', zh: '垃圾清运', en: 'Waste collection', post: 'cleaning' },
      { code: 'environment.pests', zh: '虫害消杀', en: 'Pest control', post: 'cleaning' },
    ],
  },
  {
    code: 'order',
    zh: '秩序',
    en: 'Order & security',
    post: 'security',
    children: [
      { code: 'order.parking', zh: '停车', en: 'Parking', post: 'security' },
      { code: 'order.noise', zh: '噪音扰民', en: 'Noise', post: 'security' },
      // Seed 001 案例二: a falling object broke an owner's balcony glass.
      { code: 'order.falling_objects', zh: '高空抛物', en: 'Objects thrown or falling from height', post: 'security', safety: true },
      { code: 'order.visitors', zh: '访客出入', en: 'Visitors & entry', post: 'security' },
      { code: 'order.pets', zh: '宠物管理', en: 'Pets', post: 'security' },
      { code: 'order.fire_lane', zh: '消防通道占用', en: 'Blocked fire lane', post: 'security' },
      { code: 'order.fire', zh: '火情烟雾', en: 'Fire or smoke', post: 'security', safety: true },
      { code: 'order.personal_safety', zh: '人身安全', en: 'Personal safety', post: 'security', safety: true },
      { code: 'order.theft', zh: '治安盗窃', en: 'Theft & public order', post: 'security' },
    ],
  },
  {
    code: 'fees',
    zh: '收费',
    en: 'Fees',
    post: 'steward',
    children: [
      { code: 'fees.property_fee', zh: '物业费', en: 'Property fee', post: 'steward' },
      { code: 'fees.parking_fee', zh: '停车费', en: 'Parking fee', post: 'steward' },
      { code: 'fees.shared_utilities', zh: '公摊水电', en: 'Shared utility charges', post: 'steward' },
    ],
  },
  {
    code: 'renovation',
    zh: '装修',
    en: 'Renovation',
    post: 'steward',
    children: [
      { code: 'renovation.application', zh: '装修申请', en: 'Renovation application', post: 'steward' },
      // Engineering inspects renovations because the risk is structural and to shared pipes.
      { code: 'renovation.violation', zh: '违规装修', en: 'Non-compliant renovation', post: 'engineering' },
      { code: 'renovation.noise', zh: '装修噪音', en: 'Renovation noise', post: 'security' },
    ],
  },
  {
    code: 'service',
    zh: '客服',
    en: 'Customer service',
    post: 'steward',
    children: [
      // Complaints about staff go above the steward, who may be the person complained about.
      { code: 'service.attitude', zh: '服务态度', en: 'Staff attitude', post: 'project_manager' },
      { code: 'service.efficiency', zh: '办事效率', en: 'Slow handling', post: 'project_manager' },
      // Seed 001 投诉升级防范: 承诺兑现; a broken promise is its own failure, owned by the manager.
      { code: 'service.broken_promise', zh: '承诺未兑现', en: 'Broken promise', post: 'project_manager' },
      { code: 'service.information', zh: '信息公开', en: 'Information disclosure', post: 'steward' },
      { code: 'service.quality', zh: '服务品质', en: 'Service quality', post: 'quality' },
      { code: 'service.other', zh: '其他', en: 'Other', post: 'steward' },
    ],
  },
];

function flatten(nodes: readonly TreeNode[], parentCode: string | null): Category[] {
  return nodes.flatMap((node) => [
    {
      code: node.code,
      parentCode,
      labels: { 'zh-CN': node.zh, 'en-US': node.en },
      defaultPost: node.post,
      isSafetyCritical: node.safety === true,
    },
    ...flatten(node.children ?? [], node.code),
  ]);
}

/** Every node, parents before children, in display order. */
export const defaultCategories: readonly Category[] = flatten(tree, null);

const byCode = new Map(defaultCategories.map((category) => [category.code, category]));

export function findCategory(code: string, categories: readonly Category[] = defaultCategories): Category | undefined {
  return categories === defaultCategories ? byCode.get(code) : categories.find((category) => category.code === code);
}

/** A category with no children: the level a ticket should normally be filed at. */
export function isLeafCategory(code: string, categories: readonly Category[] = defaultCategories): boolean {
  return categories.some((category) => category.code === code) && !categories.some((category) => category.parentCode === code);
}

/** Prefix matching on whole segments: 'engineering.elevator' covers '.fault' but not 'engineering.elevators'. */
export function categoryMatchesPrefix(code: string, prefix: string): boolean {
  return code === prefix || code.startsWith(`${prefix}.`);
}

/** Codes of every safety-critical node; the default emergency SLA policy matches these. */
export function safetyCriticalCategoryCodes(categories: readonly Category[] = defaultCategories): string[] {
  return categories.filter((category) => category.isSafetyCritical).map((category) => category.code);
}

export function isSafetyCriticalCategory(code: string, categories: readonly Category[] = defaultCategories): boolean {
  return findCategory(code, categories)?.isSafetyCritical ?? false;
}

/** The chain from the group down to the node, for breadcrumbs such as 工程 / 电梯 / 电梯困人. */
export function categoryPath(code: string, categories: readonly Category[] = defaultCategories): Category[] {
  const path: Category[] = [];
  for (let node = findCategory(code, categories); node; node = node.parentCode ? findCategory(node.parentCode, categories) : undefined) {
    path.unshift(node);
  }
  return path;
}
