/**
 * GB/T 45698-2025《物业服务客户满意度测评》, the national recommended standard (2025) for measuring
 * property-service customer satisfaction, as a built-in indicator system, questionnaire and score.
 *
 * FOLLOWS THE STANDARD (as far as its published outline is known to us; the full text was not
 * available when this was written, so every item below should be checked against it):
 * - four first-level indicators with their weights: 品牌形象 10 %, 客户期望 10 %, 物业服务质量 70 %,
 *   物业服务价值 10 %;
 * - 物业服务质量 has eight second-level indicators, among them 客户服务 and 设施（设备）维护;
 * - 38 third-level indicators, each written to become one questionnaire item (its Appendix A);
 * - the score is the weighted sum of the indicator scores converted to a 100-point scale;
 * - several projects are combined into a company score weighted by contract value
 *   (contractWeightedScore below).
 *
 * ASSUMPTIONS (ours, to be replaced by the standard's text):
 * - the other six second-level indicators of 物业服务质量 (秩序维护, 环境卫生, 绿化养护, 车辆管理,
 *   装饰装修管理, 应急处置) and their equal weights (12.5 % each);
 * - the wording of the 38 third-level indicators and how they are spread (4 + 4 + 26 + 4), with
 *   equal weights among siblings;
 * - the answer scale: the product's 5-point satisfaction scale (非常不满意 … 非常满意, 未体验
 *   excluded), each item mean rescaled to 0–100 ((mean − 1)/4 × 100) before weighting, which is
 *   the product's weighted satisfaction index (packages/core metrics/weighted-index.ts);
 * - the sample size and the empirical method of Appendix B are not implemented here: campaigns
 *   use the product's own sample-size calculation (metrics/sample-size.ts); "at least once a year
 *   with at least two collection methods" is the campaign planner's job (H5 links and paper).
 */
import type { LocalText, Question, SurveyDefinition } from '../definition';

// The shapes of indicator-trees.ts (IndicatorTreeNode, IndicatorTemplate), restated so that file can list this tree without an import cycle.
type IndicatorTreeNode = { code: string; name: LocalText; weight: number; children?: IndicatorTreeNode[] | undefined };
type IndicatorTemplate = { code: string; name: LocalText; description: LocalText; roots: IndicatorTreeNode[] };

function node(code: string, zh: string, en: string, weight: number, children?: IndicatorTreeNode[]): IndicatorTreeNode {
  return { code, name: { 'zh-CN': zh, 'en-US': en }, weight, ...(children ? { children } : {}) };
}

/** Equal shares of 100 among `items` third-level indicators under `parent`. */
function items(parent: string, rows: readonly [string, string, string][]): IndicatorTreeNode[] {
  return rows.map(([code, zh, en]) => node(`${parent}.${code}`, zh, en, 100 / rows.length));
}

const quality = 'gbt_quality';

export const gbt45698Tree: IndicatorTemplate = {
  code: 'gbt-45698',
  name: { 'zh-CN': 'GB/T 45698-2025 物业服务客户满意度测评', 'en-US': 'GB/T 45698-2025 property-service customer satisfaction' },
  description: {
    'zh-CN':
      '国家推荐标准：品牌形象 10%、客户期望 10%、物业服务质量 70%（八个二级指标）、物业服务价值 10%，38 个三级指标。部分二、三级指标为本产品的假设，待与标准原文核对。',
    'en-US':
      'National recommended standard: brand image 10%, customer expectation 10%, service quality 70% (eight second-level indicators), service value 10%; 38 third-level indicators. Some second- and third-level indicators are our assumptions, to be checked against the text.',
  },
  roots: [
    node(
      'gbt_brand',
      '品牌形象',
      'Brand image',
      10,
      items('gbt_brand', [
        ['reputation', '企业口碑与社会声誉', 'Reputation of the company'],
        ['trust', '对物业企业的信任', 'Trust in the company'],
        ['staff_image', '服务人员形象与言行', 'Appearance and conduct of staff'],
        ['transparency', '服务与收费信息公开', 'Openness about services and fees'],
      ]),
    ),
    node(
      'gbt_expectation',
      '客户期望',
      'Customer expectation',
      10,
      items('gbt_expectation', [
        ['overall', '对物业服务的总体期望', 'Overall expectation of the service'],
        ['basic', '对基础服务的期望', 'Expectation of basic services'],
        ['response', '对问题响应的期望', 'Expectation of responsiveness'],
        ['value_added', '对增值服务的期望', 'Expectation of added services'],
      ]),
    ),
    node(quality, '物业服务质量', 'Service quality', 70, [
      node(
        `${quality}.customer_service`,
        '客户服务',
        'Customer service',
        12.5,
        items(`${quality}.customer_service`, [
          ['reception', '接待与咨询', 'Reception and enquiries'],
          ['complaints', '投诉处理及时有效', 'Complaints handled promptly and well'],
          ['return_visits', '回访与沟通', 'Return visits and communication'],
          ['information', '通知公告及时清楚', 'Clear and timely notices'],
        ]),
      ),
      node(
        `${quality}.facilities`,
        '设施设备维护',
        'Facility maintenance',
        12.5,
        items(`${quality}.facilities`, [
          ['repair_speed', '报修响应与维修及时', 'Quick response to repairs'],
          ['repair_quality', '维修质量', 'Quality of repairs'],
          ['elevators', '电梯运行安全', 'Safe elevators'],
          ['shared_facilities', '公共设施完好', 'Shared facilities in good order'],
        ]),
      ),
      node(
        `${quality}.order`,
        '秩序维护',
        'Security and order',
        12.5,
        items(`${quality}.order`, [
          ['access', '出入管理', 'Access control'],
          ['patrol', '安全巡查', 'Security patrols'],
          ['fire_safety', '消防安全管理', 'Fire safety'],
        ]),
      ),
      node(
        `${quality}.cleaning`,
        '环境卫生',
        'Cleaning',
        12.5,
        items(`${quality}.cleaning`, [
          ['common_areas', '公共区域清洁', 'Clean common areas'],
          ['waste', '垃圾收集清运', 'Waste collection'],
          ['pests', '消杀与卫生防疫', 'Pest control and hygiene'],
        ]),
      ),
      node(
        `${quality}.greening`,
        '绿化养护',
        'Landscaping',
        12.5,
        items(`${quality}.greening`, [
          ['upkeep', '绿植养护', 'Plant care'],
          ['appearance', '景观环境美观', 'Attractive grounds'],
          ['pruning', '修剪与补种及时', 'Timely pruning and replanting'],
        ]),
      ),
      node(
        `${quality}.parking`,
        '车辆管理',
        'Parking and vehicles',
        12.5,
        items(`${quality}.parking`, [
          ['order', '停车秩序', 'Orderly parking'],
          ['passage', '车辆进出顺畅', 'Smooth vehicle access'],
          ['ebikes', '非机动车与充电管理', 'Bicycles and e-bike charging'],
        ]),
      ),
      node(
        `${quality}.renovation`,
        '装饰装修管理',
        'Renovation management',
        12.5,
        items(`${quality}.renovation`, [
          ['approval', '装修手续办理', 'Renovation approvals'],
          ['supervision', '装修巡查与违规处理', 'Inspection of renovations'],
          ['noise', '装修噪音与垃圾管控', 'Renovation noise and debris'],
        ]),
      ),
      node(
        `${quality}.emergency`,
        '应急处置',
        'Emergency handling',
        12.5,
        items(`${quality}.emergency`, [
          ['plans', '应急预案与演练', 'Emergency plans and drills'],
          ['response', '突发事件处置及时', 'Prompt handling of emergencies'],
          ['outages', '停水停电等通知与恢复', 'Notice and recovery of outages'],
        ]),
      ),
    ]),
    node(
      'gbt_value',
      '物业服务价值',
      'Service value',
      10,
      items('gbt_value', [
        ['fee_value', '物业费与服务相符', 'Fees match the service'],
        ['fee_use', '公共收益与维修资金使用透明', 'Transparent use of shared income and repair funds'],
        ['property_value', '物业服务对房屋保值的作用', 'Service keeps the property’s value'],
        ['worth', '总体物有所值', 'Overall value for money'],
      ]),
    ),
  ],
};

/** One 5-point matrix question per first-level indicator (per second-level one under 物业服务质量), one row per third-level indicator. */
export function gbt45698Questions(): Question[] {
  const groups = gbt45698Tree.roots.flatMap((root) => (root.code === quality ? (root.children ?? []) : [root]));
  return groups.map((group) => ({
    key: group.code.replace(/\./g, '_'),
    type: 'matrix',
    required: true,
    allowNotExperienced: true,
    indicatorCode: group.code,
    title: { 'zh-CN': `请评价：${group.name['zh-CN']}`, 'en-US': `Please rate: ${group.name['en-US'] ?? group.name['zh-CN']}` },
    rows: (group.children ?? []).map((row) => ({ key: row.code.split('.').at(-1)!, label: row.name, indicatorCode: row.code })),
  }));
}

export const gbt45698Definition = (overall: Question, nps: Question): SurveyDefinition => ({
  title: { 'zh-CN': '物业服务客户满意度测评（GB/T 45698-2025）', 'en-US': 'Property-service customer satisfaction (GB/T 45698-2025)' },
  intro: {
    'zh-CN': '本问卷依据国家标准 GB/T 45698-2025 设计，请按您的真实感受为每一项打分；没有接触过的项目请选“未体验”。',
    'en-US': 'This questionnaire follows GB/T 45698-2025. Please rate each item as you experience it; choose "not experienced" for anything you have not used.',
  },
  questions: [...gbt45698Questions(), overall, nps],
});

/**
 * A company's score from its projects' scores, weighted by contract value (GB/T 45698-2025):
 * S = Σ vᵢ·Sᵢ / Σ vᵢ over the projects with a score. Assumption where a contract value is
 * missing: such projects are left out when any project has one; when none has, every project
 * weighs the same (a plain mean) and `weighting` says so.
 */
export function contractWeightedScore(projects: readonly { score: number | null; contractValue: number | null }[]): {
  score: number | null;
  weighting: 'contract_value' | 'equal';
  projects: number;
} {
  const scored = projects.filter((project): project is { score: number; contractValue: number | null } => project.score !== null);
  const valued = scored.filter((project) => project.contractValue !== null && project.contractValue > 0);
  if (valued.length > 0) {
    const total = valued.reduce((sum, project) => sum + project.contractValue!, 0);
    return {
      score: valued.reduce((sum, project) => sum + project.contractValue! * project.score, 0) / total,
      weighting: 'contract_value',
      projects: valued.length,
    };
  }
  if (scored.length === 0) return { score: null, weighting: 'equal', projects: 0 };
  return { score: scored.reduce((sum, project) => sum + project.score, 0) / scored.length, weighting: 'equal', projects: scored.length };
}
