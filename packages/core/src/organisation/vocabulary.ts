/**
 * The closed vocabularies of the organisation model (DESIGN §3), with their Chinese and English
 * labels. Server schemas validate against these lists and the console renders the labels, so a
 * value can never be accepted by one side and unknown to the other.
 */
export type Label = { 'zh-CN': string; 'en-US': string };
export type Locale = keyof Label;

/** A closed list of values with their labels; `values` is the tuple zod enums need. */
export function vocabulary<const T extends string>(labels: Record<T, Label>) {
  return { values: Object.keys(labels) as [T, ...T[]], labels };
}

export const projectTypes = vocabulary({
  residential: { 'zh-CN': '住宅', 'en-US': 'Residential' },
  office: { 'zh-CN': '写字楼', 'en-US': 'Office' },
  commercial: { 'zh-CN': '商业', 'en-US': 'Commercial' },
});
export type ProjectType = (typeof projectTypes.values)[number];

export const projectStages = vocabulary({
  early: { 'zh-CN': '前期', 'en-US': 'Early' },
  growth: { 'zh-CN': '成长期', 'en-US': 'Growth' },
  mature: { 'zh-CN': '成熟期', 'en-US': 'Mature' },
});
export type ProjectStage = (typeof projectStages.values)[number];

export const householdStatuses = vocabulary({
  occupied: { 'zh-CN': '已入住', 'en-US': 'Occupied' },
  vacant: { 'zh-CN': '空置', 'en-US': 'Vacant' },
  decorating: { 'zh-CN': '装修中', 'en-US': 'Renovating' },
});
export type HouseholdStatus = (typeof householdStatuses.values)[number];

export const personRoles = vocabulary({
  owner: { 'zh-CN': '业主', 'en-US': 'Owner' },
  tenant: { 'zh-CN': '租户', 'en-US': 'Tenant' },
  family: { 'zh-CN': '家属', 'en-US': 'Family member' },
});
export type PersonRole = (typeof personRoles.values)[number];

export const staffRoles = vocabulary({
  admin: { 'zh-CN': '系统管理员', 'en-US': 'Administrator' },
  quality: { 'zh-CN': '品质管理', 'en-US': 'Quality' },
  manager: { 'zh-CN': '项目经理', 'en-US': 'Project manager' },
  steward: { 'zh-CN': '客服管家', 'en-US': 'Steward' },
  technician: { 'zh-CN': '一线员工', 'en-US': 'Frontline staff' },
  viewer: { 'zh-CN': '只读', 'en-US': 'Viewer' },
});
export type StaffRole = (typeof staffRoles.values)[number];

export const staffPosts = vocabulary({
  steward: { 'zh-CN': '客服管家', 'en-US': 'Customer steward' },
  engineering: { 'zh-CN': '工程维修', 'en-US': 'Engineering & repair' },
  security: { 'zh-CN': '秩序维护', 'en-US': 'Security & order' },
  cleaning: { 'zh-CN': '保洁', 'en-US': 'Cleaning' },
  greening: { 'zh-CN': '绿化', 'en-US': 'Landscaping' },
  project_manager: { 'zh-CN': '项目经理', 'en-US': 'Project manager' },
  quality: { 'zh-CN': '品质', 'en-US': 'Quality' },
});
export type StaffPost = (typeof staffPosts.values)[number];

/**
 * DISC communication styles as taught in seed 001 (第二讲 服务有情、高情商沟通): behaviour,
 * expression, thinking, and the key to winning each type over.
 */
export const discStyles = vocabulary({
  peacock: { 'zh-CN': '孔雀型', 'en-US': 'Peacock (influence)' },
  owl: { 'zh-CN': '猫头鹰型', 'en-US': 'Owl (conscientious)' },
  tiger: { 'zh-CN': '老虎型', 'en-US': 'Tiger (dominant)' },
  panda: { 'zh-CN': '熊猫型', 'en-US': 'Panda (steady)' },
});
export type DiscStyle = (typeof discStyles.values)[number];

export type DiscGuide = { behaviour: Label; expression: Label; thinking: Label; key: Label };

export const discGuides: Record<DiscStyle, DiscGuide> = {
  peacock: {
    behaviour: { 'zh-CN': '滔滔不绝', 'en-US': 'Talks at length' },
    expression: { 'zh-CN': '夸张生动', 'en-US': 'Vivid, exaggerated' },
    thinking: { 'zh-CN': '缺乏逻辑', 'en-US': 'Emotional rather than logical' },
    key: { 'zh-CN': '赢在关系:先共情、多认可,给足面子再谈方案', 'en-US': 'Win through the relationship: empathise and acknowledge before the plan' },
  },
  owl: {
    behaviour: { 'zh-CN': '细节盘问', 'en-US': 'Questions every detail' },
    expression: { 'zh-CN': '谨言慎行', 'en-US': 'Careful with words' },
    thinking: { 'zh-CN': '有理有据', 'en-US': 'Evidence-driven' },
    key: { 'zh-CN': '赢在细节:给依据、数据和书面答复,承诺要精确', 'en-US': 'Win on detail: give evidence, data and written answers; make precise promises' },
  },
  tiger: {
    behaviour: { 'zh-CN': '自我中心', 'en-US': 'Self-centred' },
    expression: { 'zh-CN': '说一不二', 'en-US': 'Decisive, will not be contradicted' },
    thinking: { 'zh-CN': '掌控主导', 'en-US': 'Wants control' },
    key: { 'zh-CN': '赢在速度:先结论后解释,快速响应,给选择权', 'en-US': 'Win on speed: conclusion first, respond fast, offer choices' },
  },
  panda: {
    behaviour: { 'zh-CN': '反应较慢', 'en-US': 'Slow to respond' },
    expression: { 'zh-CN': '委婉宽容', 'en-US': 'Indirect and tolerant' },
    thinking: { 'zh-CN': '回避压力', 'en-US': 'Avoids pressure' },
    key: { 'zh-CN': '赢在安心:耐心重复、放慢节奏,主动告知进展', 'en-US': 'Win on reassurance: be patient, repeat, slow down, report progress unasked' },
  },
};

/** Staff roles whose scope is the whole company; every other role sees only assigned projects. */
export const companyWideRoles: readonly StaffRole[] = ['admin', 'quality'];
